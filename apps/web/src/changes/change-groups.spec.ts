import { dayHeading, groupByDay } from './change-groups';

const change = (id: string, seq: number, at: string) => ({ id, seq, at });

describe('grouping the timeline', () => {
  it('groups newest-first events by UTC day, then by snapshot, keeping their order', () => {
    const groups = groupByDay([
      change('a', 9, '2026-11-27T10:00:00.000Z'),
      change('b', 9, '2026-11-27T10:00:00.000Z'),
      change('c', 8, '2026-11-27T00:30:00.000Z'),
      change('d', 7, '2026-11-26T23:59:59.000Z'),
    ]);

    expect(groups.map((g) => g.day)).toEqual(['2026-11-27', '2026-11-26']);
    expect(groups[0]!.snapshots.map((s) => [s.seq, s.items.map((i) => i.id)])).toEqual([
      [9, ['a', 'b']],
      [8, ['c']],
    ]);
    expect(groups[1]!.snapshots[0]).toMatchObject({ seq: 7, at: '2026-11-26T23:59:59.000Z' });
  });

  it('reads a time with an offset as its UTC day', () => {
    expect(groupByDay([change('a', 1, '2026-11-27T01:00:00+02:00')])[0]!.day).toBe('2026-11-26');
  });

  it('names today and yesterday, and spells out older days', () => {
    expect(dayHeading('2026-11-27', '2026-11-27')).toBe('Today');
    expect(dayHeading('2026-11-26', '2026-11-27')).toBe('Yesterday');
    expect(dayHeading('2026-11-01', '2026-11-27')).toBe('Sunday 1 November 2026');
  });
});
