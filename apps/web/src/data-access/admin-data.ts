/** The administration endpoints (users, API tokens, clusters, audit log) the dashboard reads, server side. */
import type {
  ApiTokenItem,
  AuditEventItem,
  ClusterItem,
  Page,
  UserItem,
} from '@palisade/api-contract';
import { getJson, type GetJsonOptions } from './api-client';
import type { ApiResult } from './api-result';
import { isApiTokenItem, isAuditEventItem, isPageOf, isUserItem } from './auth-checks';
import { isManagedClusterItem } from './contract-checks';

type Options = Omit<GetJsonOptions<never>, 'check'>;

function search(params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  return query.toString();
}

export function listUsers(
  query: { limit: number; offset: number },
  options: Options = {},
): Promise<ApiResult<Page<UserItem>>> {
  return getJson(`/api/users?${search(query)}`, {
    ...options,
    check: (body): body is Page<UserItem> => isPageOf(body, isUserItem),
  });
}

export function listTokens(
  query: { limit: number; offset: number },
  options: Options = {},
): Promise<ApiResult<Page<ApiTokenItem>>> {
  return getJson(`/api/tokens?${search(query)}`, {
    ...options,
    check: (body): body is Page<ApiTokenItem> => isPageOf(body, isApiTokenItem),
  });
}

/** The watched clusters with where each comes from: the configuration, or an admin (`stored`). */
export function listManagedClusters(
  query: { limit: number; offset: number },
  options: Options = {},
): Promise<ApiResult<Page<ClusterItem>>> {
  return getJson(`/api/clusters?${search(query)}`, {
    ...options,
    check: (body): body is Page<ClusterItem> => isPageOf(body, isManagedClusterItem),
  });
}

export function listAudit(
  query: { action?: string; limit: number; offset: number },
  options: Options = {},
): Promise<ApiResult<Page<AuditEventItem>>> {
  return getJson(`/api/audit?${search(query)}`, {
    ...options,
    check: (body): body is Page<AuditEventItem> => isPageOf(body, isAuditEventItem),
  });
}
