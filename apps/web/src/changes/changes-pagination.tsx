import { pageLinks } from '../components/page-links';
import { Pagination } from '../components/pagination';
import { changesHref, type ChangesQuery } from './changes-url';

const WORDS = { first: 'Newest', previous: 'Newer', next: 'Older', last: 'Oldest' };

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
  const links = pageLinks({ ...query, total }, (offset) =>
    changesHref(basePath, { ...query, offset }),
  );
  return <Pagination links={links} label="Pages of changes" words={WORDS} />;
}
