import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { ApiUnavailable } from '../../../components/api-unavailable';
import { ClusterTabs } from '../../../components/cluster-tabs';
import styles from '../../../components/dashboard.module.css';
import { getCluster } from '../../../data-access/cluster-data';
import { ConnectionIndicator } from '../../../live/connection-indicator';
import { ExposureNoticesPanel } from '../../../live/exposure-notices-panel';
import { LiveProvider } from '../../../live/live-context';
import { LiveStatusBadge } from '../../../live/live-status-badge';

/** A cluster's pages share its header, the live connection and the exposure notices. */
export default async function ClusterLayout({
  children,
  params,
}: {
  readonly children: ReactNode;
  readonly params: Promise<{ id: string }>;
}) {
  await connection();
  const { id } = await params;
  const cluster = await getCluster(id);
  if (!cluster.ok) {
    if (cluster.error.kind === 'http-error' && [400, 404].includes(cluster.error.status)) notFound();
    return <ApiUnavailable error={cluster.error} />;
  }
  return (
    <LiveProvider clusterId={cluster.data.id}>
      <div className={styles.clusterHeader}>
        <div>
          <p className={styles.eyebrow}>Cluster</p>
          <h1 className={styles.clusterName}>{cluster.data.name}</h1>
          <LiveStatusBadge
            initial={{
              status: cluster.data.status,
              ...(cluster.data.statusReason ? { statusReason: cluster.data.statusReason } : {}),
            }}
          />
        </div>
        <ConnectionIndicator />
      </div>
      <ClusterTabs clusterId={cluster.data.id} />
      <ExposureNoticesPanel />
      {children}
    </LiveProvider>
  );
}
