import type { ScoreInterval } from '@palisade/api-contract';

/** One point of a step chart: the score holds from `t` until the next point (null: no data). */
export interface TrendPoint {
  readonly t: number;
  readonly score: number | null;
}

/**
 * The API gives a namespace's score as intervals over which it held. A step chart wants points:
 * one where each interval begins (clipped to the range), a break (null) where one ends without
 * the next beginning, and a last point at the range's end so the current score reaches "now".
 */
export function trendPoints(
  intervals: readonly ScoreInterval[],
  range: { readonly from: string; readonly to: string },
): TrendPoint[] {
  const start = Date.parse(range.from);
  const end = Date.parse(range.to);
  const points: TrendPoint[] = [];
  intervals.forEach((interval, i) => {
    const from = interval.from === null ? start : Math.max(start, Date.parse(interval.from));
    const to = interval.to === null ? end : Math.min(end, Date.parse(interval.to));
    if (to < from) return;
    points.push({ t: from, score: interval.score });
    const next = intervals[i + 1];
    const nextFrom = next?.from === null || next === undefined ? undefined : Date.parse(next.from);
    if (next === undefined) {
      points.push({ t: to, score: interval.to === null ? interval.score : null });
    } else if (nextFrom !== undefined && nextFrom > to) {
      points.push({ t: to, score: null });
    }
  });
  return points;
}

/** A sentence for screen readers and the caption: the range, lowest, highest and latest score. */
export function trendSummary(
  namespace: string,
  points: readonly TrendPoint[],
  rangeLabel: string,
): string {
  const scores = points.flatMap((p) => (p.score === null ? [] : [p.score]));
  const range = rangeLabel.toLowerCase();
  if (scores.length === 0) return `No score recorded for ${namespace} in the last ${range}.`;
  const latest = points.at(-1)?.score;
  return `Score of ${namespace} over the last ${range}: from ${Math.min(...scores)} to ${Math.max(...scores)}, ${
    latest === null || latest === undefined ? 'no score now' : `latest ${latest}`
  }.`;
}
