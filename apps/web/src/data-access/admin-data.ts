/** The administration endpoints (users, API tokens, clusters, audit log) the dashboard reads, server side. */
import type {
  ApiTokenItem,
  AuditEventItem,
  ClusterItem,
  Page,
  UserItem,
} from '@palisade/api-contract';
import type { ApiResult } from './api-result';
import { isApiTokenItem, isAuditEventItem, isUserItem } from './auth-checks';
import { isManagedClusterItem } from './contract-checks';
import { getPage, type ListOptions } from './list-page';

// A type, not an interface: getPage takes it as a record of query parameters.
type PageQuery = { readonly limit: number; readonly offset: number };

export function listUsers(
  query: PageQuery,
  options: ListOptions = {},
): Promise<ApiResult<Page<UserItem>>> {
  return getPage('/api/users', query, isUserItem, options);
}

export function listTokens(
  query: PageQuery,
  options: ListOptions = {},
): Promise<ApiResult<Page<ApiTokenItem>>> {
  return getPage('/api/tokens', query, isApiTokenItem, options);
}

/** The watched clusters with where each comes from: the configuration, or an admin (`stored`). */
export function listManagedClusters(
  query: PageQuery,
  options: ListOptions = {},
): Promise<ApiResult<Page<ClusterItem>>> {
  return getPage('/api/clusters', query, isManagedClusterItem, options);
}

export function listAudit(
  query: PageQuery & { readonly action?: string },
  options: ListOptions = {},
): Promise<ApiResult<Page<AuditEventItem>>> {
  return getPage('/api/audit', query, isAuditEventItem, options);
}
