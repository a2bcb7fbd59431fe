import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ApiUnavailable } from '../../../../components/api-unavailable';
import { listNamespaces, listWorkloads } from '../../../../data-access/cluster-data';
import { WorkloadsFilters } from '../../../../workloads/workloads-filters';
import { WorkloadsTable } from '../../../../workloads/workloads-table';
import {
  isCanonical,
  parseWorkloadsQuery,
  workloadsHref,
  type SearchParams,
} from '../../../../workloads/workloads-url';

export const metadata: Metadata = { title: 'Workloads' };

export default async function WorkloadsPage({
  params,
  searchParams,
}: {
  readonly params: Promise<{ id: string }>;
  readonly searchParams: Promise<SearchParams>;
}) {
  const { id } = await params;
  const search = await searchParams;
  const query = parseWorkloadsQuery(search);
  const basePath = `/clusters/${id}/workloads`;
  if (!isCanonical(search, query)) redirect(workloadsHref(basePath, query));
  const [workloads, namespaces] = await Promise.all([
    listWorkloads(id, query),
    listNamespaces(id),
  ]);
  if (!workloads.ok) return <ApiUnavailable error={workloads.error} />;
  const names = namespaces.ok ? namespaces.data.items.map((ns) => ns.name).sort() : [];

  return (
    <section aria-labelledby="workloads-title">
      <h2 id="workloads-title">Workloads</h2>
      <WorkloadsFilters action={basePath} query={query} namespaces={names} />
      {/* Keyed by the URL: another filter, sort or page starts from the server's rows. */}
      <WorkloadsTable
        key={workloadsHref(basePath, query)}
        initial={{ rows: workloads.data.items, total: workloads.data.total }}
        query={query}
        basePath={basePath}
      />
    </section>
  );
}
