import type { AuditEventItem } from '@palisade/api-contract';
import { formatUtc } from '../alerts/describe';
import styles from '../alerts/alerts.module.css';
import dashboard from '../components/dashboard.module.css';
import admin from './admin.module.css';

/**
 * "User olga", "API token ci", "System (bootstrap)". A failed sign-in has no principal: the API
 * records it as the system, named after the username that was tried.
 */
export function actorText(event: Pick<AuditEventItem, 'actor' | 'action'>): string {
  const { actor } = event;
  switch (actor.kind) {
    case 'user':
      return `User ${actor.name}`;
    case 'token':
      return `API token ${actor.name}`;
    case 'system':
      return event.action.startsWith('auth.')
        ? `Someone signing in as ${actor.name}`
        : `System (${actor.name})`;
  }
}

/** The request's fields as the API recorded them (secrets already redacted there). */
export function detailsText(details: Readonly<Record<string, unknown>>): string {
  return Object.keys(details).length === 0 ? '' : JSON.stringify(details, null, 2);
}

export function AuditTable({ events }: { readonly events: readonly AuditEventItem[] }) {
  return (
    <div className={dashboard.tableScroll}>
      <table className={dashboard.table} data-testid="audit-table">
        <caption className="visually-hidden">Audit log, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Action</th>
            <th scope="col">Who</th>
            <th scope="col">Target</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => {
            const details = detailsText(event.details);
            return (
              <tr key={event.id} data-audit-action={event.action}>
                <th scope="row">
                  <time dateTime={event.at}>{formatUtc(event.at)}</time>
                </th>
                <td>
                  <code>{event.action}</code>
                </td>
                <td>{actorText(event)}</td>
                <td className={styles.wrap}>{event.target ?? '—'}</td>
                <td>
                  {details ? (
                    <details>
                      <summary>
                        Fields<span className="visually-hidden"> of {event.action}</span>
                      </summary>
                      <pre className={admin.details}>{details}</pre>
                    </details>
                  ) : null}
                  {event.requestId ? (
                    <div className={`${dashboard.muted} ${admin.requestId}`}>
                      Request <code>{event.requestId}</code>
                    </div>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
