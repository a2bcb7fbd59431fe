import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { Suspense } from 'react';
import { ApiUnavailable } from '../../../../components/api-unavailable';
import { PageSkeleton } from '../../../../components/page-skeleton';
import { ChangesFilters } from '../../../../changes/changes-filters';
import { ChangesPagination } from '../../../../changes/changes-pagination';
import { ChangesTimeline } from '../../../../changes/changes-timeline';
import styles from '../../../../changes/changes.module.css';
import {
  changesApiQuery,
  changesHref,
  isCanonical,
  parseChangesQuery,
  type ChangesQuery,
  type SearchParams,
} from '../../../../changes/changes-url';
import { NewChangesNotice } from '../../../../changes/new-changes-notice';
import { listNamespaces, searchChanges } from '../../../../data-access/cluster-data';

export const metadata: Metadata = { title: 'Changes' };

export default async function ChangesPage({
  params,
  searchParams,
}: {
  readonly params: Promise<{ id: string }>;
  readonly searchParams: Promise<SearchParams>;
}) {
  const { id } = await params;
  const search = await searchParams;
  const query = parseChangesQuery(search);
  const basePath = `/clusters/${id}/changes`;
  if (!isCanonical(search, query)) redirect(changesHref(basePath, query));
  const namespaces = await listNamespaces(id);
  const names = namespaces.ok ? namespaces.data.items.map((ns) => ns.name).sort() : [];

  return (
    <section aria-labelledby="changes-title">
      <div className={styles.pageHeader}>
        <h2 id="changes-title">Changes</h2>
        <Link href={`${basePath}/diff`}>Compare two snapshots</Link>
      </div>
      <ChangesFilters action={basePath} query={query} namespaces={names} />
      <NewChangesNotice key={changesHref(basePath, query)} query={query} />
      {/* Keyed by the URL: other filters or another page show the skeleton, not stale events. */}
      <Suspense key={changesHref(basePath, query)} fallback={<PageSkeleton label="the changes" />}>
        <ChangesRegion clusterId={id} basePath={basePath} query={query} />
      </Suspense>
    </section>
  );
}

async function ChangesRegion({
  clusterId,
  basePath,
  query,
}: {
  readonly clusterId: string;
  readonly basePath: string;
  readonly query: ChangesQuery;
}) {
  const changes = await searchChanges(clusterId, changesApiQuery(query));
  if (!changes.ok) {
    if (changes.error.kind === 'http-error' && changes.error.status === 404) notFound();
    return <ApiUnavailable error={changes.error} />;
  }
  const { items, total } = changes.data;
  const filtered = query.kinds.length > 0 || query.namespace || query.since || query.until;
  if (items.length === 0) {
    return (
      <div className={styles.empty} data-empty="true">
        {total > 0 ? (
          <p>
            This page is past the oldest change. <Link href={changesHref(basePath, { ...query, offset: 0 })}>Go to the newest changes</Link>.
          </p>
        ) : filtered ? (
          <p>
            No changes match these filters. Tick other kinds, widen the dates, or{' '}
            <Link href={basePath}>show every change</Link>.
          </p>
        ) : (
          <p>
            No changes recorded yet: Palisade records changes between snapshots; take one with{' '}
            <code>POST /api/clusters/{clusterId}/snapshots</code> or wait for the next scheduled one.
          </p>
        )}
      </div>
    );
  }
  const first = query.offset + 1;
  const last = query.offset + items.length;
  return (
    <>
      <p className={styles.summary} data-total={total}>
        {first === 1 && last === total ? `${total} ${total === 1 ? 'change' : 'changes'}` : `Changes ${first}–${last} of ${total}`}, newest first
      </p>
      <ChangesTimeline clusterId={clusterId} items={items} now={new Date().toISOString()} />
      <ChangesPagination basePath={basePath} query={query} total={total} />
    </>
  );
}
