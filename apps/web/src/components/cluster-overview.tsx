import type { ClusterItem, Page } from '@palisade/api-contract';
import type { ApiResult } from '../data-access/api-result';
import { ApiUnavailable } from './api-unavailable';
import { ClusterCard } from './cluster-card';
import styles from './clusters.module.css';

/** The clusters section of the home page: the list, an empty state, or what went wrong. */
export function ClusterOverview({ result }: { readonly result: ApiResult<Page<ClusterItem>> }) {
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
    <section aria-labelledby="clusters-title">
      <h2 id="clusters-title" className={styles.sectionTitle}>
        Clusters <span className={styles.count}>({total})</span>
      </h2>
      <ul className={styles.list}>
        {items.map((cluster) => (
          <li key={cluster.id}>
            <ClusterCard cluster={cluster} />
          </li>
        ))}
      </ul>
      {total > items.length ? (
        <p className={styles.muted}>
          Showing the first {items.length} of {total} clusters.
        </p>
      ) : null}
    </section>
  );
}
