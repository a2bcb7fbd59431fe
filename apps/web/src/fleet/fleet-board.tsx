'use client';

import { useEffect, useState } from 'react';
import { ClusterCard } from '../components/cluster-card';
import clusterStyles from '../components/clusters.module.css';
import { ConnectionLabel } from '../live/connection-label';
import { openLiveSocket, type ConnectionState } from '../live/live-socket';
import { applyLiveEvent, fleetSummary, type FleetCluster } from './fleet-state';
import styles from './fleet.module.css';

/**
 * Every cluster side by side, following the clusters live: scores, counts and collector status
 * change in place as the API pushes them.
 */
export function FleetBoard({
  initial,
  total,
}: {
  readonly initial: readonly FleetCluster[];
  readonly total: number;
}) {
  const [fleet, setFleet] = useState(initial);
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  useEffect(
    () =>
      openLiveSocket(undefined, {
        connection: setConnection,
        // Missed events while away: the next ones carry whole figures, so nothing to re-read.
        resync: () => undefined,
        event: (live) => setFleet((current) => applyLiveEvent(current, live)),
      }),
    [],
  );
  const summary = fleetSummary(fleet);

  return (
    <section aria-labelledby="clusters-title">
      <div className={styles.header}>
        <h2 id="clusters-title" className={clusterStyles.sectionTitle}>
          Clusters <span className={clusterStyles.count}>({total})</span>
        </h2>
        <p role="status" data-connection={connection} className={styles.muted}>
          <ConnectionLabel connection={connection} />
        </p>
      </div>
      <dl className={styles.summary} aria-label="Fleet summary">
        <div>
          <dt>Unprotected workloads</dt>
          <dd data-fleet="unprotected">{summary.unprotectedWorkloads}</dd>
        </div>
        <div>
          <dt>Exposed workloads</dt>
          <dd data-fleet="exposed">{summary.exposedWorkloads}</dd>
        </div>
        <div>
          <dt>Clusters not readable</dt>
          <dd data-fleet="failing">{summary.failing}</dd>
        </div>
        <div>
          <dt>Lowest score</dt>
          <dd data-fleet="lowest">
            {summary.lowest ? `${summary.lowest.score} (${summary.lowest.name})` : '–'}
          </dd>
        </div>
      </dl>
      <ul className={clusterStyles.list}>
        {fleet.map(({ cluster, trend }) => (
          <li key={cluster.id}>
            <ClusterCard cluster={cluster} trend={trend} />
          </li>
        ))}
      </ul>
      {total > fleet.length ? (
        <p className={clusterStyles.muted}>
          Showing the first {fleet.length} of {total} clusters.
        </p>
      ) : null}
    </section>
  );
}
