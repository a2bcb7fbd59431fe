/** Where the pages of a list are: links to the first, previous, next and last (absent where none). */
export interface PageLinks {
  readonly page: number;
  readonly pages: number;
  readonly first?: string;
  readonly previous?: string;
  readonly next?: string;
  readonly last?: string;
}

/** The links of an offset-paged list; `at` gives the URL of the page starting at an offset. */
export function pageLinks(
  page: { readonly offset: number; readonly limit: number; readonly total: number },
  at: (offset: number) => string,
): PageLinks {
  const { offset, limit, total } = page;
  const pages = Math.max(1, Math.ceil(total / limit));
  const hasPrevious = offset > 0;
  const hasNext = offset + limit < total;
  return {
    page: Math.floor(offset / limit) + 1,
    pages,
    ...(hasPrevious && { first: at(0), previous: at(Math.max(0, offset - limit)) }),
    ...(hasNext && { next: at(offset + limit), last: at((pages - 1) * limit) }),
  };
}
