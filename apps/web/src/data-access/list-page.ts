import type { Page } from '@palisade/api-contract';
import { getJson, type GetJsonOptions } from './api-client';
import type { ApiResult } from './api-result';
import { isPageOf } from './shape-checks';

/** What a list call may add to getJson's options (its own check is the page's). */
export type ListOptions = Omit<GetJsonOptions<never>, 'check'>;

/** A query string from a list's filters and page; empty values are left out. */
export function searchOf(params: Readonly<Record<string, string | number | undefined>>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  return query.toString();
}

/** One page of a list endpoint (`{ items, total }`), each item checked. */
export function getPage<T>(
  path: string,
  query: Readonly<Record<string, string | number | undefined>>,
  isItem: (item: unknown) => item is T,
  options: ListOptions = {},
): Promise<ApiResult<Page<T>>> {
  return getJson(`${path}?${searchOf(query)}`, {
    ...options,
    check: (body): body is Page<T> => isPageOf(body, isItem),
  });
}
