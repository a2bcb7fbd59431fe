import type { ClusterItem } from '@palisade/api-contract';
import Link from 'next/link';
import styles from '../alerts/alerts.module.css';
import { formatUtc } from '../alerts/describe';
import { sourceLabels, statusOf } from '../components/cluster-display';
import dashboard from '../components/dashboard.module.css';
import admin from './admin.module.css';
import { ClusterRowActions } from './cluster-row-actions';

/**
 * The watched clusters: where each comes from and how it is doing. Only a cluster added through
 * the API ('stored') can be re-keyed or removed here; the others come from the server's own
 * configuration (its kubeconfig, its service account, the demo) and change there.
 */
export function ClustersTable({ clusters }: { readonly clusters: readonly ClusterItem[] }) {
  return (
    <div className={dashboard.tableScroll}>
      <table className={dashboard.table} data-testid="clusters-table">
        <caption className="visually-hidden">Watched clusters</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Source</th>
            <th scope="col">Status</th>
            <th scope="col">Last snapshot</th>
            <th scope="col">Credentials</th>
          </tr>
        </thead>
        <tbody>
          {clusters.map((cluster) => {
            const status = statusOf(cluster.status);
            return (
              <tr
                key={cluster.id}
                data-cluster={cluster.name}
                data-source={cluster.source}
                data-status={cluster.status}
              >
                <th scope="row">
                  <Link href={`/clusters/${encodeURIComponent(cluster.id)}`}>{cluster.name}</Link>
                </th>
                <td>{sourceLabels[cluster.source] ?? cluster.source}</td>
                <td className={admin.clusterStatus}>
                  <span className={dashboard.pill} data-tone={status.tone}>
                    {status.label}
                  </span>
                  {cluster.status !== 'ok' && cluster.statusReason ? (
                    <div className={dashboard.muted}>{cluster.statusReason}</div>
                  ) : null}
                </td>
                <td>
                  {cluster.lastSnapshotAt ? (
                    <time dateTime={cluster.lastSnapshotAt}>
                      {formatUtc(cluster.lastSnapshotAt)}
                    </time>
                  ) : (
                    'None yet'
                  )}
                </td>
                <td>
                  {cluster.source === 'stored' ? (
                    <ClusterRowActions id={cluster.id} name={cluster.name} />
                  ) : (
                    <p className={`${styles.hint} ${admin.configured}`} data-configured>
                      Managed by the server’s configuration; change it there.
                    </p>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
