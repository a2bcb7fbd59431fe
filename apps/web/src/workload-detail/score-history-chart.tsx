'use client';

import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import shared from '../components/dashboard.module.css';
import type { StepPoint } from './score-steps';

function formatTick(t: number, spanMs: number): string {
  const iso = new Date(t).toISOString();
  // UTC, so the server's and every browser's text agree.
  return spanMs <= 2 * 86_400_000 ? iso.slice(11, 16) : iso.slice(5, 10);
}

/** The workload's score as steps: it holds between two evaluations that changed its findings. */
export function ScoreHistoryChart({
  points,
  summary,
}: {
  readonly points: readonly StepPoint[];
  readonly summary: string;
}) {
  const scored = points.some((p) => p.score !== null);
  const first = points[0]?.t ?? 0;
  const span = (points.at(-1)?.t ?? 0) - first;
  return (
    <figure className={shared.chart}>
      <div role="img" aria-label={summary} className={shared.chartArea} data-testid="score-history">
        {!scored ? (
          <p className={shared.muted}>
            {summary} The history grows with every stored snapshot; pick a longer range to look
            further back.
          </p>
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
                dot={false}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        )}
      </div>
      <figcaption className={shared.muted}>{summary}</figcaption>
    </figure>
  );
}
