import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '../status-page.module.css';

export const metadata: Metadata = { title: 'Report not found' };

export default function ReportNotFound() {
  return (
    <section className={styles.box} aria-labelledby="report-not-found-title">
      <h1 id="report-not-found-title">Report not found</h1>
      <p>There is no stored report with this id.</p>
      <p>
        <Link href="/reports">Back to the reports</Link>
      </p>
    </section>
  );
}
