import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { ApiUnavailable } from '../../../../components/api-unavailable';
import dashboard from '../../../../components/dashboard.module.css';
import { listNamespaces, listPolicies } from '../../../../data-access/cluster-data';
import { NoPolicies } from '../../../../policies/policies-empty';
import { PoliciesFilters } from '../../../../policies/policies-filters';
import { PoliciesPagination } from '../../../../policies/policies-pagination';
import { PoliciesTable } from '../../../../policies/policies-table';
import {
  hasFilters,
  isCanonical,
  parsePoliciesQuery,
  policiesHref,
  type PoliciesQuery,
  type SearchParams,
} from '../../../../policies/policies-url';

export const metadata: Metadata = { title: 'Policies' };

function caption(query: PoliciesQuery): string {
  const kind = query.kind ? `${query.kind}s` : 'Policies of every kind';
  const where = query.namespace ? ` in ${query.namespace}` : '';
  return `${kind}${where}${query.removed ? ', removed ones included' : ''}`;
}

export default async function PoliciesPage({
  params,
  searchParams,
}: {
  readonly params: Promise<{ id: string }>;
  readonly searchParams: Promise<SearchParams>;
}) {
  const { id } = await params;
  const search = await searchParams;
  const query = parsePoliciesQuery(search);
  const basePath = `/clusters/${id}/policies`;
  if (!isCanonical(search, query)) redirect(policiesHref(basePath, query));
  const [policies, namespaces] = await Promise.all([listPolicies(id, query), listNamespaces(id)]);
  if (!policies.ok) {
    if (policies.error.kind === 'http-error' && policies.error.status === 404) notFound();
    return <ApiUnavailable error={policies.error} />;
  }
  const names = namespaces.ok ? namespaces.data.items.map((ns) => ns.name).sort() : [];
  const { items, total } = policies.data;
  const firstRow = items.length === 0 ? 0 : query.offset + 1;

  return (
    <section aria-labelledby="policies-title">
      <h2 id="policies-title">Policies</h2>
      <PoliciesFilters action={basePath} query={query} namespaces={names} />
      <p className={dashboard.tableSummary} role="status" data-total={total}>
        {total === 0
          ? hasFilters(query)
            ? 'No policy matches these filters.'
            : 'No policies.'
          : `Showing ${firstRow}–${query.offset + items.length} of ${total.toLocaleString('en')} policies`}
      </p>
      {items.length > 0 ? (
        <PoliciesTable clusterId={id} policies={items} caption={caption(query)} />
      ) : total === 0 && !hasFilters(query) ? (
        <NoPolicies />
      ) : total > 0 ? (
        <p>
          This page is past the last policy. <a href={policiesHref(basePath, { ...query, offset: 0 })}>Go to the first page</a>.
        </p>
      ) : (
        <p>
          <a href={basePath}>Clear the filters</a> to see every current policy.
        </p>
      )}
      <PoliciesPagination basePath={basePath} query={query} total={total} />
    </section>
  );
}
