import type { ReactNode } from 'react';
import { AdminNav } from '../../admin/admin-nav';
import styles from '../../alerts/alerts.module.css';
import { can } from '../../auth/roles';
import { currentRole } from '../../data-access/session';

/** The administration pages share their title; their tabs are shown to administrators only. */
export default async function AdminLayout({ children }: { readonly children: ReactNode }) {
  const role = await currentRole();
  return (
    <>
      <h1 className={styles.title}>Administration</h1>
      {can(role, 'users.manage') ? <AdminNav /> : null}
      {children}
    </>
  );
}
