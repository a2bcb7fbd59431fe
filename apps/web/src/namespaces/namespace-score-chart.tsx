'use client';

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import dashboard from '../components/dashboard.module.css';
import type { TrendPoint } from './namespace-trend';

function formatTick(t: number, spanMs: number): string {
  const iso = new Date(t).toISOString();
  // UTC, like the rest of the dashboard: the same text on the server and in every browser.
  return spanMs <= 2 * 86_400_000 ? iso.slice(11, 16) : iso.slice(5, 10);
}

/** A namespace's score as steps: it holds until the findings change. */
export function NamespaceScoreChart({
  points,
  summary,
}: {
  readonly points: readonly TrendPoint[];
  readonly summary: string;
}) {
  const drawable = points.some((p) => p.score !== null);
  const span = (points.at(-1)?.t ?? 0) - (points[0]?.t ?? 0);
  return (
    <figure className={dashboard.chart} data-testid="namespace-trend">
      <div role="img" aria-label={summary} className={dashboard.chartArea}>
        {drawable ? (
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
                labelFormatter={(t) => `${new Date(Number(t)).toISOString().slice(0, 16).replace('T', ' ')} UTC`}
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
              />
            </LineChart>
          </ResponsiveContainer>
        ) : (
          <p className={dashboard.muted}>{summary}</p>
        )}
      </div>
      <figcaption className={dashboard.muted}>{summary}</figcaption>
    </figure>
  );
}
