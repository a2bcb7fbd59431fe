import { REPORT_FORMATS } from '@palisade/api-contract';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import styles from '../../../alerts/alerts.module.css';
import { formatUtc } from '../../../alerts/describe';
import { ApiUnavailable } from '../../../components/api-unavailable';
import dashboard from '../../../components/dashboard.module.css';
import { getReport } from '../../../data-access/reports-data';
import {
  downloadHref,
  FORMAT_LABELS,
  periodText,
  reportStatusOf,
  scopeText,
} from '../../../reports/report-text';

export const metadata: Metadata = { title: 'Report' };

export default async function ReportPage({ params }: { readonly params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  const report = await getReport(id);
  if (!report.ok) {
    if (report.error.kind === 'http-error' && [400, 404].includes(report.error.status)) notFound();
    return <ApiUnavailable error={report.error} />;
  }
  const r = report.data;
  const status = reportStatusOf(r.status);
  return (
    <>
      <p>
        <Link href="/reports">All reports</Link>
      </p>
      <h1 className={styles.title}>{r.data?.title ?? `Report of ${scopeText(r)}`}</h1>
      <p>
        {scopeText(r)}, {periodText(r.from, r.to)}. Created{' '}
        <time dateTime={r.createdAt}>{formatUtc(r.createdAt)}</time>{' '}
        <span className={dashboard.pill} data-tone={status.tone}>
          {status.label}
        </span>
      </p>
      {r.status === 'ready' ? (
        <>
          <section aria-labelledby="downloads-title">
            <h2 id="downloads-title">Download</h2>
            <ul className={styles.downloads}>
              {REPORT_FORMATS.map((format) => (
                <li key={format}>
                  <a href={downloadHref(r.id, format)} data-format={format} download>
                    {FORMAT_LABELS[format]}
                  </a>
                </li>
              ))}
            </ul>
          </section>
          {/* The API's HTML is self-contained; sandboxed with no permission at all: no scripts. */}
          <iframe
            className={styles.report}
            sandbox=""
            src={`/reports/${encodeURIComponent(r.id)}/view`}
            title={`The report: ${r.data?.title ?? scopeText(r)}`}
          />
        </>
      ) : r.status === 'generating' ? (
        <p role="status">
          This report is being generated.{' '}
          <a href={`/reports/${encodeURIComponent(r.id)}`}>Reload</a> in a moment.
        </p>
      ) : (
        <p role="alert">
          This report could not be generated{r.error ? `: ${r.error}` : ''}. Generate it again from{' '}
          <Link href="/reports">the reports</Link>.
        </p>
      )}
    </>
  );
}
