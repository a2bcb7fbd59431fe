import type { AlertExceptionItem } from '@palisade/api-contract';
import dashboard from '../components/dashboard.module.css';
import { deleteException } from './actions';
import styles from './alerts.module.css';
import { formatUtc } from './describe';

export function ExceptionsTable({
  exceptions,
  caption,
  clusterNames,
  canEdit,
}: {
  readonly exceptions: readonly AlertExceptionItem[];
  readonly caption: string;
  readonly clusterNames: ReadonlyMap<string, string>;
  /** Operators and admins: the delete button. */
  readonly canEdit: boolean;
}) {
  return (
    <div className={dashboard.tableScroll}>
      <table className={dashboard.table}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Workload</th>
            <th scope="col">Cluster</th>
            <th scope="col">Reason</th>
            <th scope="col">Owner</th>
            <th scope="col">Expires</th>
            {canEdit ? <th scope="col">Actions</th> : null}
          </tr>
        </thead>
        <tbody>
          {exceptions.map((e) => {
            const workload = `${e.namespace}/${e.kind}/${e.name}`;
            return (
              <tr key={e.id} data-exception={workload} data-active={e.active}>
                <th scope="row">{workload}</th>
                <td>
                  {e.clusterId ? (clusterNames.get(e.clusterId) ?? e.clusterId) : 'Every cluster'}
                </td>
                <td className={styles.wrap}>{e.reason}</td>
                <td>{e.owner}</td>
                <td>
                  {e.expiresAt ? (
                    <time dateTime={e.expiresAt}>{formatUtc(e.expiresAt)}</time>
                  ) : (
                    'Never'
                  )}
                </td>
                {canEdit ? (
                  <td>
                    <form action={deleteException} className={styles.inline}>
                      <input type="hidden" name="id" value={e.id} />
                      <button
                        type="submit"
                        className={styles.dangerButton}
                        aria-label={`Delete the exception for ${workload}`}
                      >
                        Delete
                      </button>
                    </form>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
