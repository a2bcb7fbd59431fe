'use client';

import { useState } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import styles from '../components/dashboard.module.css';
import type { ClusterScorePoint } from '../data-access/contract-checks';
import { useLiveEvents } from '../live/live-context';

interface Point {
  readonly t: number;
  readonly score: number | null;
}

function formatTick(t: number, spanMs: number): string {
  const iso = new Date(t).toISOString();
  // Same text on the server and in every browser: UTC, like the rest of the dashboard.
  return spanMs <= 2 * 86_400_000 ? iso.slice(11, 16) : iso.slice(5, 10);
}

/** The cluster score over the chosen range; each stored snapshot adds its point live. */
export function ScoreTrendChart({
  points,
  rangeLabel,
}: {
  readonly points: readonly ClusterScorePoint[];
  readonly rangeLabel: string;
}) {
  const [data, setData] = useState<readonly Point[]>(() =>
    points.map((p) => ({ t: Date.parse(p.at), score: p.score })),
  );
  useLiveEvents({
    stored: (event) => setData((current) => [...current, { t: Date.parse(event.at), score: event.score }]),
  });
  const scores = data.flatMap((p) => (p.score === null ? [] : [p.score]));
  const first = data[0]?.t ?? 0;
  const span = (data.at(-1)?.t ?? 0) - first;
  const summary =
    scores.length === 0
      ? `No score recorded in the last ${rangeLabel.toLowerCase()}.`
      : `Cluster score over the last ${rangeLabel.toLowerCase()}: ${scores.length} ${scores.length === 1 ? 'point' : 'points'}, from ${Math.min(...scores)} to ${Math.max(...scores)}, latest ${scores.at(-1)}.`;

  return (
    <figure className={styles.chart}>
      <div role="img" aria-label={summary} className={styles.chartArea}>
        {scores.length === 0 ? (
          <p className={styles.muted}>{summary}</p>
        ) : (
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={[...data]} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
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
                dot={data.length < 50}
                isAnimationActive={false}
                connectNulls
              />
            </LineChart>
          </ResponsiveContainer>
        )}
      </div>
      <figcaption className={styles.muted}>{summary}</figcaption>
    </figure>
  );
}
