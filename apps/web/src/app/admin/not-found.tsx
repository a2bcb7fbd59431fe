import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '../status-page.module.css';

export const metadata: Metadata = { title: 'Not found' };

export default function AdminNotFound() {
  return (
    <section className={styles.box} aria-labelledby="admin-not-found-title">
      <h2 id="admin-not-found-title">Not found</h2>
      <p>There is no such administration page.</p>
      <p>
        <Link href="/admin/users">Back to the users</Link>
      </p>
    </section>
  );
}
