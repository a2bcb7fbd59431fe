import type { ClusterItem, ClusterScoreSeries, Page } from '@palisade/api-contract';
import type { ApiResult } from '../data-access/api-result';
import { FleetBoard } from '../fleet/fleet-board';
import { trendOf } from '../fleet/fleet-state';
import { ApiUnavailable } from './api-unavailable';
import styles from './clusters.module.css';

/**
 * The fleet on the home page: every cluster side by side, an empty state, or what went wrong.
 * `trends` holds each cluster's last week of scores (missing ones are drawn as no history).
 */
export function ClusterOverview({
  result,
  trends = new Map(),
}: {
  readonly result: ApiResult<Page<ClusterItem>>;
  readonly trends?: ReadonlyMap<string, ClusterScoreSeries>;
}) {
  if (!result.ok) return <ApiUnavailable error={result.error} />;
  const { items, total } = result.data;
  if (items.length === 0) {
    return (
      <section className={styles.empty} aria-labelledby="no-clusters-title">
        <h2 id="no-clusters-title">No clusters yet</h2>
        <p>
          The API is running but watches no cluster. Point it at yours with <code>KUBECONFIG</code>{' '}
          (and <code>PALISADE_CONTEXTS</code> to pick contexts), run it inside a cluster, or set{' '}
          <code>PALISADE_DEMO=on</code> to watch the demo cluster. Clusters appear here with their
          scores after their first snapshot.
        </p>
      </section>
    );
  }
  return (
    <FleetBoard
      initial={items.map((cluster) => ({ cluster, trend: trendOf(trends.get(cluster.id)) }))}
      total={total}
    />
  );
}
