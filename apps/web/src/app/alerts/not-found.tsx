import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '../status-page.module.css';

export const metadata: Metadata = { title: 'Not found' };

export default function AlertingNotFound() {
  return (
    <section className={styles.box} aria-labelledby="alerting-not-found-title">
      <h2 id="alerting-not-found-title">Not found</h2>
      <p>There is no such alert, rule, channel or exception. It may have been deleted.</p>
      <p>
        <Link href="/alerts">Back to the alerts</Link>
      </p>
    </section>
  );
}
