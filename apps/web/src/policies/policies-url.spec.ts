import {
  hasFilters,
  isCanonical,
  pageLinks,
  parsePoliciesQuery,
  policiesHref,
  type PoliciesQuery,
} from './policies-url';

const BASE = '/clusters/c1/policies';
const paramsOf = (href: string) => Object.fromEntries(new URL(href, 'http://x').searchParams);

describe('policies URL state', () => {
  it('defaults to current policies of every kind, first page of 50', () => {
    const query = parsePoliciesQuery({});
    expect(query).toEqual({ removed: false, limit: 50, offset: 0 });
    expect(policiesHref(BASE, query)).toBe(BASE);
    expect(hasFilters(query)).toBe(false);
  });

  it('reads kind, namespace, removed and the page, and round-trips them', () => {
    const query = parsePoliciesQuery({
      kind: 'NetworkPolicy',
      namespace: 'shop',
      removed: 'true',
      limit: '25',
      offset: '50',
    });
    expect(query).toEqual({
      kind: 'NetworkPolicy',
      namespace: 'shop',
      removed: true,
      limit: 25,
      offset: 50,
    });
    const href = policiesHref(BASE, query);
    expect(href).toBe(`${BASE}?kind=NetworkPolicy&namespace=shop&removed=true&limit=25&offset=50`);
    expect(parsePoliciesQuery(paramsOf(href))).toEqual(query);
    expect(isCanonical(paramsOf(href), query)).toBe(true);
  });

  it('ignores an unknown kind instead of asking the API for it', () => {
    expect(parsePoliciesQuery({ kind: 'Ingress' }).kind).toBeUndefined();
    expect(parsePoliciesQuery({ kind: 'networkpolicy' }).kind).toBeUndefined();
  });

  it('takes a ticked checkbox ("on") as including removed policies, and writes it as true', () => {
    const search = { kind: 'AdminNetworkPolicy', namespace: '', removed: 'on', limit: '50' };
    const query = parsePoliciesQuery(search);
    expect(query.removed).toBe(true);
    expect(isCanonical(search, query)).toBe(false);
    expect(policiesHref(BASE, query)).toBe(`${BASE}?kind=AdminNetworkPolicy&removed=true`);
  });

  it('snaps an offset to the start of its page and clamps the page size', () => {
    expect(parsePoliciesQuery({ offset: '73', limit: '25' }).offset).toBe(50);
    expect(parsePoliciesQuery({ limit: '5000' }).limit).toBe(1000);
    expect(parsePoliciesQuery({ limit: '0' }).limit).toBe(1);
    expect(parsePoliciesQuery({ offset: '-3' }).offset).toBe(0);
  });
});

describe('pageLinks', () => {
  const query: PoliciesQuery = { kind: 'NetworkPolicy', removed: false, limit: 10, offset: 10 };

  it('links to the neighbouring and the end pages, keeping the filters', () => {
    const links = pageLinks(BASE, query, 35);
    expect(links.page).toBe(2);
    expect(links.pages).toBe(4);
    expect(links.first).toBe(`${BASE}?kind=NetworkPolicy&limit=10`);
    expect(links.previous).toBe(`${BASE}?kind=NetworkPolicy&limit=10`);
    expect(links.next).toBe(`${BASE}?kind=NetworkPolicy&limit=10&offset=20`);
    expect(links.last).toBe(`${BASE}?kind=NetworkPolicy&limit=10&offset=30`);
  });

  it('has no previous page on the first nor next page on the last', () => {
    expect(pageLinks(BASE, { ...query, offset: 0 }, 5)).toEqual({ page: 1, pages: 1 });
    expect(pageLinks(BASE, query, 0).pages).toBe(1);
  });
});
