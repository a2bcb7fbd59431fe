import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { pagedHref } from '../../../admin/admin-url';
import { TokenForm } from '../../../admin/token-form';
import { TokensTable } from '../../../admin/tokens-table';
import { isCanonical, offsetOf, PAGE_SIZE, type SearchParams } from '../../../alerts/alerts-url';
import { pageAccess } from '../../../auth/page-access';
import { ApiUnavailable } from '../../../components/api-unavailable';
import dashboard from '../../../components/dashboard.module.css';
import { pageLinks } from '../../../components/page-links';
import { Pagination } from '../../../components/pagination';
import { listTokens } from '../../../data-access/admin-data';

export const metadata: Metadata = { title: 'API tokens' };

const BASE = '/admin/tokens';

export default async function TokensPage({
  searchParams,
}: {
  readonly searchParams: Promise<SearchParams>;
}) {
  await connection();
  const search = await searchParams;
  const offset = offsetOf(search['offset']);
  if (!isCanonical(search, pagedHref(BASE, offset))) redirect(pagedHref(BASE, offset));
  const access = await pageAccess('tokens.manage', 'manage API tokens');
  if (!access.allowed) return access.page;
  const tokens = await listTokens({ limit: PAGE_SIZE, offset });
  if (!tokens.ok) return <ApiUnavailable error={tokens.error} />;
  const { items, total } = tokens.data;
  return (
    <>
      <section aria-label="Create an API token" className={dashboard.section}>
        <TokenForm />
      </section>
      <section aria-labelledby="tokens-title" className={dashboard.section}>
        <h2 id="tokens-title">API tokens</h2>
        {total === 0 ? (
          <p>
            No API tokens yet. Scripts and pipelines call the API with one:{' '}
            <code>Authorization: Bearer pal_…</code>.
          </p>
        ) : items.length === 0 ? (
          <p>
            This page is past the last token. <a href={BASE}>Go to the first page</a>.
          </p>
        ) : (
          <TokensTable tokens={items} now={new Date()} />
        )}
        <Pagination
          links={pageLinks({ offset, limit: PAGE_SIZE, total }, (o) => pagedHref(BASE, o))}
        />
      </section>
    </>
  );
}
