import type { DeliveryItem } from '@palisade/api-contract';
import { Fragment } from 'react';
import dashboard from '../components/dashboard.module.css';
import styles from './alerts.module.css';
import { deliveryStatusOf, formatUtc, transitionLabel } from './describe';

const time = (iso: string | null, none: string) =>
  iso ? (
    <time dateTime={iso}>{formatUtc(iso)}</time>
  ) : (
    <span className={dashboard.muted}>{none}</span>
  );

/** The delivery log, each delivery followed by a full-width row with its attempts. */
export function DeliveriesTable({
  deliveries,
  channelNames,
  caption,
}: {
  readonly deliveries: readonly DeliveryItem[];
  readonly channelNames: ReadonlyMap<string, string>;
  readonly caption: string;
}) {
  return (
    <div className={dashboard.tableScroll}>
      <table className={dashboard.table} data-testid="deliveries-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Channel</th>
            <th scope="col">Notification</th>
            <th scope="col" className={dashboard.numeric}>
              Attempts
            </th>
            <th scope="col">Last error</th>
            <th scope="col">Next attempt</th>
            <th scope="col">Delivered</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => {
            const status = deliveryStatusOf(d);
            const channel = channelNames.get(d.channelId) ?? d.channelId;
            return (
              <Fragment key={d.id}>
                <tr data-delivery={d.id} data-status={d.status} data-transition={d.transition}>
                  <th scope="row">
                    <span className={dashboard.pill} data-tone={status.tone}>
                      {status.label}
                    </span>
                  </th>
                  <td>{channel}</td>
                  <td>{transitionLabel(d.transition)}</td>
                  <td className={dashboard.numeric}>{d.attempts}</td>
                  <td className={styles.wrap}>
                    {d.lastError ?? <span className={dashboard.muted}>None</span>}
                  </td>
                  <td>{time(d.nextAttemptAt, d.status === 'pending' ? 'Now' : 'None')}</td>
                  <td>{time(d.deliveredAt, 'Not yet')}</td>
                  <td>{time(d.createdAt, '')}</td>
                </tr>
                <tr className={styles.detailsRow}>
                  <td colSpan={8}>
                    <details>
                      <summary>
                        Attempt log ({d.log.length})
                        <span className="visually-hidden">
                          {' '}
                          of the {transitionLabel(d.transition).toLowerCase()} notification to{' '}
                          {channel}
                        </span>
                      </summary>
                      {d.log.length === 0 ? (
                        <p>No attempt yet.</p>
                      ) : (
                        <ol>
                          {d.log.map((a) => (
                            <li key={a.attempt}>
                              Attempt {a.attempt} at <time dateTime={a.at}>{formatUtc(a.at)}</time>:{' '}
                              {a.ok ? 'delivered' : 'failed'}
                              {a.statusCode !== null ? `, HTTP ${a.statusCode}` : ''}
                              {a.error ? `, ${a.error}` : ''} ({a.durationMs} ms)
                            </li>
                          ))}
                        </ol>
                      )}
                    </details>
                  </td>
                </tr>
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
