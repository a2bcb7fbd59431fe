'use client';

import { Line, LineChart, YAxis } from 'recharts';
import { trendDelta, type TrendPoint } from './fleet-state';
import styles from './fleet.module.css';

/** A week of scores at a glance, with the same facts in words for assistive technology. */
export function ScoreSparkline({ trend }: { readonly trend: readonly TrendPoint[] }) {
  const scores = trend.flatMap((p) => (p.score === null ? [] : [p.score]));
  const delta = trendDelta(trend);
  if (scores.length === 0) return <span className={styles.muted}>no history yet</span>;
  const label = `Score over the last 7 days: from ${scores[0]} to ${scores[scores.length - 1]}, low ${Math.min(...scores)}, high ${Math.max(...scores)}.`;
  return (
    <span className={styles.trend}>
      <span role="img" aria-label={label} className={styles.sparkline}>
        <LineChart
          width={120}
          height={32}
          data={[...trend]}
          margin={{ top: 2, right: 2, bottom: 2, left: 2 }}
        >
          <YAxis hide domain={[0, 100]} />
          <Line
            type="monotone"
            dataKey="score"
            stroke="var(--link)"
            strokeWidth={2}
            dot={scores.length === 1}
            isAnimationActive={false}
            connectNulls
          />
        </LineChart>
      </span>
      {delta === null ? null : (
        <span
          className={styles.delta}
          data-direction={delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat'}
        >
          {delta > 0 ? `▲ +${delta}` : delta < 0 ? `▼ ${delta}` : '= 0'}
          <span className="visually-hidden"> points in 7 days</span>
        </span>
      )}
    </span>
  );
}
