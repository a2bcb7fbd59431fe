'use client';

import type { ReactNode } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import dashboard from './dashboard.module.css';

/** A point of a score chart: epoch milliseconds and the score (null: a gap). */
export interface ScorePoint {
  readonly t: number;
  readonly score: number | null;
}

function formatTick(t: number, spanMs: number): string {
  const iso = new Date(t).toISOString();
  // UTC, like the rest of the dashboard: the same text on the server and in every browser.
  return spanMs <= 2 * 86_400_000 ? iso.slice(11, 16) : iso.slice(5, 10);
}

/**
 * A score over time, 0-100, as steps (a score holds until the findings change), with `summary`
 * as its text alternative and caption. `empty` replaces the chart when no point has a score.
 */
export function ScoreChart({
  points,
  summary,
  empty,
  connectGaps = false,
  testId,
}: {
  readonly points: readonly ScorePoint[];
  readonly summary: string;
  readonly empty?: ReactNode;
  /** Draw across points without a score (averaged series) instead of breaking the line. */
  readonly connectGaps?: boolean;
  readonly testId?: string;
}) {
  const scored = points.some((p) => p.score !== null);
  const span = (points.at(-1)?.t ?? 0) - (points[0]?.t ?? 0);
  return (
    <figure className={dashboard.chart} data-testid={testId}>
      <div role="img" aria-label={summary} className={dashboard.chartArea}>
        {!scored ? (
          (empty ?? <p className={dashboard.muted}>{summary}</p>)
        ) : (
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={[...points]} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
              <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
              <XAxis
                dataKey="t"
                type="number"
                scale="time"
                domain={['dataMin', 'dataMax']}
                tickFormatter={(t: number) => formatTick(t, span)}
                stroke="var(--text-muted)"
              />
              <YAxis domain={[0, 100]} stroke="var(--text-muted)" width={40} />
              <Tooltip
                labelFormatter={(t) =>
                  `${new Date(Number(t)).toISOString().slice(0, 16).replace('T', ' ')} UTC`
                }
                contentStyle={{ background: 'var(--surface)', borderColor: 'var(--border)' }}
              />
              <Line
                type="stepAfter"
                dataKey="score"
                name="Score"
                stroke="var(--link)"
                strokeWidth={2}
                dot={points.length < 50}
                isAnimationActive={false}
                connectNulls={connectGaps}
              />
            </LineChart>
          </ResponsiveContainer>
        )}
      </div>
      <figcaption className={dashboard.muted}>{summary}</figcaption>
    </figure>
  );
}
