import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '../status-page.module.css';

export const metadata: Metadata = { title: 'Not found' };

export default function SetupNotFound() {
  return (
    <section className={styles.box} aria-labelledby="setup-not-found-title">
      <h1 id="setup-not-found-title">Not found</h1>
      <p>There is no such page.</p>
      <p>
        <Link href="/login">Go to the sign-in page</Link>
      </p>
    </section>
  );
}
