import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { pagedHref } from '../../../admin/admin-url';
import { UserForm } from '../../../admin/user-form';
import { UsersTable } from '../../../admin/users-table';
import { isCanonical, offsetOf, PAGE_SIZE, type SearchParams } from '../../../alerts/alerts-url';
import { pageAccess } from '../../../auth/page-access';
import { ApiUnavailable } from '../../../components/api-unavailable';
import dashboard from '../../../components/dashboard.module.css';
import { pageLinks } from '../../../components/page-links';
import { Pagination } from '../../../components/pagination';
import { listUsers } from '../../../data-access/admin-data';

export const metadata: Metadata = { title: 'Users' };

const BASE = '/admin/users';

export default async function UsersPage({
  searchParams,
}: {
  readonly searchParams: Promise<SearchParams>;
}) {
  await connection();
  const search = await searchParams;
  const offset = offsetOf(search['offset']);
  if (!isCanonical(search, pagedHref(BASE, offset))) redirect(pagedHref(BASE, offset));
  const access = await pageAccess('users.manage', 'manage users');
  if (!access.allowed) return access.page;
  const users = await listUsers({ limit: PAGE_SIZE, offset });
  if (!users.ok) return <ApiUnavailable error={users.error} />;
  const { items, total } = users.data;
  return (
    <>
      <section aria-labelledby="users-title" className={dashboard.section}>
        <h2 id="users-title">Users</h2>
        <p className={dashboard.tableSummary} role="status" data-total={total}>
          {total === 0
            ? 'No users yet.'
            : `Showing ${items.length === 0 ? 0 : offset + 1}–${offset + items.length} of ${total.toLocaleString('en')} users`}
        </p>
        {items.length > 0 ? (
          <UsersTable users={items} />
        ) : total > 0 ? (
          <p>
            This page is past the last user. <a href={BASE}>Go to the first page</a>.
          </p>
        ) : null}
        <Pagination
          links={pageLinks({ offset, limit: PAGE_SIZE, total }, (o) => pagedHref(BASE, o))}
        />
      </section>
      <section aria-label="Add a user" className={dashboard.section}>
        <UserForm />
      </section>
    </>
  );
}
