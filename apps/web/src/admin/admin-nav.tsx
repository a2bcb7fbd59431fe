'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import styles from '../alerts/alerts.module.css';

const TABS = [
  { href: '/admin/users', label: 'Users' },
  { href: '/admin/tokens', label: 'API tokens' },
  { href: '/admin/clusters', label: 'Clusters' },
  { href: '/admin/audit', label: 'Audit log' },
];

/** The administration pages; the current one is marked for assistive technology too. */
export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Administration" className={styles.subnav}>
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
