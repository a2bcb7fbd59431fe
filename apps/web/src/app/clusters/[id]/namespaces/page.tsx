import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { ApiUnavailable } from '../../../../components/api-unavailable';
import { listNamespaces } from '../../../../data-access/cluster-data';
import { NamespacesFilter } from '../../../../namespaces/namespaces-filter';
import { NamespacesTable } from '../../../../namespaces/namespaces-table';
import {
  isCanonical,
  namespacesHref,
  parseNamespacesQuery,
  type SearchParams,
} from '../../../../namespaces/namespaces-url';

export const metadata: Metadata = { title: 'Namespaces' };

export default async function NamespacesPage({
  params,
  searchParams,
}: {
  readonly params: Promise<{ id: string }>;
  readonly searchParams: Promise<SearchParams>;
}) {
  const { id } = await params;
  const search = await searchParams;
  const query = parseNamespacesQuery(search);
  const basePath = `/clusters/${id}/namespaces`;
  if (!isCanonical(search, query)) redirect(namespacesHref(basePath, query));
  const namespaces = await listNamespaces(id);
  if (!namespaces.ok) {
    if (namespaces.error.kind === 'http-error' && namespaces.error.status === 404) notFound();
    return <ApiUnavailable error={namespaces.error} />;
  }

  return (
    <section aria-labelledby="namespaces-title">
      <h2 id="namespaces-title">Namespaces</h2>
      <NamespacesFilter action={basePath} query={query} />
      {/* Keyed by the URL: another sort or filter starts from the server's rows. */}
      <NamespacesTable
        key={namespacesHref(basePath, query)}
        initial={namespaces.data.items}
        query={query}
        basePath={basePath}
      />
    </section>
  );
}
