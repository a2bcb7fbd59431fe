'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import styles from './alerts.module.css';

const TABS = [
  { href: '/alerts', label: 'Alerts' },
  { href: '/alerts/rules', label: 'Rules' },
  { href: '/alerts/channels', label: 'Channels' },
  { href: '/alerts/exceptions', label: 'Exceptions' },
  { href: '/alerts/deliveries', label: 'Deliveries' },
];

/** The alerting pages; the current one is marked for assistive technology too. */
export function AlertsNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Alerting" className={styles.subnav}>
      <ul>
        {TABS.map((tab) => (
          <li key={tab.href}>
            <Link href={tab.href} aria-current={pathname === tab.href ? 'page' : undefined}>
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
