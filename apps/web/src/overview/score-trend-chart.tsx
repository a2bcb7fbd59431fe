'use client';

import { useState } from 'react';
import { ScoreChart, type ScorePoint } from '../components/score-chart';
import type { ClusterScorePoint } from '../data-access/contract-checks';
import { useLiveEvents } from '../live/live-context';

/** The cluster score over the chosen range; each stored snapshot adds its point live. */
export function ScoreTrendChart({
  points,
  rangeLabel,
}: {
  readonly points: readonly ClusterScorePoint[];
  readonly rangeLabel: string;
}) {
  const [data, setData] = useState<readonly ScorePoint[]>(() =>
    points.map((p) => ({ t: Date.parse(p.at), score: p.score })),
  );
  useLiveEvents({
    stored: (event) =>
      setData((current) => [...current, { t: Date.parse(event.at), score: event.score }]),
  });
  const scores = data.flatMap((p) => (p.score === null ? [] : [p.score]));
  const summary =
    scores.length === 0
      ? `No score recorded in the last ${rangeLabel.toLowerCase()}.`
      : `Cluster score over the last ${rangeLabel.toLowerCase()}: ${scores.length} ${scores.length === 1 ? 'point' : 'points'}, from ${Math.min(...scores)} to ${Math.max(...scores)}, latest ${scores.at(-1)}.`;

  return <ScoreChart points={data} summary={summary} connectGaps />;
}
