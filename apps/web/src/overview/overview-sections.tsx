import Link from 'next/link';
import { ApiUnavailable } from '../components/api-unavailable';
import styles from '../components/dashboard.module.css';
import {
  clusterScores,
  listChanges,
  listNamespaces,
} from '../data-access/cluster-data';
import { LATEST_CHANGES } from './change-text';
import { LatestChanges } from './latest-changes';
import { ScoreTrendChart } from './score-trend-chart';
import { TopNamespaces } from './top-namespaces';
import { TREND_RANGES, trendLabel, trendQuery, type TrendRange } from './trend-range';

/** The overview's slower regions, each fetching its own data inside its own Suspense boundary. */

export async function TrendSection({
  clusterId,
  range,
}: {
  readonly clusterId: string;
  readonly range: TrendRange;
}) {
  const series = await clusterScores(clusterId, trendQuery(range, new Date()));
  if (!series.ok) return <ApiUnavailable error={series.error} />;
  // Keyed by range: a new range starts from its own points.
  return <ScoreTrendChart key={range} points={series.data.points} rangeLabel={trendLabel(range)} />;
}

export function TrendRangeNav({
  clusterId,
  range,
}: {
  readonly clusterId: string;
  readonly range: TrendRange;
}) {
  return (
    <nav aria-label="Trend range" className={styles.segmented}>
      <ul>
        {TREND_RANGES.map((r) => (
          <li key={r}>
            <Link
              href={`/clusters/${clusterId}?range=${r}`}
              aria-current={r === range ? 'true' : undefined}
              scroll={false}
            >
              {trendLabel(r)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export async function NamespacesSection({ clusterId }: { readonly clusterId: string }) {
  const namespaces = await listNamespaces(clusterId);
  if (!namespaces.ok) return <ApiUnavailable error={namespaces.error} />;
  return <TopNamespaces initial={namespaces.data.items} />;
}

export async function ChangesSection({ clusterId }: { readonly clusterId: string }) {
  const changes = await listChanges(clusterId, LATEST_CHANGES);
  if (!changes.ok) return <ApiUnavailable error={changes.error} />;
  return <LatestChanges initial={changes.data.items} />;
}

export { PageSkeleton as SectionSkeleton } from '../components/page-skeleton';
