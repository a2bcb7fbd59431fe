import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { MainNavSections } from '../alerts/main-nav';
import { AccountMenu } from '../auth/account-menu';
import { getSession } from '../data-access/session';
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

export default async function RootLayout({ children }: { readonly children: ReactNode }) {
  // One local call, shared with the page (cached per request). Not behind a Suspense boundary:
  // the header must be there without JavaScript too.
  const session = await getSession();
  const signedIn = session.ok && session.data.authenticated ? session.data : undefined;
  // The sections lead nowhere for a browser that is known to be signed out (the sign-in page).
  const showNav = !(session.ok && !session.data.authenticated);
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
            {showNav ? (
              <nav className={styles.nav} aria-label="Main">
                <ul>
                  <MainNavSections admin={signedIn?.role === 'admin'} />
                  <li>
                    {/* Served by the API through this origin's /api proxy, not a page of this app. */}
                    <a href="/api/docs">API docs</a>
                  </li>
                </ul>
              </nav>
            ) : null}
            {signedIn ? <AccountMenu session={signedIn} /> : null}
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
