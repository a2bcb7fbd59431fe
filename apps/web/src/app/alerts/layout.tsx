import type { ReactNode } from 'react';
import styles from '../../alerts/alerts.module.css';
import { TabNav, type Tab } from '../../alerts/tab-nav';

const TABS: readonly Tab[] = [
  { href: '/alerts', label: 'Alerts' },
  { href: '/alerts/rules', label: 'Rules' },
  { href: '/alerts/channels', label: 'Channels' },
  { href: '/alerts/exceptions', label: 'Exceptions' },
  { href: '/alerts/deliveries', label: 'Deliveries' },
];

/** The alerting pages share their title and sub-navigation; each page is fleet-wide. */
export default function AlertsLayout({ children }: { readonly children: ReactNode }) {
  return (
    <>
      <h1 className={styles.title}>Alerting</h1>
      <TabNav label="Alerting" tabs={TABS} />
      {children}
    </>
  );
}
