import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '../status-page.module.css';

export const metadata: Metadata = { title: 'Not found' };

export default function LoginNotFound() {
  return (
    <section className={styles.box} aria-labelledby="login-not-found-title">
      <h1 id="login-not-found-title">Not found</h1>
      <p>There is no such page.</p>
      <p>
        <Link href="/login">Go to the sign-in page</Link>
      </p>
    </section>
  );
}
