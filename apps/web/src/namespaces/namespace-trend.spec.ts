import type { ScoreInterval } from '@palisade/api-contract';
import { trendPoints, trendSummary } from './namespace-trend';

const interval = (from: string | null, to: string | null, score: number | null): ScoreInterval => ({
  from,
  to,
  score,
  ingressIsolated: true,
  egressIsolated: false,
  reachableFrom: 0,
  internetIngress: false,
  exposed: false,
  unprotected: false,
});

const range = { from: '2026-01-01T00:00:00.000Z', to: '2026-01-08T00:00:00.000Z' };
const t = (iso: string) => Date.parse(iso);

describe('trendPoints', () => {
  it('draws contiguous intervals as steps, the current one reaching the end of the range', () => {
    const points = trendPoints(
      [
        interval('2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z', 40),
        interval('2026-01-03T00:00:00.000Z', null, 100),
      ],
      range,
    );
    expect(points).toEqual([
      { t: t('2026-01-02T00:00:00.000Z'), score: 40 },
      { t: t('2026-01-03T00:00:00.000Z'), score: 100 },
      { t: t(range.to), score: 100 },
    ]);
  });

  it('starts an interval begun before the range (or before retention) at the start of the range', () => {
    const points = trendPoints([interval(null, null, 70)], range);
    expect(points).toEqual([
      { t: t(range.from), score: 70 },
      { t: t(range.to), score: 70 },
    ]);
    expect(trendPoints([interval('2025-12-01T00:00:00.000Z', null, 70)], range)[0]).toEqual({
      t: t(range.from),
      score: 70,
    });
  });

  it('breaks the line where the namespace had no score (it was gone between two intervals)', () => {
    const points = trendPoints(
      [
        interval('2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z', 40),
        interval('2026-01-05T00:00:00.000Z', null, 90),
      ],
      range,
    );
    expect(points.map((p) => p.score)).toEqual([40, null, 90, 90]);
    expect(points[1]).toEqual({ t: t('2026-01-03T00:00:00.000Z'), score: null });
  });

  it('ends the line when the last interval ended (the namespace is gone)', () => {
    const points = trendPoints([interval('2026-01-02T00:00:00.000Z', '2026-01-04T00:00:00.000Z', 55)], range);
    expect(points).toEqual([
      { t: t('2026-01-02T00:00:00.000Z'), score: 55 },
      { t: t('2026-01-04T00:00:00.000Z'), score: null },
    ]);
  });
});

describe('trendSummary', () => {
  it('says the lowest, highest and latest score', () => {
    expect(
      trendSummary('shop', [
        { t: 1, score: 40 },
        { t: 2, score: 100 },
        { t: 3, score: 100 },
      ], 'Week'),
    ).toBe('Score of shop over the last week: from 40 to 100, latest 100.');
  });

  it('says when there is nothing to draw', () => {
    expect(trendSummary('analytics', [], 'Day')).toBe('No score recorded for analytics in the last day.');
  });
});
