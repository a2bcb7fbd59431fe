import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { MainNavSections } from '../alerts/main-nav';
import { inter } from '../fonts/inter';
import './globals.css';
import styles from './layout.module.css';

export const metadata: Metadata = {
  title: { default: 'Palisade', template: '%s · Palisade' },
  description: 'Network isolation audit for Kubernetes clusters',
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
};

export default function RootLayout({ children }: { readonly children: ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body>
        <a className={styles.skipLink} href="#main">
          Skip to content
        </a>
        <header className={styles.header}>
          <div className={styles.headerInner}>
            <Link className={styles.brand} href="/">
              Palisade
            </Link>
            <nav className={styles.nav} aria-label="Main">
              <ul>
                <MainNavSections />
                <li>
                  {/* Served by the API through this origin's /api proxy, not a page of this app. */}
                  <a href="/api/docs">API docs</a>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" className={styles.main} tabIndex={-1}>
          {children}
        </main>
        <footer className={styles.footer}>
          <div className={styles.footerInner}>
            Palisade: network isolation audit for Kubernetes.
          </div>
        </footer>
      </body>
    </html>
  );
}
