import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ApiUnavailable } from '../../../components/api-unavailable';
import styles from '../../../components/dashboard.module.css';
import { clusterScores, getCluster } from '../../../data-access/cluster-data';
import { OverviewFigures, type Figures } from '../../../overview/overview-figures';
import {
  ChangesSection,
  NamespacesSection,
  SectionSkeleton,
  TrendRangeNav,
  TrendSection,
} from '../../../overview/overview-sections';
import { PluginLine } from '../../../overview/plugin-line';
import { parseTrendRange } from '../../../overview/trend-range';

export const metadata: Metadata = { title: 'Cluster overview' };

/** The cluster's figures as of its last snapshot (live events take over in the browser). */
async function latestFigures(clusterId: string, lastSnapshotAt: string | null) {
  if (lastSnapshotAt === null) return { ok: true as const, data: null };
  const from = new Date(Date.parse(lastSnapshotAt) - 1_000).toISOString();
  const series = await clusterScores(clusterId, { from, bucket: 'raw' });
  if (!series.ok) return series;
  const latest: Figures | null = series.data.points.at(-1) ?? null;
  return { ok: true as const, data: latest };
}

export default async function ClusterOverviewPage({
  params,
  searchParams,
}: {
  readonly params: Promise<{ id: string }>;
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const range = parseTrendRange((await searchParams)['range']);
  const cluster = await getCluster(id);
  if (!cluster.ok) return <ApiUnavailable error={cluster.error} />;
  const figures = await latestFigures(id, cluster.data.lastSnapshotAt);
  if (!figures.ok) return <ApiUnavailable error={figures.error} />;

  return (
    <>
      <OverviewFigures initial={figures.data} />
      <PluginLine clusterId={id} latest={cluster.data.latest} />
      <div className={styles.columns}>
        <section aria-labelledby="trend-title" className={`${styles.section} ${styles.wide}`}>
          <div className={styles.sectionHeader}>
            <h2 id="trend-title">Score trend</h2>
            <TrendRangeNav clusterId={id} range={range} />
          </div>
          <Suspense key={range} fallback={<SectionSkeleton label="the score trend" />}>
            <TrendSection clusterId={id} range={range} />
          </Suspense>
        </section>
        <section aria-labelledby="namespaces-title" className={styles.section}>
          <h2 id="namespaces-title">Most unprotected namespaces</h2>
          <Suspense fallback={<SectionSkeleton label="namespaces" />}>
            <NamespacesSection clusterId={id} />
          </Suspense>
        </section>
        <section aria-labelledby="changes-title" className={styles.section}>
          <h2 id="changes-title">Latest changes</h2>
          <Suspense fallback={<SectionSkeleton label="changes" />}>
            <ChangesSection clusterId={id} />
          </Suspense>
        </section>
      </div>
    </>
  );
}
