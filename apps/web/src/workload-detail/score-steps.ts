import type { ScoreHistory } from '@palisade/api-contract';

/** One corner of the step chart: from `t` on, the score is `score` (null: no workload then). */
export interface StepPoint {
  readonly t: number;
  readonly score: number | null;
}

/**
 * The history's intervals as the points of a `stepAfter` line: a point where each interval
 * begins, clipped to the range; a null point where the workload was gone between two intervals
 * (the line breaks there); and a last point where the last interval ends (or now), so the last
 * score is drawn as a step of its own width rather than a dot.
 */
export function scoreSteps(history: ScoreHistory): readonly StepPoint[] {
  const start = Date.parse(history.from);
  const end = Date.parse(history.to);
  const intervals = history.points
    .map((p) => ({
      from: Math.max(p.from === null ? start : Date.parse(p.from), start),
      to: Math.min(p.to === null ? end : Date.parse(p.to), end),
      score: p.score,
    }))
    .filter((p) => p.to >= p.from)
    .sort((a, b) => a.from - b.from);

  const points: StepPoint[] = [];
  intervals.forEach((interval, i) => {
    const previous = intervals[i - 1];
    if (previous && previous.to < interval.from) points.push({ t: previous.to, score: null });
    points.push({ t: interval.from, score: interval.score });
  });
  const last = intervals.at(-1);
  if (last && last.to > last.from) points.push({ t: last.to, score: last.score });
  return points;
}

/** The chart's text alternative. */
export function scoreStepsSummary(points: readonly StepPoint[], rangeLabel: string): string {
  const range = rangeLabel.toLowerCase();
  // The closing point repeats the last score: count the changes, not the corners.
  const scores = points
    .slice(0, points.length > 1 ? -1 : undefined)
    .flatMap((p) => (p.score === null ? [] : [p.score]));
  if (scores.length === 0) return `No score recorded for this workload in the last ${range}.`;
  const latest = points.at(-1)?.score ?? scores.at(-1);
  const distinct = new Set(scores).size;
  return distinct === 1
    ? `Workload score over the last ${range}: ${scores[0]} throughout.`
    : `Workload score over the last ${range}: ${scores.length} periods, from ${Math.min(...scores)} to ${Math.max(...scores)}, latest ${latest ?? '–'}.`;
}
