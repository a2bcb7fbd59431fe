import type { NamespaceItem } from '@palisade/api-contract';
import {
  isCanonical,
  namespacesHref,
  parseNamespacesQuery,
  sortDirection,
  sortedBy,
  visibleNamespaces,
} from './namespaces-url';

const ns = (name: string, fields: Partial<NamespaceItem> = {}): NamespaceItem => ({
  name,
  score: 50,
  exposed: false,
  unprotected: false,
  pods: 1,
  workloads: 1,
  networkPolicies: 0,
  exposedWorkloads: 0,
  unprotectedWorkloads: 0,
  defaultDenyIngress: false,
  defaultDenyEgress: false,
  ingressIsolatedPods: 0,
  egressIsolatedPods: 0,
  ...fields,
});

const BASE = '/clusters/c1/namespaces';

describe('namespaces URL state', () => {
  it('defaults to the lowest score first and no filter', () => {
    expect(parseNamespacesQuery({})).toEqual({ sort: 'score' });
    expect(namespacesHref(BASE, parseNamespacesQuery({}))).toBe(BASE);
  });

  it('reads a known sort and a trimmed filter, and ignores an unknown sort', () => {
    expect(parseNamespacesQuery({ sort: '-unprotected', q: '  pay ' })).toEqual({
      sort: '-unprotected',
      q: 'pay',
    });
    expect(parseNamespacesQuery({ sort: 'pods; drop' }).sort).toBe('score');
    expect(parseNamespacesQuery({ sort: '--name' }).sort).toBe('score');
    expect(parseNamespacesQuery({ sort: ['name', 'score'] }).sort).toBe('name');
  });

  it('writes the state back canonically and round-trips it', () => {
    const query = { sort: '-exposed', q: 'shop' } as const;
    const href = namespacesHref(BASE, query);
    expect(href).toBe(`${BASE}?q=shop&sort=-exposed`);
    const params = Object.fromEntries(new URL(href, 'http://x').searchParams);
    expect(parseNamespacesQuery(params)).toEqual(query);
    expect(isCanonical(params, query)).toBe(true);
  });

  it('sends a submitted form with an empty filter or the default sort to the short URL', () => {
    const search = { q: '', sort: 'score' };
    const query = parseNamespacesQuery(search);
    expect(isCanonical(search, query)).toBe(false);
    expect(namespacesHref(BASE, query)).toBe(BASE);
    expect(isCanonical({ sort: 'bogus' }, parseNamespacesQuery({ sort: 'bogus' }))).toBe(false);
  });

  it('sorts names A to Z and trouble counts most first on the first click, reversing on the next', () => {
    const start = parseNamespacesQuery({});
    expect(sortedBy(start, 'name').sort).toBe('name');
    expect(sortedBy(sortedBy(start, 'name'), 'name').sort).toBe('-name');
    expect(sortedBy(start, 'unprotected').sort).toBe('-unprotected');
    expect(sortedBy({ sort: '-unprotected' }, 'unprotected').sort).toBe('unprotected');
    expect(sortedBy(start, 'score').sort).toBe('-score');
    expect(sortDirection({ sort: '-score' }, 'score')).toBe('descending');
    expect(sortDirection({ sort: '-score' }, 'name')).toBeUndefined();
  });
});

describe('visibleNamespaces', () => {
  const items = [
    ns('shop', { score: 80, unprotectedWorkloads: 1 }),
    ns('payments', { score: 100, unprotectedWorkloads: 0 }),
    ns('analytics', { score: 0, unprotectedWorkloads: 3 }),
    ns('empty', { score: null, workloads: 0 }),
    ns('default', { score: 80, unprotectedWorkloads: 1 }),
  ];
  const names = (query: Parameters<typeof visibleNamespaces>[1]) =>
    visibleNamespaces(items, query).map((n) => n.name);

  it('puts the lowest score first by default, ties by name, no score last', () => {
    expect(names({ sort: 'score' })).toEqual(['analytics', 'default', 'shop', 'payments', 'empty']);
  });

  it('keeps a namespace without a score last when sorting the other way too', () => {
    expect(names({ sort: '-score' })).toEqual(['payments', 'default', 'shop', 'analytics', 'empty']);
  });

  it('sorts by unprotected workloads, most first', () => {
    expect(names({ sort: '-unprotected' }).slice(0, 3)).toEqual(['analytics', 'default', 'shop']);
  });

  it('sorts by name either way', () => {
    expect(names({ sort: 'name' })).toEqual(['analytics', 'default', 'empty', 'payments', 'shop']);
    expect(names({ sort: '-name' })).toEqual(['shop', 'payments', 'empty', 'default', 'analytics']);
  });

  it('keeps only the namespaces whose name contains the filter, in any case', () => {
    expect(names({ sort: 'name', q: 'PAY' })).toEqual(['payments']);
    expect(names({ sort: 'name', q: 'a' })).toEqual(['analytics', 'default', 'payments']);
    expect(names({ sort: 'name', q: 'nothing' })).toEqual([]);
  });

  it('does not reorder the array it was given', () => {
    visibleNamespaces(items, { sort: 'name' });
    expect(items[0]!.name).toBe('shop');
  });
});
