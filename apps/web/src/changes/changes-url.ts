import { CHANGE_KINDS, type ChangeItem, type ChangeKind } from '@palisade/api-contract';
import type { ChangesApiQuery } from '../data-access/cluster-data';

/**
 * The timeline's state lives in the URL (`?kind=POLICY_ADDED&kind=POLICY_REMOVED&namespace=shop
 * &since=2026-11-01&until=2026-11-27&offset=50`), so a reload or a shared link shows the same
 * events. Dates are whole UTC days, inclusive at both ends, as the page shows them.
 */

export type SearchParams = Readonly<Record<string, string | string[] | undefined>>;

export interface ChangesQuery {
  /** In CHANGE_KINDS order, without duplicates; empty means every kind. */
  readonly kinds: readonly ChangeKind[];
  readonly namespace?: string;
  /** `YYYY-MM-DD` (UTC), first day shown. */
  readonly since?: string;
  /** `YYYY-MM-DD` (UTC), last day shown. */
  readonly until?: string;
  readonly limit: number;
  readonly offset: number;
}

export const CHANGES_PAGE_SIZE = 50;

/** Shortcuts over the kinds: what a reader usually asks for. */
export const KIND_PRESETS = [
  {
    key: 'exposures',
    label: 'Exposures',
    kinds: ['WORKLOAD_ADDED_UNPROTECTED', 'WORKLOAD_EXPOSED', 'NAMESPACE_LOST_DEFAULT_DENY'],
  },
  {
    key: 'protections',
    label: 'Protections',
    kinds: ['WORKLOAD_PROTECTED', 'NAMESPACE_GAINED_DEFAULT_DENY'],
  },
  {
    key: 'policies',
    label: 'Policies',
    kinds: ['POLICY_ADDED', 'POLICY_CHANGED', 'POLICY_REMOVED'],
  },
] as const satisfies readonly { key: string; label: string; kinds: readonly ChangeKind[] }[];

function all(value: string | string[] | undefined): string[] {
  return (Array.isArray(value) ? value : value === undefined ? [] : [value])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

function first(value: string | string[] | undefined): string | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  return text ? text : undefined;
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

/** A real calendar day `YYYY-MM-DD`, or undefined. */
export function day(value: string | string[] | undefined): string | undefined {
  const text = first(value);
  if (text === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const date = new Date(`${text}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text) ? text : undefined;
}

/** Kinds in their documented order, unknown ones dropped; every kind at once is no filter. */
export function normalKinds(kinds: readonly string[]): ChangeKind[] {
  const chosen = CHANGE_KINDS.filter((k) => kinds.includes(k));
  return chosen.length === CHANGE_KINDS.length ? [] : chosen;
}

/** Reads the URL; anything it does not understand falls back to the default. */
export function parseChangesQuery(params: SearchParams): ChangesQuery {
  const namespace = first(params['namespace']);
  let since = day(params['since']);
  let until = day(params['until']);
  // Dates the wrong way round read as the range they obviously mean.
  if (since && until && since > until) [since, until] = [until, since];
  return {
    kinds: normalKinds(all(params['kind'])),
    ...(namespace !== undefined && { namespace }),
    ...(since !== undefined && { since }),
    ...(until !== undefined && { until }),
    limit: integer(params['limit'], 1, 200) ?? CHANGES_PAGE_SIZE,
    offset: integer(params['offset'], 0, Number.MAX_SAFE_INTEGER) ?? 0,
  };
}

/** The URL for a state: one `kind` per kind, defaults left out, so links stay short and stable. */
export function changesHref(basePath: string, query: ChangesQuery): string {
  const params = new URLSearchParams();
  for (const kind of normalKinds(query.kinds)) params.append('kind', kind);
  if (query.namespace) params.set('namespace', query.namespace);
  if (query.since) params.set('since', query.since);
  if (query.until) params.set('until', query.until);
  if (query.limit !== CHANGES_PAGE_SIZE) params.set('limit', String(query.limit));
  if (query.offset > 0) params.set('offset', String(query.offset));
  const search = params.toString();
  return search ? `${basePath}?${search}` : basePath;
}

/**
 * Whether the URL already says the state in its canonical form. A submitted filter form also
 * sends its empty fields (`?namespace=&since=`); the page redirects those to the clean URL.
 */
export function isCanonical(params: SearchParams, query: ChangesQuery): boolean {
  const given = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value])
      given.append(key, v);
  }
  return given.toString() === changesHref('', query).replace(/^\?/, '');
}

/** What the API is asked: whole UTC days, `until` exclusive on the API's side. */
export function changesApiQuery(query: ChangesQuery): ChangesApiQuery {
  const nextDay = (d: string) =>
    new Date(Date.parse(`${d}T00:00:00.000Z`) + 86_400_000).toISOString();
  return {
    ...(query.kinds.length > 0 && { kinds: query.kinds }),
    ...(query.namespace !== undefined && { namespace: query.namespace }),
    ...(query.since !== undefined && { since: `${query.since}T00:00:00.000Z` }),
    ...(query.until !== undefined && { until: nextDay(query.until) }),
    limit: query.limit,
    offset: query.offset,
  };
}

/** The same filters with other kinds, from the first page (a preset link). */
export function withKinds(query: ChangesQuery, kinds: readonly ChangeKind[]): ChangesQuery {
  return { ...query, kinds: normalKinds(kinds), offset: 0 };
}

/** Which preset the kinds are exactly, if any. */
export function presetOf(
  kinds: readonly ChangeKind[],
): (typeof KIND_PRESETS)[number]['key'] | undefined {
  const key = normalKinds(kinds).join(',');
  return KIND_PRESETS.find((p) => normalKinds(p.kinds).join(',') === key)?.key;
}

/** Whether a newly stored change belongs on the page under these filters (as the API decides). */
export function matchesChangesQuery(
  change: Pick<ChangeItem, 'kind' | 'namespace' | 'at'>,
  query: ChangesQuery,
): boolean {
  if (query.kinds.length > 0 && !query.kinds.includes(change.kind)) return false;
  if (query.namespace !== undefined && change.namespace !== query.namespace) return false;
  const api = changesApiQuery(query);
  if (api.since !== undefined && change.at < api.since) return false;
  if (api.until !== undefined && change.at >= api.until) return false;
  return true;
}
