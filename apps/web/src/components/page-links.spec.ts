import { pageLinks } from './page-links';

describe('pageLinks', () => {
  const at = (offset: number) => `/x?offset=${offset}`;

  it('links pages: none before the first, none after the last', () => {
    expect(pageLinks({ offset: 0, limit: 50, total: 120 }, at)).toEqual({
      page: 1,
      pages: 3,
      next: '/x?offset=50',
      last: '/x?offset=100',
    });
    expect(pageLinks({ offset: 100, limit: 50, total: 120 }, at)).toEqual({
      page: 3,
      pages: 3,
      first: '/x?offset=0',
      previous: '/x?offset=50',
    });
    expect(pageLinks({ offset: 0, limit: 50, total: 0 }, at)).toEqual({ page: 1, pages: 1 });
  });

  it('leads back from a page past the end', () => {
    expect(pageLinks({ offset: 200, limit: 50, total: 120 }, at)).toMatchObject({
      page: 5,
      first: '/x?offset=0',
      previous: '/x?offset=150',
    });
  });
});
