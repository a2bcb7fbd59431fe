import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import styles from '../../alerts/alerts.module.css';
import { isCanonical, offsetOf, PAGE_SIZE, type SearchParams } from '../../alerts/alerts-url';
import { pageLinks } from '../../components/page-links';
import { Pagination } from '../../components/pagination';
import { ApiUnavailable } from '../../components/api-unavailable';
import dashboard from '../../components/dashboard.module.css';
import { listClusters } from '../../data-access/clusters';
import { listReports } from '../../data-access/reports-data';
import { ReportForm } from '../../reports/report-form';
import { ReportsTable } from '../../reports/reports-table';
import { ReadOnlyNote } from '../../auth/read-only-note';
import { can } from '../../auth/roles';
import { currentRole } from '../../data-access/session';

export const metadata: Metadata = { title: 'Reports' };

const href = (offset: number) => (offset > 0 ? `/reports?offset=${offset}` : '/reports');

export default async function ReportsPage({
  searchParams,
}: {
  readonly searchParams: Promise<SearchParams>;
}) {
  await connection();
  const search = await searchParams;
  const offset = offsetOf(search['offset']);
  if (!isCanonical(search, href(offset))) redirect(href(offset));
  const [reports, clusters, role] = await Promise.all([
    listReports({ limit: PAGE_SIZE, offset }),
    listClusters(),
    currentRole(),
  ]);
  const canGenerate = can(role, 'reports.generate');
  if (!reports.ok) return <ApiUnavailable error={reports.error} />;
  const { items, total } = reports.data;
  return (
    <>
      <h1 className={styles.title}>Compliance reports</h1>
      {canGenerate ? (
        <section aria-label="Generate a report" className={dashboard.section}>
          <ReportForm clusters={clusters.ok ? clusters.data.items : []} />
        </section>
      ) : (
        <ReadOnlyNote role={role} what="generate reports" needs="operator" />
      )}
      <section aria-labelledby="reports-title" className={dashboard.section}>
        <h2 id="reports-title">Stored reports</h2>
        {total === 0 ? (
          <p>
            No reports yet. {canGenerate ? 'Generate one above; a' : 'A'} fleet report is made every
            week (and emailed when REPORT_EMAIL_TO is set).
          </p>
        ) : items.length === 0 ? (
          <p>
            This page is past the last report. <a href="/reports">Go to the first page</a>.
          </p>
        ) : (
          <ReportsTable reports={items} />
        )}
        <Pagination links={pageLinks({ offset: offset, limit: PAGE_SIZE, total }, href)} />
      </section>
    </>
  );
}
