import type { Metadata } from 'next';
import { AdminList, loadAdminList, pagedUrl } from '../../../admin/admin-list';
import { UserForm } from '../../../admin/user-form';
import { UsersTable } from '../../../admin/users-table';
import type { SearchParams } from '../../../alerts/alerts-url';
import dashboard from '../../../components/dashboard.module.css';
import { listUsers } from '../../../data-access/admin-data';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage({
  searchParams,
}: {
  readonly searchParams: Promise<SearchParams>;
}) {
  const users = await loadAdminList(searchParams, {
    ...pagedUrl('/admin/users'),
    permission: 'users.manage',
    what: 'manage users',
    list: listUsers,
  });
  if (!users.ok) return users.page;
  return (
    <>
      <AdminList
        id="users"
        title="Users"
        list={users}
        counted="users"
        one="user"
        empty="No users yet."
      >
        <UsersTable users={users.items} />
      </AdminList>
      <section aria-label="Add a user" className={dashboard.section}>
        <UserForm />
      </section>
    </>
  );
}
