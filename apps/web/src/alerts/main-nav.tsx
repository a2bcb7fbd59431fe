'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import styles from './alerts.module.css';

const SECTIONS = [
  { href: '/alerts', label: 'Alerts' },
  { href: '/reports', label: 'Reports' },
];

/** The fleet-wide sections of the main navigation; the one shown is marked current. */
export function MainNavSections() {
  const pathname = usePathname();
  return SECTIONS.map((section) => {
    const current = pathname === section.href || pathname.startsWith(`${section.href}/`);
    return (
      <li key={section.href}>
        <Link
          href={section.href}
          className={styles.mainNavLink}
          aria-current={current ? 'page' : undefined}
        >
          {section.label}
        </Link>
      </li>
    );
  });
}
