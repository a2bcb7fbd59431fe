import { describeHistory, eventText } from './policy-history';

const T1 = '2026-01-01T10:00:00.000Z';
const T2 = '2026-01-01T11:00:00.000Z';
const T3 = '2026-01-01T12:00:00.000Z';
const T4 = '2026-01-01T13:00:00.000Z';

describe('describeHistory', () => {
  it('tells a policy that still exists unchanged as appeared only', () => {
    expect(describeHistory([{ from: T1, to: null, fromSeq: 1, toSeq: null }])).toEqual([
      { kind: 'appeared', at: T1, seq: 1 },
    ]);
  });

  it('tells a new version that begins where the previous ended as a change', () => {
    expect(
      describeHistory([
        { from: T1, to: T2, fromSeq: 1, toSeq: 4 },
        { from: T2, to: T3, fromSeq: 4, toSeq: 6 },
        { from: T3, to: null, fromSeq: 6, toSeq: null },
      ]).map((e) => e.kind),
    ).toEqual(['appeared', 'changed', 'changed']);
  });

  it('tells a removed policy as appeared then disappeared', () => {
    expect(describeHistory([{ from: T1, to: T2, fromSeq: 1, toSeq: 4 }])).toEqual([
      { kind: 'appeared', at: T1, seq: 1 },
      { kind: 'disappeared', at: T2, seq: 4 },
    ]);
  });

  it('tells a gap between versions as deleted and created again', () => {
    expect(
      describeHistory([
        { from: T1, to: T2, fromSeq: 1, toSeq: 4 },
        { from: T3, to: T4, fromSeq: 7, toSeq: 9 },
      ]),
    ).toEqual([
      { kind: 'appeared', at: T1, seq: 1 },
      { kind: 'disappeared', at: T2, seq: 4 },
      { kind: 'reappeared', at: T3, seq: 7 },
      { kind: 'disappeared', at: T4, seq: 9 },
    ]);
  });

  it('tells nothing for no versions', () => {
    expect(describeHistory([])).toEqual([]);
  });
});

describe('eventText', () => {
  it('says when, in UTC to the minute, and in which snapshot', () => {
    expect(eventText({ kind: 'changed', at: T2, seq: 4 })).toBe(
      'Changed at 2026-01-01 11:00 UTC (snapshot 4)',
    );
    expect(eventText({ kind: 'reappeared', at: T3, seq: 7 })).toBe(
      'Appeared again at 2026-01-01 12:00 UTC (snapshot 7)',
    );
  });

  it('says so when the snapshot it happened in is no longer stored', () => {
    expect(eventText({ kind: 'appeared', at: null, seq: 1 })).toBe(
      'Appeared before the oldest stored snapshot (snapshot 1)',
    );
  });
});
