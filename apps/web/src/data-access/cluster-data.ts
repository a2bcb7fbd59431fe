/** The per-cluster endpoints the dashboard reads, server side. */
import type { ChangeItem, ClusterItem, Page, WorkloadItem } from '@palisade/api-contract';
import { getJson, type GetJsonOptions } from './api-client';
import type { ApiResult } from './api-result';
import {
  isChangeItem,
  isClusterItem,
  isNamespaceItem,
  isPageOf,
  isScoreSeries,
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

