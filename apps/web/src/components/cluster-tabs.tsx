'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import styles from './dashboard.module.css';

/** The cluster's pages; the current one is marked for assistive technology too. */
export function ClusterTabs({ clusterId }: { readonly clusterId: string }) {
  const pathname = usePathname();
  const base = `/clusters/${clusterId}`;
  const tabs = [
    { href: base, label: 'Overview' },
    { href: `${base}/workloads`, label: 'Workloads' },
    { href: `${base}/namespaces`, label: 'Namespaces' },
    { href: `${base}/policies`, label: 'Policies' },
    { href: `${base}/changes`, label: 'Changes' },
  ];
  // A workload's or policy's own page belongs to its list's tab.
  const current = (href: string) =>
    href === base ? pathname === base : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <nav aria-label="Cluster" className={styles.tabs}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link href={tab.href} aria-current={current(tab.href) ? 'page' : undefined}>
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
