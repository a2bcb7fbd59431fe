import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { pagedHref } from '../../../admin/admin-url';
import { ClusterForm } from '../../../admin/cluster-form';
import { ClustersTable } from '../../../admin/clusters-table';
import { isCanonical, offsetOf, PAGE_SIZE, type SearchParams } from '../../../alerts/alerts-url';
import { pageAccess } from '../../../auth/page-access';
import { ApiUnavailable } from '../../../components/api-unavailable';
import dashboard from '../../../components/dashboard.module.css';
import { pageLinks } from '../../../components/page-links';
import { Pagination } from '../../../components/pagination';
import { listManagedClusters } from '../../../data-access/admin-data';

export const metadata: Metadata = { title: 'Clusters' };

const BASE = '/admin/clusters';

export default async function ClustersAdminPage({
  searchParams,
}: {
  readonly searchParams: Promise<SearchParams>;
}) {
  await connection();
  const search = await searchParams;
  const offset = offsetOf(search['offset']);
  if (!isCanonical(search, pagedHref(BASE, offset))) redirect(pagedHref(BASE, offset));
  const access = await pageAccess('clusters.manage', 'manage the watched clusters');
  if (!access.allowed) return access.page;
  const clusters = await listManagedClusters({ limit: PAGE_SIZE, offset });
  if (!clusters.ok) return <ApiUnavailable error={clusters.error} />;
  const { items, total } = clusters.data;
  return (
    <>
      <section aria-labelledby="clusters-title" className={dashboard.section}>
        <h2 id="clusters-title">Watched clusters</h2>
        <p className={dashboard.tableSummary} role="status" data-total={total}>
          {total === 0
            ? 'No clusters are watched yet.'
            : `Showing ${items.length === 0 ? 0 : offset + 1}–${offset + items.length} of ${total.toLocaleString('en')} clusters`}
        </p>
        {items.length > 0 ? (
          <ClustersTable clusters={items} />
        ) : total > 0 ? (
          <p>
            This page is past the last cluster. <a href={BASE}>Go to the first page</a>.
          </p>
        ) : null}
        <Pagination
          links={pageLinks({ offset, limit: PAGE_SIZE, total }, (o) => pagedHref(BASE, o))}
        />
      </section>
      <section aria-label="Watch a cluster" className={dashboard.section}>
        <ClusterForm />
      </section>
    </>
  );
}
