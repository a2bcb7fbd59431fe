import type { UserItem } from '@palisade/api-contract';
import { formatUtc } from '../alerts/describe';
import styles from '../alerts/alerts.module.css';
import { ROLE_LABELS } from '../auth/roles';
import dashboard from '../components/dashboard.module.css';
import { UserRowActions } from './user-row-actions';

export function UsersTable({ users }: { readonly users: readonly UserItem[] }) {
  return (
    <div className={dashboard.tableScroll}>
      <table className={dashboard.table} data-testid="users-table">
        <caption className="visually-hidden">Users</caption>
        <thead>
          <tr>
            <th scope="col">Username</th>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">State</th>
            <th scope="col">Last sign-in</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr
              key={user.id}
              data-user={user.username}
              data-role={user.role}
              data-disabled={user.disabled}
            >
              <th scope="row">
                {user.username}
                <div className={dashboard.muted}>
                  {user.source === 'oidc' ? 'single sign-on' : 'password'}
                </div>
              </th>
              <td className={styles.wrap}>
                {user.name ?? '—'}
                {user.email ? <div className={dashboard.muted}>{user.email}</div> : null}
              </td>
              <td>{ROLE_LABELS[user.role]}</td>
              <td>
                <span className={dashboard.pill} data-tone={user.disabled ? 'bad' : 'good'}>
                  {user.disabled ? 'Disabled' : 'Active'}
                </span>
              </td>
              <td>
                {user.lastSignInAt ? (
                  <time dateTime={user.lastSignInAt}>{formatUtc(user.lastSignInAt)}</time>
                ) : (
                  'Never'
                )}
              </td>
              <td>
                <UserRowActions user={user} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
