import type { ScoreInterval } from '@palisade/api-contract';
import { scoreSteps, scoreStepsSummary } from './score-steps';

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

const t = (iso: string) => Date.parse(iso);
const range = { from: '2026-01-01T00:00:00.000Z', to: '2026-01-08T00:00:00.000Z' };

describe('scoreSteps', () => {
  it('draws a step per interval and closes the last one at the end of the range', () => {
    const points = scoreSteps({
      ...range,
      points: [
        interval('2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z', 40),
        interval('2026-01-03T00:00:00.000Z', null, 90),
      ],
    });
    expect(points).toEqual([
      { t: t('2026-01-02T00:00:00.000Z'), score: 40 },
      { t: t('2026-01-03T00:00:00.000Z'), score: 90 },
      { t: t(range.to), score: 90 },
    ]);
  });

  it('clips an interval begun before the range, or whose start is no longer stored, to its start', () => {
    expect(scoreSteps({ ...range, points: [interval(null, null, 70)] })).toEqual([
      { t: t(range.from), score: 70 },
      { t: t(range.to), score: 70 },
    ]);
    expect(
      scoreSteps({ ...range, points: [interval('2025-12-01T00:00:00.000Z', null, 70)] })[0],
    ).toEqual({
      t: t(range.from),
      score: 70,
    });
  });

  it('breaks the line where the workload was gone, and sorts the intervals by time', () => {
    const points = scoreSteps({
      ...range,
      points: [
        interval('2026-01-05T00:00:00.000Z', '2026-01-06T00:00:00.000Z', 100),
        interval('2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z', 20),
      ],
    });
    expect(points).toEqual([
      { t: t('2026-01-02T00:00:00.000Z'), score: 20 },
      { t: t('2026-01-03T00:00:00.000Z'), score: null },
      { t: t('2026-01-05T00:00:00.000Z'), score: 100 },
      { t: t('2026-01-06T00:00:00.000Z'), score: 100 },
    ]);
  });

  it('has no point when nothing was recorded', () => {
    expect(scoreSteps({ ...range, points: [] })).toEqual([]);
  });
});

describe('scoreStepsSummary', () => {
  it('says the range, the lowest, highest and latest score', () => {
    const points = scoreSteps({
      ...range,
      points: [
        interval('2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z', 40),
        interval('2026-01-03T00:00:00.000Z', null, 90),
      ],
    });
    expect(scoreStepsSummary(points, 'Week')).toBe(
      'Workload score over the last week: 2 periods, from 40 to 90, latest 90.',
    );
  });

  it('says when the score held, and when there is none', () => {
    expect(
      scoreStepsSummary(scoreSteps({ ...range, points: [interval(null, null, 70)] }), 'Day'),
    ).toBe('Workload score over the last day: 70 throughout.');
    expect(scoreStepsSummary([], 'Month')).toBe(
      'No score recorded for this workload in the last month.',
    );
  });
});
