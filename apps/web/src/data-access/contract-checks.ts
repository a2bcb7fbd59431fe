import type {
  ChangeItem,
  ClusterItem,
  ClusterScorePoint,
  ClusterScoreSeries,
  Explanation,
  InternetExposure,
  NamespaceItem,
  PolicyDetail,
  PolicyItem,
  ScoreHistory,
  SnapshotDiff,
  SnapshotItem,
  WorkloadDetail,
  WorkloadItem,
} from '@palisade/api-contract';
import { isNumberOrNull, isObject, isStringOrNull } from './shape-checks';

/**
 * Shallow checks of the per-cluster answers, for the server and the browser alike (nothing here
 * reads the environment). The shapes themselves are declared in @palisade/api-contract.
 */

export type { ClusterScorePoint, ClusterScoreSeries, NamespaceItem };

/** The query of GET /api/clusters/:id/workloads, as the API names it. */
export interface WorkloadsApiQuery {
  readonly unprotected?: boolean;
  readonly exposed?: boolean;
  readonly exposure?: InternetExposure;
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
  if (query.exposure !== undefined) params.set('exposure', query.exposure);
  if (query.namespace) params.set('namespace', query.namespace);
  if (query.q) params.set('q', query.q);
  params.set('sort', query.sort);
  params.set('limit', String(query.limit));
  params.set('offset', String(query.offset));
  return params.toString();
}

// Shallow checks at the boundary: the fields the dashboard cannot render without.

export { isPageOf } from './shape-checks';

export function isClusterItem(value: unknown): value is ClusterItem {
  return (
    isObject(value) &&
    typeof value['id'] === 'string' &&
    typeof value['name'] === 'string' &&
    typeof value['status'] === 'string' &&
    isNumberOrNull(value['score'])
  );
}

/**
 * A cluster as the administration lists it: also where it comes from (only one added through
 * the API can be re-keyed or removed there), why its status is what it is, its last snapshot.
 */
export function isManagedClusterItem(value: unknown): value is ClusterItem {
  return (
    isClusterItem(value) &&
    typeof value['source'] === 'string' &&
    (value['statusReason'] === undefined || typeof value['statusReason'] === 'string') &&
    isStringOrNull(value['lastSnapshotAt'])
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

export function isPolicyItem(value: unknown): value is PolicyItem {
  return (
    isObject(value) &&
    typeof value['id'] === 'string' &&
    typeof value['kind'] === 'string' &&
    typeof value['name'] === 'string' &&
    typeof value['yaml'] === 'string'
  );
}

export function isPolicyDetail(value: unknown): value is PolicyDetail {
  return isPolicyItem(value) && Array.isArray((value as { history?: unknown }).history);
}

export function isSnapshotItem(value: unknown): value is SnapshotItem {
  return (
    isObject(value) &&
    typeof value['seq'] === 'number' &&
    typeof value['takenAt'] === 'string' &&
    isNumberOrNull(value['score'])
  );
}

export function isSnapshotDiff(body: unknown): body is SnapshotDiff {
  return (
    isObject(body) &&
    isObject(body['from']) &&
    isObject(body['to']) &&
    isObject(body['summary']) &&
    Array.isArray(body['changes'])
  );
}

export function isScoreHistory(body: unknown): body is ScoreHistory {
  return isObject(body) && Array.isArray(body['points']);
}

export function isWorkloadDetail(body: unknown): body is WorkloadDetail {
  return (
    isObject(body) &&
    typeof body['namespace'] === 'string' &&
    typeof body['name'] === 'string' &&
    typeof body['kind'] === 'string' &&
    Array.isArray(body['pods']) &&
    Array.isArray(body['policies']) &&
    Array.isArray(body['changes'])
  );
}

export function isExplanation(body: unknown): body is Explanation {
  return (
    isObject(body) &&
    typeof body['allowed'] === 'boolean' &&
    typeof body['from'] === 'string' &&
    typeof body['to'] === 'string' &&
    Array.isArray(body['lines'])
  );
}
