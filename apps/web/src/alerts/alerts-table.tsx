import type { AlertItem } from '@palisade/api-contract';
import Link from 'next/link';
import dashboard from '../components/dashboard.module.css';
import { AcknowledgeButton } from './acknowledge-button';
import styles from './alerts.module.css';
import {
  acknowledgementOf,
  alertStatusOf,
  alertTimes,
  formatUtc,
  isAcknowledgeable,
  kindLabel,
  severityOf,
  workloadHref,
} from './describe';

export function AlertsTable({
  alerts,
  clusterNames,
  caption,
  canAcknowledge,
}: {
  readonly alerts: readonly AlertItem[];
  readonly clusterNames: ReadonlyMap<string, string>;
  readonly caption: string;
  /** Operators and admins may; the button is not shown to viewers. */
  readonly canAcknowledge: boolean;
}) {
  return (
    <div className={dashboard.tableScroll}>
      <table className={dashboard.table} data-testid="alerts-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Alert</th>
            <th scope="col">Subject</th>
            <th scope="col">Cluster</th>
            <th scope="col">Severity</th>
            <th scope="col">Status</th>
            <th scope="col">Times</th>
            <th scope="col">Notifications</th>
          </tr>
        </thead>
        <tbody>
          {alerts.map((alert) => {
            const severity = severityOf(alert.severity);
            const status = alertStatusOf(alert.status);
            const href = workloadHref(alert);
            const acknowledged = acknowledgementOf(alert);
            return (
              <tr
                key={alert.id}
                data-alert={alert.id}
                data-status={alert.status}
                data-acknowledged={acknowledged !== undefined}
              >
                <th scope="row">{kindLabel(alert.kind)}</th>
                <td className={styles.wrap}>
                  {href ? <Link href={href}>{alert.subject}</Link> : alert.subject}
                </td>
                <td>{clusterNames.get(alert.clusterId) ?? alert.clusterId}</td>
                <td>
                  <span className={dashboard.pill} data-tone={severity.tone}>
                    {severity.label}
                  </span>
                </td>
                <td>
                  <span className={dashboard.pill} data-tone={status.tone}>
                    {status.label}
                  </span>
                  {acknowledged ? (
                    <div data-acknowledgement>
                      <time dateTime={acknowledged.at}>{acknowledged.text}</time>
                    </div>
                  ) : canAcknowledge && isAcknowledgeable(alert) ? (
                    <AcknowledgeButton id={alert.id} subject={alert.subject} />
                  ) : null}
                </td>
                <td>
                  {alertTimes(alert).map((t) => (
                    <div key={t.label}>
                      {t.label} <time dateTime={t.at}>{formatUtc(t.at)}</time>
                    </div>
                  ))}
                </td>
                <td>
                  <Link href={`/alerts/deliveries?alert=${encodeURIComponent(alert.id)}`}>
                    Deliveries<span className="visually-hidden"> of this alert</span>
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
