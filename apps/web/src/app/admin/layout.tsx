import type { ReactNode } from 'react';
import styles from '../../alerts/alerts.module.css';
import { TabNav, type Tab } from '../../alerts/tab-nav';
import { can } from '../../auth/roles';
import { currentRole } from '../../data-access/session';

const TABS: readonly Tab[] = [
  { href: '/admin/users', label: 'Users' },
  { href: '/admin/tokens', label: 'API tokens' },
  { href: '/admin/clusters', label: 'Clusters' },
  { href: '/admin/audit', label: 'Audit log' },
];

/** The administration pages share their title; their tabs are shown to administrators only. */
export default async function AdminLayout({ children }: { readonly children: ReactNode }) {
  const role = await currentRole();
  return (
    <>
      <h1 className={styles.title}>Administration</h1>
      {can(role, 'users.manage') ? <TabNav label="Administration" tabs={TABS} /> : null}
      {children}
    </>
  );
}
