import { INTERNET_EXPOSURES, type InternetExposure, type WorkloadItem } from '@palisade/api-contract';
import type { WorkloadsApiQuery } from '../data-access/contract-checks';

/**
 * The workloads table's state lives in the URL (`?unprotected=true&namespace=shop&sort=-score
 * &limit=50&offset=100`), so a reload, a bookmark or a shared link shows the same rows.
 */

export const WORKLOAD_SORTS = [
  'score',
  '-score',
  'name',
  '-name',
  'namespace',
  '-namespace',
  'reachableFrom',
  '-reachableFrom',
] as const;
export type WorkloadSort = (typeof WORKLOAD_SORTS)[number];
export type SortField = 'score' | 'name' | 'namespace' | 'reachableFrom';

export const PAGE_SIZES = [25, 50, 100, 200] as const;
const DEFAULT_LIMIT = 50;

export interface WorkloadsQuery extends WorkloadsApiQuery {
  readonly sort: WorkloadSort;
}

export type SearchParams = Readonly<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

function flag(value: string | string[] | undefined): boolean | undefined {
  const text = first(value);
  return text === 'true' ? true : text === 'false' ? false : undefined;
}

function integer(
  value: string | string[] | undefined,
  min: number,
  max: number,
): number | undefined {
  const text = first(value);
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  return Math.min(Math.max(Number(text), min), max);
}

function isExposure(text: string | undefined): text is InternetExposure {
  return (INTERNET_EXPOSURES as readonly (string | undefined)[]).includes(text);
}

/** Reads the URL; anything it does not understand falls back to the default. */
export function parseWorkloadsQuery(params: SearchParams): WorkloadsQuery {
  const sort = first(params['sort']);
  const limit = integer(params['limit'], 1, 1000) ?? DEFAULT_LIMIT;
  const unprotected = flag(params['unprotected']);
  const exposed = flag(params['exposed']);
  const exposure = first(params['exposure']);
  const namespace = first(params['namespace']);
  const q = first(params['q'])?.slice(0, 200);
  return {
    ...(unprotected !== undefined && { unprotected }),
    ...(exposed !== undefined && { exposed }),
    ...(isExposure(exposure) && { exposure }),
    ...(namespace !== undefined && { namespace }),
    ...(q !== undefined && { q }),
    sort: (WORKLOAD_SORTS as readonly string[]).includes(sort ?? '')
      ? (sort as WorkloadSort)
      : 'score',
    limit,
    offset: integer(params['offset'], 0, Number.MAX_SAFE_INTEGER) ?? 0,
  };
}

/** The URL query for a state, leaving out defaults so links stay short. */
export function workloadsHref(basePath: string, query: WorkloadsQuery): string {
  const params = new URLSearchParams();
  if (query.unprotected !== undefined) params.set('unprotected', String(query.unprotected));
  if (query.exposed !== undefined) params.set('exposed', String(query.exposed));
  if (query.exposure !== undefined) params.set('exposure', query.exposure);
  if (query.namespace) params.set('namespace', query.namespace);
  if (query.q) params.set('q', query.q);
  if (query.sort !== 'score') params.set('sort', query.sort);
  if (query.limit !== DEFAULT_LIMIT) params.set('limit', String(query.limit));
  if (query.offset > 0) params.set('offset', String(query.offset));
  const search = params.toString();
  return search ? `${basePath}?${search}` : basePath;
}

/**
 * Whether the URL already says the state in its shortest form. A submitted filter form also sends
 * its empty and default fields (`?exposed=&namespace=&limit=50`); the page redirects those to
 * the canonical URL so a shared or reloaded link reads cleanly.
 */
export function isCanonical(params: SearchParams, query: WorkloadsQuery): boolean {
  const given = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      given.append(key, v);
    }
  }
  const canonical = new URLSearchParams(workloadsHref('', query).replace(/^\?/, ''));
  given.sort();
  canonical.sort();
  return given.toString() === canonical.toString();
}

/** Clicking a column header: ascending first, then the other way; back to the first page. */
export function sortedBy(query: WorkloadsQuery, field: SortField): WorkloadsQuery {
  const next: WorkloadSort = query.sort === field ? `-${field}` : field;
  return { ...query, sort: next, offset: 0 };
}

export function sortDirection(
  query: WorkloadsQuery,
  field: SortField,
): 'ascending' | 'descending' | undefined {
  if (query.sort === field) return 'ascending';
  if (query.sort === `-${field}`) return 'descending';
  return undefined;
}

/** Whether a workload belongs in the table under these filters (as the API decides it). */
export function matchesFilters(workload: WorkloadItem, query: WorkloadsQuery): boolean {
  if (query.unprotected !== undefined && workload.unprotected !== query.unprotected) return false;
  if (query.exposed !== undefined && workload.exposed !== query.exposed) return false;
  if (query.exposure !== undefined && workload.internetExposure !== query.exposure) return false;
  if (query.namespace !== undefined && workload.namespace !== query.namespace) return false;
  if (query.q !== undefined) {
    const q = query.q.toLowerCase();
    if (!workload.name.toLowerCase().includes(q) && !workload.namespace.toLowerCase().includes(q))
      return false;
  }
  return true;
}

/** The API's order: the sort field, then namespace, name, kind; a missing score sorts last. */
export function compareWorkloads(sort: WorkloadSort, a: WorkloadItem, b: WorkloadItem): number {
  const descending = sort.startsWith('-');
  const field = (descending ? sort.slice(1) : sort) as SortField;
  const x = a[field];
  const y = b[field];
  let order = 0;
  if (x === null || y === null) order = x === y ? 0 : x === null ? 1 : -1;
  else if (typeof x === 'number' && typeof y === 'number') order = x - y;
  else order = String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
  // PostgreSQL puts NULLs last ascending and first descending: negating keeps that.
  if (descending) order = -order;
  if (order !== 0) return order;
  return cmp(a.namespace, b.namespace) || cmp(a.name, b.name) || cmp(a.kind, b.kind);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const workloadKey = (w: Pick<WorkloadItem, 'namespace' | 'kind' | 'name'>) =>
  `${w.namespace}/${w.kind}/${w.name}`;
