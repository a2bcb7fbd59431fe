import type { ReportItem } from '@palisade/api-contract';
import Link from 'next/link';
import { formatUtc } from '../alerts/describe';
import dashboard from '../components/dashboard.module.css';
import { periodText, reportStatusOf, scopeText } from './report-text';

export function ReportsTable({ reports }: { readonly reports: readonly ReportItem[] }) {
  return (
    <div className={dashboard.tableScroll}>
      <table className={dashboard.table} data-testid="reports-table">
        <caption className="visually-hidden">Stored reports, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Created</th>
            <th scope="col">Scope</th>
            <th scope="col">Period</th>
            <th scope="col">Status</th>
            <th scope="col">Made</th>
          </tr>
        </thead>
        <tbody>
          {reports.map((report) => {
            const status = reportStatusOf(report.status);
            return (
              <tr key={report.id} data-report={report.id} data-scope={report.scope}>
                <th scope="row">
                  <Link href={`/reports/${encodeURIComponent(report.id)}`}>
                    <time dateTime={report.createdAt}>{formatUtc(report.createdAt)}</time>
                  </Link>
                </th>
                <td>{scopeText(report)}</td>
                <td>{periodText(report.from, report.to)}</td>
                <td>
                  <span className={dashboard.pill} data-tone={status.tone}>
                    {status.label}
                  </span>
                  {report.error ? <span className={dashboard.muted}> {report.error}</span> : null}
                </td>
                <td>{report.trigger === 'schedule' ? 'Weekly schedule' : 'On demand'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
