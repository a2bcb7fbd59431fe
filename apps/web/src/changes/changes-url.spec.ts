import {
  changesApiQuery,
  changesHref,
  isCanonical,
  matchesChangesQuery,
  parseChangesQuery,
  presetOf,
  withKinds,
} from './changes-url';
import { CHANGE_KINDS } from '@palisade/api-contract';

describe('the changes URL state', () => {
  it('reads kinds, namespace, dates and page from the URL', () => {
    const query = parseChangesQuery({
      kind: ['POLICY_REMOVED', 'POLICY_ADDED'],
      namespace: ' shop ',
      since: '2026-11-01',
      until: '2026-11-27',
      offset: '50',
    });

    expect(query).toEqual({
      // In the documented order, whatever the URL's.
      kinds: ['POLICY_ADDED', 'POLICY_REMOVED'],
      namespace: 'shop',
      since: '2026-11-01',
      until: '2026-11-27',
      limit: 50,
      offset: 50,
    });
  });

  it('drops unknown kinds, impossible dates and bad numbers, and swaps reversed dates', () => {
    expect(
      parseChangesQuery({
        kind: ['NOPE', 'WORKLOAD_EXPOSED', 'WORKLOAD_EXPOSED'],
        since: '2026-02-30',
        until: 'soon',
        offset: '-1',
      }),
    ).toEqual({ kinds: ['WORKLOAD_EXPOSED'], limit: 50, offset: 0 });
    expect(parseChangesQuery({ since: '2026-11-27', until: '2026-11-01' })).toMatchObject({
      since: '2026-11-01',
      until: '2026-11-27',
    });
  });

  it('treats every kind ticked as no kind filter', () => {
    expect(parseChangesQuery({ kind: [...CHANGE_KINDS] }).kinds).toEqual([]);
  });

  it('writes one kind parameter per kind, leaving defaults out, and reads back the same state', () => {
    const query = parseChangesQuery({
      kind: 'POLICY_CHANGED,POLICY_ADDED',
      namespace: 'shop',
      offset: '100',
    });
    const href = changesHref('/clusters/c/changes', query);

    expect(href).toBe(
      '/clusters/c/changes?kind=POLICY_ADDED&kind=POLICY_CHANGED&namespace=shop&offset=100',
    );
    const back = new URL(href, 'http://x').searchParams;
    expect(
      parseChangesQuery({
        kind: back.getAll('kind'),
        namespace: back.get('namespace') ?? undefined,
        offset: back.get('offset') ?? undefined,
      }),
    ).toEqual(query);
  });

  it('calls a submitted form with empty fields, or kinds out of order, not canonical', () => {
    const submitted = { kind: 'POLICY_ADDED', namespace: '', since: '', until: '' };
    expect(isCanonical(submitted, parseChangesQuery(submitted))).toBe(false);
    const reordered = { kind: ['POLICY_REMOVED', 'POLICY_ADDED'] };
    expect(isCanonical(reordered, parseChangesQuery(reordered))).toBe(false);
    const clean = { kind: ['POLICY_ADDED', 'POLICY_REMOVED'], since: '2026-11-01' };
    expect(isCanonical(clean, parseChangesQuery(clean))).toBe(true);
    expect(isCanonical({}, parseChangesQuery({}))).toBe(true);
  });

  it('asks the API for whole UTC days, the last one included', () => {
    const api = changesApiQuery(
      parseChangesQuery({ kind: 'WORKLOAD_EXPOSED', since: '2026-11-01', until: '2026-11-30' }),
    );
    expect(api).toEqual({
      kinds: ['WORKLOAD_EXPOSED'],
      since: '2026-11-01T00:00:00.000Z',
      until: '2026-12-01T00:00:00.000Z',
      limit: 50,
      offset: 0,
    });
    expect(changesApiQuery(parseChangesQuery({}))).toEqual({ limit: 50, offset: 0 });
  });

  it('recognises a preset and starts it from the first page', () => {
    const query = withKinds(parseChangesQuery({ offset: '50', namespace: 'shop' }), [
      'POLICY_REMOVED',
      'POLICY_CHANGED',
      'POLICY_ADDED',
    ]);
    expect(query).toMatchObject({ offset: 0, namespace: 'shop' });
    expect(presetOf(query.kinds)).toBe('policies');
    expect(presetOf(['POLICY_ADDED'])).toBeUndefined();
  });

  it('decides like the API whether a newly stored change belongs on the page', () => {
    const query = parseChangesQuery({
      kind: 'WORKLOAD_EXPOSED',
      namespace: 'shop',
      until: '2026-11-27',
    });
    const change = {
      kind: 'WORKLOAD_EXPOSED' as const,
      namespace: 'shop',
      at: '2026-11-27T23:59:00.000Z',
    };
    expect(matchesChangesQuery(change, query)).toBe(true);
    expect(matchesChangesQuery({ ...change, at: '2026-11-28T00:00:00.000Z' }, query)).toBe(false);
    expect(matchesChangesQuery({ ...change, namespace: 'analytics' }, query)).toBe(false);
    expect(matchesChangesQuery({ ...change, kind: 'POLICY_ADDED' }, query)).toBe(false);
  });
});
