import type { ChangeItem, ClusterItem, Page, WorkloadItem } from '@palisade/api-contract';

/**
 * Shapes of the per-cluster answers and shallow checks of them, for the server and the browser
 * alike (nothing here reads the environment). Answers that @palisade/api-contract does not
 * declare yet (score history, namespaces) are typed here with the fields the dashboard uses.
 */

/** One point of GET /api/clusters/:id/scores. */
export interface ClusterScorePoint {
  readonly at: string;
  readonly score: number | null;
  readonly ingressIsolatedPercent: number;
  readonly egressIsolatedPercent: number;
  readonly unprotectedWorkloads: number;
  readonly exposedWorkloads: number;
}

export interface ClusterScoreSeries {
  readonly from: string;
  readonly to: string;
  readonly bucket: 'raw' | 'hour' | 'day';
  readonly points: readonly ClusterScorePoint[];
}

/** One item of GET /api/clusters/:id/namespaces. */
export interface NamespaceItem {
  readonly name: string;
  readonly score: number | null;
  readonly workloads?: number;
  readonly unprotectedWorkloads?: number;
  readonly exposedWorkloads?: number;
}

/** The query of GET /api/clusters/:id/workloads, as the API names it. */
export interface WorkloadsApiQuery {
  readonly unprotected?: boolean;
  readonly exposed?: boolean;
  readonly namespace?: string;
  readonly q?: string;
  readonly sort: string;
  readonly limit: number;
  readonly offset: number;
}

/** The query string of GET /workloads; also used by the browser to re-read a page. */
export function workloadsSearch(query: WorkloadsApiQuery): string {
  const params = new URLSearchParams();
  if (query.unprotected !== undefined) params.set('unprotected', String(query.unprotected));
  if (query.exposed !== undefined) params.set('exposed', String(query.exposed));
  if (query.namespace) params.set('namespace', query.namespace);
  if (query.q) params.set('q', query.q);
  params.set('sort', query.sort);
  params.set('limit', String(query.limit));
  params.set('offset', String(query.offset));
  return params.toString();
}

// Shallow checks at the boundary: the fields the dashboard cannot render without.

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null;
}

const isNumberOrNull = (value: unknown) => value === null || typeof value === 'number';

export function isPageOf<T>(body: unknown, isItem: (item: unknown) => item is T): body is Page<T> {
  return (
    isObject(body) &&
    typeof body['total'] === 'number' &&
    Array.isArray(body['items']) &&
    body['items'].every(isItem)
  );
}

export function isClusterItem(value: unknown): value is ClusterItem {
  return (
    isObject(value) &&
    typeof value['id'] === 'string' &&
    typeof value['name'] === 'string' &&
    typeof value['status'] === 'string' &&
    isNumberOrNull(value['score'])
  );
}

export function isWorkloadItem(value: unknown): value is WorkloadItem {
  return (
    isObject(value) &&
    typeof value['namespace'] === 'string' &&
    typeof value['name'] === 'string' &&
    typeof value['kind'] === 'string' &&
    typeof value['ingressIsolated'] === 'boolean' &&
    typeof value['egressIsolated'] === 'boolean' &&
    typeof value['reachableFrom'] === 'number' &&
    typeof value['exposed'] === 'boolean' &&
    typeof value['unprotected'] === 'boolean' &&
    isNumberOrNull(value['score'])
  );
}

function isScorePoint(value: unknown): value is ClusterScorePoint {
  return (
    isObject(value) &&
    typeof value['at'] === 'string' &&
    isNumberOrNull(value['score']) &&
    typeof value['ingressIsolatedPercent'] === 'number' &&
    typeof value['egressIsolatedPercent'] === 'number'
  );
}

export function isScoreSeries(body: unknown): body is ClusterScoreSeries {
  return isObject(body) && Array.isArray(body['points']) && body['points'].every(isScorePoint);
}

export function isNamespaceItem(value: unknown): value is NamespaceItem {
  return isObject(value) && typeof value['name'] === 'string';
}

export function isChangeItem(value: unknown): value is ChangeItem {
  return (
    isObject(value) &&
    typeof value['id'] === 'string' &&
    typeof value['kind'] === 'string' &&
    typeof value['at'] === 'string'
  );
}
