import type { SnapshotItem } from '@palisade/api-contract';
import type { SearchParams } from './changes-url';

/**
 * The diff's state in the URL: `?from=SEQ&to=SEQ`. Without them the page compares the two
 * latest snapshots, so a bare link always shows "what changed last".
 */
export interface DiffQuery {
  readonly from?: number;
  readonly to?: number;
}

function seq(value: string | string[] | undefined): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text || !/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}

export function parseDiffQuery(params: SearchParams): DiffQuery {
  let from = seq(params['from']);
  let to = seq(params['to']);
  // Older first: the diff reads as "from then to now".
  if (from !== undefined && to !== undefined && from > to) [from, to] = [to, from];
  return { ...(from !== undefined && { from }), ...(to !== undefined && { to }) };
}

export function diffHref(basePath: string, query: DiffQuery): string {
  const params = new URLSearchParams();
  if (query.from !== undefined) params.set('from', String(query.from));
  if (query.to !== undefined) params.set('to', String(query.to));
  const search = params.toString();
  return search ? `${basePath}?${search}` : basePath;
}

export function isDiffCanonical(params: SearchParams, query: DiffQuery): boolean {
  const given = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value])
      given.append(key, v);
  }
  return given.toString() === diffHref('', query).replace(/^\?/, '');
}

/**
 * The pair to compare: what the URL names, else the snapshot before the latest and the latest.
 * `snapshots` is newest first, as the API lists them. Undefined when there is nothing to compare.
 */
export function resolvePair(
  query: DiffQuery,
  snapshots: readonly Pick<SnapshotItem, 'seq'>[],
): { readonly from: number; readonly to: number } | undefined {
  const latest = snapshots[0]?.seq;
  const to = query.to ?? latest;
  if (to === undefined) return undefined;
  const from = query.from ?? snapshots.find((s) => s.seq < to)?.seq;
  if (from === undefined) return undefined;
  return from <= to ? { from, to } : { from: to, to: from };
}
