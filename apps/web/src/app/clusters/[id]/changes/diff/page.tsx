import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { Suspense } from 'react';
import { ApiUnavailable } from '../../../../../components/api-unavailable';
import { PageSkeleton } from '../../../../../components/page-skeleton';
import styles from '../../../../../changes/changes.module.css';
import type { SearchParams } from '../../../../../changes/changes-url';
import { DiffView } from '../../../../../changes/diff-view';
import { diffHref, isDiffCanonical, parseDiffQuery, resolvePair } from '../../../../../changes/diff-url';
import { SnapshotPicker } from '../../../../../changes/snapshot-picker';
import { diffSnapshots, listSnapshots } from '../../../../../data-access/cluster-data';

export const metadata: Metadata = { title: 'Compare snapshots' };

/** How many recent snapshots the pickers offer. */
const PICKABLE = 200;

export default async function DiffPage({
  params,
  searchParams,
}: {
  readonly params: Promise<{ id: string }>;
  readonly searchParams: Promise<SearchParams>;
}) {
  const { id } = await params;
  const search = await searchParams;
  const query = parseDiffQuery(search);
  const basePath = `/clusters/${id}/changes/diff`;
  if (!isDiffCanonical(search, query)) redirect(diffHref(basePath, query));
  const snapshots = await listSnapshots(id, { limit: PICKABLE, offset: 0 });
  if (!snapshots.ok) {
    if (snapshots.error.kind === 'http-error' && snapshots.error.status === 404) notFound();
    return <ApiUnavailable error={snapshots.error} />;
  }
  const pair = resolvePair(query, snapshots.data.items);

  return (
    <section aria-labelledby="diff-title">
      <div className={styles.pageHeader}>
        <h2 id="diff-title">Compare snapshots</h2>
        <Link href={`/clusters/${id}/changes`}>Back to the timeline</Link>
      </div>
      {pair === undefined ? (
        <div className={styles.empty} data-empty="true">
          <p>
            There is nothing to compare yet: a comparison needs two snapshots. Take one with{' '}
            <code>POST /api/clusters/{id}/snapshots</code> or wait for the next scheduled one.
          </p>
        </div>
      ) : (
        <>
          <SnapshotPicker action={basePath} from={pair.from} to={pair.to} snapshots={snapshots.data.items} />
          <Suspense key={`${pair.from}-${pair.to}`} fallback={<PageSkeleton label="the comparison" />}>
            <DiffRegion clusterId={id} from={pair.from} to={pair.to} />
          </Suspense>
        </>
      )}
    </section>
  );
}

async function DiffRegion({
  clusterId,
  from,
  to,
}: {
  readonly clusterId: string;
  readonly from: number;
  readonly to: number;
}) {
  const diff = await diffSnapshots(clusterId, from, to);
  if (!diff.ok) {
    const { error } = diff;
    // The API refuses some pairs and says why (a thinned snapshot, one that does not exist):
    // that is an answer for the reader, not an outage.
    if (error.kind === 'http-error' && [400, 404, 409].includes(error.status)) {
      return (
        <div className={styles.problem} role="alert" data-diff-problem={error.status}>
          <h3>These snapshots cannot be compared</h3>
          <p>{error.message}</p>
          <p>Pick other snapshots above; the most recent ones are kept in full.</p>
        </div>
      );
    }
    return <ApiUnavailable error={error} />;
  }
  return <DiffView clusterId={clusterId} diff={diff.data} />;
}
