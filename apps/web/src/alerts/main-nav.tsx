'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import styles from './alerts.module.css';

const SECTIONS = [
  { href: '/alerts', label: 'Alerts' },
  { href: '/reports', label: 'Reports' },
];

const ADMIN = { href: '/admin', label: 'Admin' };

/**
 * The fleet-wide sections of the main navigation (Admin for administrators only); the one shown
 * is marked current.
 */
export function MainNavSections({ admin = false }: { readonly admin?: boolean }) {
  const pathname = usePathname();
  return (admin ? [...SECTIONS, ADMIN] : SECTIONS).map((section) => {
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
