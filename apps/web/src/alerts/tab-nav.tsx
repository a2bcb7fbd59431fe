'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import styles from './alerts.module.css';

export interface Tab {
  readonly href: string;
  readonly label: string;
}

/** A section's pages as tabs (alerting, administration); the current one is marked for assistive technology too. */
export function TabNav({ label, tabs }: { readonly label: string; readonly tabs: readonly Tab[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className={styles.subnav}>
      <ul>
        {tabs.map((tab) => (
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
