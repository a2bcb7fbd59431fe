import type { Metadata } from 'next';
import Link from 'next/link';
import styles from './status-page.module.css';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <section className={styles.box} aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>There is no page at this address.</p>
      <p>
        <Link href="/">Back to the clusters</Link>
      </p>
    </section>
  );
}
