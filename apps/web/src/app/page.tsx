import type { ClusterScoreSeries } from '@palisade/api-contract';
import { connection } from 'next/server';
import { ClusterOverview } from '../components/cluster-overview';
import { HomeHeader } from '../components/home-header';
import { clusterScores } from '../data-access/cluster-data';
import { listClusters } from '../data-access/clusters';
import { trendQuery } from '../overview/trend-range';
import styles from './page.module.css';

/** The fleet: every watched cluster side by side, with its week of scores. */
export default async function HomePage() {
  // The clusters are live data: render per request, never at build time (the API is not there).
  await connection();
  const clusters = await listClusters();
  const trends = new Map<string, ClusterScoreSeries>();
  if (clusters.ok) {
    const week = trendQuery('week', new Date());
    // A trend that cannot be read is drawn as "no history"; the cards still show.
    const series = await Promise.all(
      clusters.data.items.map((c) => clusterScores(c.id, week)),
    );
    clusters.data.items.forEach((c, i) => {
      const result = series[i];
      if (result?.ok) trends.set(c.id, result.data);
    });
  }
  return (
    <>
      <HomeHeader />
      <ClusterOverview result={clusters} trends={trends} />
      <p className={styles.note}>
        Open a cluster for its live score, trend, workloads, namespaces, policies and changes. The
        same data is available to scripts through the API, documented at{' '}
        <a href="/api/docs">/api/docs</a>.
      </p>
    </>
  );
}
