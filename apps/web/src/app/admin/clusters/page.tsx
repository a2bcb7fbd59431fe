import type { Metadata } from 'next';
import { AdminList, loadAdminList, pagedUrl } from '../../../admin/admin-list';
import { ClusterForm } from '../../../admin/cluster-form';
import { ClustersTable } from '../../../admin/clusters-table';
import type { SearchParams } from '../../../alerts/alerts-url';
import dashboard from '../../../components/dashboard.module.css';
import { listManagedClusters } from '../../../data-access/admin-data';

export const metadata: Metadata = { title: 'Clusters' };

export default async function ClustersAdminPage({
  searchParams,
}: {
  readonly searchParams: Promise<SearchParams>;
}) {
  const clusters = await loadAdminList(searchParams, {
    ...pagedUrl('/admin/clusters'),
    permission: 'clusters.manage',
    what: 'manage the watched clusters',
    list: listManagedClusters,
  });
  if (!clusters.ok) return clusters.page;
  return (
    <>
      <AdminList
        id="clusters"
        title="Watched clusters"
        list={clusters}
        counted="clusters"
        one="cluster"
        empty="No clusters are watched yet."
      >
        <ClustersTable clusters={clusters.items} />
      </AdminList>
      <section aria-label="Watch a cluster" className={dashboard.section}>
        <ClusterForm />
      </section>
    </>
  );
}
