import type { ClusterItem, Page } from '@palisade/api-contract';
import { getJson, type GetJsonOptions } from './api-client';
import type { ApiResult } from './api-result';

/** GET /api/clusters: the watched clusters with their collector status and score. */
export function listClusters(
  options: Omit<GetJsonOptions<Page<ClusterItem>>, 'check'> = {},
): Promise<ApiResult<Page<ClusterItem>>> {
  return getJson('/api/clusters', { ...options, check: isClusterPage });
}

/**
 * A shallow check at the boundary: the page and the fields the dashboard cannot render
 * without. The types themselves come from @palisade/api-contract.
 */
function isClusterPage(body: unknown): body is Page<ClusterItem> {
  if (typeof body !== 'object' || body === null) return false;
  const page = body as { items?: unknown; total?: unknown };
  return (
    typeof page.total === 'number' && Array.isArray(page.items) && page.items.every(isClusterItem)
  );
}

function isClusterItem(value: unknown): value is ClusterItem {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Record<string, unknown>;
  return (
    typeof item['id'] === 'string' &&
    typeof item['name'] === 'string' &&
    typeof item['status'] === 'string' &&
    (item['score'] === null || typeof item['score'] === 'number')
  );
}
