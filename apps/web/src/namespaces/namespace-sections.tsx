import Link from 'next/link';
import { ApiUnavailable } from '../components/api-unavailable';
import dashboard from '../components/dashboard.module.css';
import { scoreHistory } from '../data-access/cluster-data';
import { ScoreChart } from '../components/score-chart';
import { trendPoints, trendSummary } from './namespace-trend';

/** The namespace's score over the range, read inside its own Suspense boundary. */
export async function NamespaceTrendSection({
  clusterId,
  namespace,
  from,
  rangeLabel,
}: {
  readonly clusterId: string;
  readonly namespace: string;
  readonly from: string;
  readonly rangeLabel: string;
}) {
  const history = await scoreHistory(clusterId, { namespace }, { from });
  if (!history.ok) return <ApiUnavailable error={history.error} />;
  const points = trendPoints(history.data.points, history.data);
  return (
    <ScoreChart
      points={points}
      summary={trendSummary(namespace, points, rangeLabel)}
      testId="namespace-trend"
    />
  );
}

/** Day, week, month, year: links, so the range is in the URL and the back button works. */
export function RangeNav({
  basePath,
  ranges,
  current,
}: {
  readonly basePath: string;
  readonly ranges: readonly { readonly value: string; readonly label: string }[];
  readonly current: string;
}) {
  return (
    <nav aria-label="Trend range" className={dashboard.segmented}>
      <ul>
        {ranges.map((r) => (
          <li key={r.value}>
            <Link
              href={`${basePath}?range=${r.value}`}
              aria-current={r.value === current ? 'true' : undefined}
              scroll={false}
            >
              {r.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
