import { isPolicyKind } from '@palisade/api-contract';
import { pageLinks as sharedPageLinks, type PageLinks } from '../components/page-links';
import type { PoliciesApiQuery } from '../data-access/cluster-data';

/**
 * The policies list's state lives in the URL (`?kind=AdminNetworkPolicy&namespace=shop
 * &removed=true&enforced=false&offset=50`), so a reload, a bookmark or a shared link shows the same rows.
 */

export const POLICY_PAGE_SIZES = [25, 50, 100, 200] as const;
export const DEFAULT_POLICY_LIMIT = 50;

export interface PoliciesQuery extends PoliciesApiQuery {
  /** False unless asked: a policy that no longer exists is history, not configuration. */
  readonly removed: boolean;
}

export type SearchParams = Readonly<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
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

export { isPolicyKind };

/** Reads the URL; anything it does not understand falls back to the default. */
export function parsePoliciesQuery(params: SearchParams): PoliciesQuery {
  const kind = first(params['kind']);
  const namespace = first(params['namespace']);
  const enforced = first(params['enforced']);
  const limit = integer(params['limit'], 1, 1000) ?? DEFAULT_POLICY_LIMIT;
  const offset = integer(params['offset'], 0, Number.MAX_SAFE_INTEGER) ?? 0;
  return {
    ...(isPolicyKind(kind) && { kind }),
    ...(namespace !== undefined && { namespace }),
    // A checkbox sends "on" when ticked; links say "true".
    removed: ['true', 'on'].includes(first(params['removed']) ?? ''),
    ...(enforced === 'true' || enforced === 'false' ? { enforced: enforced === 'true' } : {}),
    limit,
    // Pages start at multiples of the page size, so "page N of M" stays true.
    offset: offset - (offset % limit),
  };
}

/** The URL for a state, leaving out defaults so links stay short. */
export function policiesHref(basePath: string, query: PoliciesQuery): string {
  const params = new URLSearchParams();
  if (query.kind) params.set('kind', query.kind);
  if (query.namespace) params.set('namespace', query.namespace);
  if (query.removed) params.set('removed', 'true');
  if (query.enforced !== undefined) params.set('enforced', String(query.enforced));
  if (query.limit !== DEFAULT_POLICY_LIMIT) params.set('limit', String(query.limit));
  if (query.offset > 0) params.set('offset', String(query.offset));
  const search = params.toString();
  return search ? `${basePath}?${search}` : basePath;
}

/** Whether the URL already says the state in its shortest form; the page redirects otherwise. */
export function isCanonical(params: SearchParams, query: PoliciesQuery): boolean {
  const given = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      given.append(key, v);
    }
  }
  const canonical = new URLSearchParams(policiesHref('', query).replace(/^\?/, ''));
  given.sort();
  canonical.sort();
  return given.toString() === canonical.toString();
}

export function hasFilters(query: PoliciesQuery): boolean {
  return query.kind !== undefined || query.namespace !== undefined || query.removed;
}

/** Links to the first, previous, next and last pages (undefined where there is none). */
export function pageLinks(basePath: string, query: PoliciesQuery, total: number): PageLinks {
  return sharedPageLinks({ ...query, total }, (offset) =>
    policiesHref(basePath, { ...query, offset }),
  );
}
