import { diffHref, isDiffCanonical, parseDiffQuery, resolvePair } from './diff-url';

describe('the snapshot diff URL state', () => {
  it('reads the two sequence numbers, older first', () => {
    expect(parseDiffQuery({ from: '12', to: '15' })).toEqual({ from: 12, to: 15 });
    expect(parseDiffQuery({ from: '15', to: '12' })).toEqual({ from: 12, to: 15 });
    expect(parseDiffQuery({ from: 'x', to: '' })).toEqual({});
  });

  it('redirects a reversed or empty pair to the canonical URL', () => {
    const reversed = { from: '15', to: '12' };
    expect(isDiffCanonical(reversed, parseDiffQuery(reversed))).toBe(false);
    expect(diffHref('/d', parseDiffQuery(reversed))).toBe('/d?from=12&to=15');
    const empty = { from: '', to: '' };
    expect(isDiffCanonical(empty, parseDiffQuery(empty))).toBe(false);
    expect(diffHref('/d', parseDiffQuery(empty))).toBe('/d');
    expect(isDiffCanonical({ from: '12', to: '15' }, { from: 12, to: 15 })).toBe(true);
  });

  it('compares the previous and the latest snapshot by default', () => {
    const snapshots = [{ seq: 9 }, { seq: 7 }, { seq: 4 }];
    expect(resolvePair({}, snapshots)).toEqual({ from: 7, to: 9 });
    expect(resolvePair({ to: 7 }, snapshots)).toEqual({ from: 4, to: 7 });
    expect(resolvePair({ from: 4, to: 9 }, snapshots)).toEqual({ from: 4, to: 9 });
  });

  it('has nothing to compare with fewer than two snapshots', () => {
    expect(resolvePair({}, [{ seq: 1 }])).toBeUndefined();
    expect(resolvePair({}, [])).toBeUndefined();
  });
});
