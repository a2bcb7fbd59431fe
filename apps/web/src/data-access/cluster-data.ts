/** The per-cluster endpoints the dashboard reads, server side. */
import type {
  ChangeItem,
  ChangeKind,
  ClusterItem,
  Explanation,
  Page,
  PolicyDetail,
  PolicyItem,
  PolicyKind,
  ScoreHistory,
  SnapshotDiff,
  SnapshotItem,
  WorkloadDetail,
  WorkloadItem,
} from '@palisade/api-contract';
import { getJson, type GetJsonOptions } from './api-client';
import { workloadPath } from './paths';

export { workloadPath } from './paths';
import type { ApiResult } from './api-result';
import {
  isChangeItem,
  isClusterItem,
  isExplanation,
  isNamespaceItem,
  isPageOf,
  isPolicyDetail,
  isPolicyItem,
  isScoreHistory,
  isScoreSeries,
  isSnapshotDiff,
  isSnapshotItem,
  isWorkloadDetail,
  isWorkloadItem,
  type ClusterScoreSeries,
  type NamespaceItem,
  type WorkloadsApiQuery,
  workloadsSearch,
} from './contract-checks';

export type {
  ClusterScorePoint,
  ClusterScoreSeries,
  NamespaceItem,
  WorkloadsApiQuery,
} from './contract-checks';

type Options = Omit<GetJsonOptions<never>, 'check'>;

const clusterPath = (id: string) => `/api/clusters/${encodeURIComponent(id)}`;

export function getCluster(id: string, options: Options = {}): Promise<ApiResult<ClusterItem>> {
  return getJson(clusterPath(id), { ...options, check: isClusterItem });
}

export function listWorkloads(
  id: string,
  query: WorkloadsApiQuery,
  options: Options = {},
): Promise<ApiResult<Page<WorkloadItem>>> {
  return getJson(`${clusterPath(id)}/workloads?${workloadsSearch(query)}`, {
    ...options,
    check: (body): body is Page<WorkloadItem> => isPageOf(body, isWorkloadItem),
  });
}

export function clusterScores(
  id: string,
  range: { readonly from: string; readonly bucket: 'raw' | 'hour' | 'day' },
  options: Options = {},
): Promise<ApiResult<ClusterScoreSeries>> {
  const search = new URLSearchParams({ from: range.from, bucket: range.bucket });
  return getJson(`${clusterPath(id)}/scores?${search.toString()}`, {
    ...options,
    check: isScoreSeries,
  });
}

export function listNamespaces(
  id: string,
  options: Options = {},
): Promise<ApiResult<Page<NamespaceItem>>> {
  return getJson(`${clusterPath(id)}/namespaces?limit=1000`, {
    ...options,
    check: (body): body is Page<NamespaceItem> => isPageOf(body, isNamespaceItem),
  });
}

export function listChanges(
  id: string,
  limit: number,
  options: Options = {},
): Promise<ApiResult<Page<ChangeItem>>> {
  return getJson(`${clusterPath(id)}/changes?limit=${limit}`, {
    ...options,
    check: (body): body is Page<ChangeItem> => isPageOf(body, isChangeItem),
  });
}

export function getWorkload(
  id: string,
  ref: { readonly namespace: string; readonly kind: string; readonly name: string },
  options: Options = {},
): Promise<ApiResult<WorkloadDetail>> {
  return getJson(`${clusterPath(id)}${workloadPath(ref)}`, { ...options, check: isWorkloadDetail });
}

/** The score history of a workload, or of a namespace when `ref` has no kind and name. */
export function scoreHistory(
  id: string,
  ref:
    | { readonly namespace: string; readonly kind: string; readonly name: string }
    | { readonly namespace: string },
  range: { readonly from: string },
  options: Options = {},
): Promise<ApiResult<ScoreHistory>> {
  const path =
    'kind' in ref ? workloadPath(ref) : `/namespaces/${encodeURIComponent(ref.namespace)}`;
  const search = new URLSearchParams({ from: range.from });
  return getJson(`${clusterPath(id)}${path}/scores?${search.toString()}`, {
    ...options,
    check: isScoreHistory,
  });
}

export interface PoliciesApiQuery {
  readonly namespace?: string;
  readonly kind?: PolicyKind;
  /** Include policies that no longer exist. */
  readonly removed?: boolean;
  /** Only those the cluster's network plugin enforces (true) or does not (false). */
  readonly enforced?: boolean;
  readonly limit: number;
  readonly offset: number;
}

export function listPolicies(
  id: string,
  query: PoliciesApiQuery,
  options: Options = {},
): Promise<ApiResult<Page<PolicyItem>>> {
  const search = new URLSearchParams({ limit: String(query.limit), offset: String(query.offset) });
  if (query.namespace) search.set('namespace', query.namespace);
  if (query.kind) search.set('kind', query.kind);
  if (query.removed !== undefined) search.set('removed', String(query.removed));
  if (query.enforced !== undefined) search.set('enforced', String(query.enforced));
  return getJson(`${clusterPath(id)}/policies?${search.toString()}`, {
    ...options,
    check: (body): body is Page<PolicyItem> => isPageOf(body, isPolicyItem),
  });
}

export function getPolicy(
  id: string,
  ref: { readonly kind: PolicyKind; readonly namespace?: string; readonly name: string },
  options: Options = {},
): Promise<ApiResult<PolicyDetail>> {
  const parts = [ref.kind, ...(ref.namespace ? [ref.namespace] : []), ref.name];
  return getJson(`${clusterPath(id)}/policies/${parts.map(encodeURIComponent).join('/')}`, {
    ...options,
    check: isPolicyDetail,
  });
}

export interface ChangesApiQuery {
  readonly kinds?: readonly ChangeKind[];
  readonly namespace?: string;
  readonly since?: string;
  readonly until?: string;
  readonly limit: number;
  readonly offset: number;
}

/** Change events, newest first, filtered like GET /changes filters them. */
export function searchChanges(
  id: string,
  query: ChangesApiQuery,
  options: Options = {},
): Promise<ApiResult<Page<ChangeItem>>> {
  const search = new URLSearchParams({ limit: String(query.limit), offset: String(query.offset) });
  if (query.kinds?.length) search.set('kind', query.kinds.join(','));
  if (query.namespace) search.set('namespace', query.namespace);
  if (query.since) search.set('since', query.since);
  if (query.until) search.set('until', query.until);
  return getJson(`${clusterPath(id)}/changes?${search.toString()}`, {
    ...options,
    check: (body): body is Page<ChangeItem> => isPageOf(body, isChangeItem),
  });
}

export function listSnapshots(
  id: string,
  query: { readonly limit: number; readonly offset: number },
  options: Options = {},
): Promise<ApiResult<Page<SnapshotItem>>> {
  return getJson(`${clusterPath(id)}/snapshots?limit=${query.limit}&offset=${query.offset}`, {
    ...options,
    check: (body): body is Page<SnapshotItem> => isPageOf(body, isSnapshotItem),
  });
}

export function diffSnapshots(
  id: string,
  from: number,
  to: number,
  options: Options = {},
): Promise<ApiResult<SnapshotDiff>> {
  return getJson(`${clusterPath(id)}/diff?from=${from}&to=${to}`, {
    ...options,
    check: isSnapshotDiff,
  });
}

/** Whether a connection is allowed now: `from`/`to` are `namespace/pod` or an IP address. */
export function explainConnection(
  id: string,
  query: { readonly from: string; readonly to: string; readonly port: string },
  options: Options = {},
): Promise<ApiResult<Explanation>> {
  const search = new URLSearchParams({ from: query.from, to: query.to, port: query.port });
  return getJson(`${clusterPath(id)}/explain?${search.toString()}`, {
    ...options,
    check: isExplanation,
  });
}
