import { connection } from 'next/server';
import { ClusterOverview } from '../components/cluster-overview';
import { HomeHeader } from '../components/home-header';
import { listClusters } from '../data-access/clusters';
import styles from './page.module.css';

export default async function HomePage() {
  // The clusters are live data: render per request, never at build time (the API is not there).
  await connection();
  const clusters = await listClusters();
  return (
    <>
      <HomeHeader />
      <ClusterOverview result={clusters} />
      <p className={styles.note}>
        Open a cluster for its live score, trend, namespaces, changes and workloads. Everything
        else (reachability, policies, explanations) is available through the API, documented at{' '}
        <a href="/api/docs">/api/docs</a>.
      </p>
    </>
  );
}
