import type { Metadata } from 'next';
import { AdminList, loadAdminList, pagedUrl } from '../../../admin/admin-list';
import { TokenForm } from '../../../admin/token-form';
import { TokensTable } from '../../../admin/tokens-table';
import type { SearchParams } from '../../../alerts/alerts-url';
import dashboard from '../../../components/dashboard.module.css';
import { listTokens } from '../../../data-access/admin-data';

export const metadata: Metadata = { title: 'API tokens' };

export default async function TokensPage({
  searchParams,
}: {
  readonly searchParams: Promise<SearchParams>;
}) {
  const tokens = await loadAdminList(searchParams, {
    ...pagedUrl('/admin/tokens'),
    permission: 'tokens.manage',
    what: 'manage API tokens',
    list: listTokens,
  });
  if (!tokens.ok) return tokens.page;
  return (
    <>
      <section aria-label="Create an API token" className={dashboard.section}>
        <TokenForm />
      </section>
      <AdminList
        id="tokens"
        title="API tokens"
        list={tokens}
        counted="tokens"
        one="token"
        empty={
          <>
            No API tokens yet. Scripts and pipelines call the API with one:{' '}
            <code>Authorization: Bearer pal_…</code>.
          </>
        }
      >
        <TokensTable tokens={tokens.items} now={new Date()} />
      </AdminList>
    </>
  );
}
