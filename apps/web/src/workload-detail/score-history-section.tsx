import Link from 'next/link';
import { ApiUnavailable } from '../components/api-unavailable';
import shared from '../components/dashboard.module.css';
import { scoreHistory } from '../data-access/cluster-data';
import { TREND_RANGES, trendLabel, trendQuery, type TrendRange } from '../overview/trend-range';
import { ScoreChart } from '../components/score-chart';
import { scoreSteps, scoreStepsSummary } from './score-steps';

/** The workload's score over the range, fetched inside its own Suspense boundary. */
export async function ScoreHistorySection({
  clusterId,
  workload,
  range,
}: {
  readonly clusterId: string;
  readonly workload: { readonly namespace: string; readonly kind: string; readonly name: string };
  readonly range: TrendRange;
}) {
  const history = await scoreHistory(clusterId, workload, {
    from: trendQuery(range, new Date()).from,
  });
  if (!history.ok) return <ApiUnavailable error={history.error} />;
  const points = scoreSteps(history.data);
  const summary = scoreStepsSummary(points, trendLabel(range));
  return (
    <ScoreChart
      points={points}
      summary={summary}
      testId="score-history"
      empty={
        <p className={shared.muted}>
          {summary} The history grows with every stored snapshot; pick a longer range to look
          further back.
        </p>
      }
    />
  );
}

export function HistoryRangeNav({
  range,
  hrefFor,
}: {
  readonly range: TrendRange;
  readonly hrefFor: (range: TrendRange) => string;
}) {
  return (
    <nav aria-label="History range" className={shared.segmented}>
      <ul>
        {TREND_RANGES.map((r) => (
          <li key={r}>
            <Link href={hrefFor(r)} aria-current={r === range ? 'true' : undefined} scroll={false}>
              {trendLabel(r)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
