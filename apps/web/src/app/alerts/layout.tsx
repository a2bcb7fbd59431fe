import type { ReactNode } from 'react';
import { AlertsNav } from '../../alerts/alerts-nav';
import styles from '../../alerts/alerts.module.css';

/** The alerting pages share their title and sub-navigation; each page is fleet-wide. */
export default function AlertsLayout({ children }: { readonly children: ReactNode }) {
  return (
    <>
      <h1 className={styles.title}>Alerting</h1>
      <AlertsNav />
      {children}
    </>
  );
}
