import { isCanonical, parseWorkloadsQuery, sortedBy, workloadsHref } from './workloads-url';

describe('the workloads URL state', () => {
  it('reads filters, sort and page from the URL and maps them to the API query', () => {
    const query = parseWorkloadsQuery({
      unprotected: 'true',
      exposed: 'false',
      exposure: 'published',
      namespace: 'shop',
      q: ' cart ',
      sort: '-reachableFrom',
      limit: '100',
      offset: '200',
    });

    expect(query).toEqual({
      unprotected: true,
      exposed: false,
      exposure: 'published',
      namespace: 'shop',
      q: 'cart',
      sort: '-reachableFrom',
      limit: 100,
      offset: 200,
    });
  });

  it('falls back to the defaults for empty or unknown values', () => {
    expect(
      parseWorkloadsQuery({
        unprotected: '',
        exposed: 'maybe',
        exposure: 'wide-open',
        sort: 'bogus',
        limit: '-3',
        offset: 'x',
      }),
    ).toEqual({ sort: 'score', limit: 50, offset: 0 });
    expect(parseWorkloadsQuery({ limit: '99999' }).limit).toBe(1000);
  });

  it('writes the shortest URL, which reads back to the same state', () => {
    const query = parseWorkloadsQuery({ unprotected: 'true', exposure: 'policy-only', namespace: 'shop', offset: '50' });
    const href = workloadsHref('/clusters/c/workloads', query);

    expect(href).toBe('/clusters/c/workloads?unprotected=true&exposure=policy-only&namespace=shop&offset=50');
    expect(parseWorkloadsQuery(Object.fromEntries(new URL(href, 'http://x').searchParams))).toEqual(
      query,
    );
  });

  it('calls a submitted form with empty and default fields not canonical', () => {
    const submitted = { unprotected: 'true', exposed: '', namespace: '', q: '', limit: '50' };
    expect(isCanonical(submitted, parseWorkloadsQuery(submitted))).toBe(false);
    const clean = { unprotected: 'true' };
    expect(isCanonical(clean, parseWorkloadsQuery(clean))).toBe(true);
  });

  it('sorts ascending on the first click of a header, descending on the next, from the first page', () => {
    const start = parseWorkloadsQuery({ offset: '100' });

    const once = sortedBy(start, 'name');
    expect(once).toMatchObject({ sort: 'name', offset: 0 });
    expect(sortedBy(once, 'name').sort).toBe('-name');
  });
});
