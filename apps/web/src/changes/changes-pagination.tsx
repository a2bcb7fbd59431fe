import Link from 'next/link';
import styles from './changes.module.css';
import { changesHref, type ChangesQuery } from './changes-url';

/** Older and newer pages of the timeline, as links (the page is in the URL). */
export function ChangesPagination({
  basePath,
  query,
  total,
}: {
  readonly basePath: string;
  readonly query: ChangesQuery;
  readonly total: number;
}) {
  const pages = Math.max(1, Math.ceil(total / query.limit));
  const current = Math.floor(query.offset / query.limit) + 1;
  if (pages <= 1 && query.offset === 0) return null;
  const at = (offset: number) => changesHref(basePath, { ...query, offset });
  const newer = query.offset > 0 ? at(Math.max(0, query.offset - query.limit)) : undefined;
  const older = query.offset + query.limit < total ? at(query.offset + query.limit) : undefined;
  return (
    <nav aria-label="Pages of changes" className={styles.pagination}>
      {newer ? <Link href={at(0)}>Newest</Link> : <span aria-disabled="true">Newest</span>}
      {newer ? (
        <Link href={newer} rel="prev">
          Newer
        </Link>
      ) : (
        <span aria-disabled="true">Newer</span>
      )}
      <span>
        Page {current} of {pages}
      </span>
      {older ? (
        <Link href={older} rel="next">
          Older
        </Link>
      ) : (
        <span aria-disabled="true">Older</span>
      )}
      {older ? <Link href={at((pages - 1) * query.limit)}>Oldest</Link> : <span aria-disabled="true">Oldest</span>}
    </nav>
  );
}
