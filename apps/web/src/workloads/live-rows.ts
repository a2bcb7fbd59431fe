import type { ClusterScoreEvent, WorkloadItem } from '@palisade/api-contract';
import {
  compareWorkloads,
  matchesFilters,
  workloadKey,
  type WorkloadsQuery,
} from './workloads-url';

export interface TablePage {
  readonly rows: readonly WorkloadItem[];
  readonly total: number;
}

/**
 * Applies a live `cluster:score` event to the page on screen, the way the API would answer
 * after it: changed rows update in place, rows that leave the filter or the cluster go, new
 * matching workloads take their sorted place if it falls on this page. Rows beyond a full page
 * spill off; the next stored snapshot re-reads the page and settles any approximation.
 */
export function applyScoreEvent(
  page: TablePage,
  event: Pick<ClusterScoreEvent, 'changedWorkloads' | 'removedWorkloads'>,
  query: WorkloadsQuery,
): TablePage {
  const rows = new Map(page.rows.map((row) => [workloadKey(row), row]));
  let total = page.total;
  let inserted = false;

  for (const removed of event.removedWorkloads) {
    if (rows.delete(workloadKey(removed))) total -= 1;
  }
  for (const changed of event.changedWorkloads) {
    const key = workloadKey(changed);
    const shown = rows.has(key);
    const matches = matchesFilters(changed, query);
    if (shown && matches) rows.set(key, changed);
    else if (shown) {
      rows.delete(key);
      total -= 1;
    } else if (matches) {
      total += 1;
      if (belongsOnPage(changed, page.rows, query)) {
        rows.set(key, changed);
        inserted = true;
      }
    }
  }

  let next = [...rows.values()];
  if (inserted || event.changedWorkloads.length > 0) {
    next.sort((a, b) => compareWorkloads(query.sort, a, b));
  }
  if (next.length > query.limit) next = next.slice(0, query.limit);
  return { rows: next, total: Math.max(total, next.length) };
}

/** A new row belongs here when it sorts within the page's first and last rows (or the page has room). */
function belongsOnPage(
  row: WorkloadItem,
  shown: readonly WorkloadItem[],
  query: WorkloadsQuery,
): boolean {
  const firstRow = shown[0];
  const lastRow = shown[shown.length - 1];
  if (firstRow === undefined || lastRow === undefined) return query.offset === 0;
  if (query.offset > 0 && compareWorkloads(query.sort, row, firstRow) < 0) return false;
  return shown.length < query.limit || compareWorkloads(query.sort, row, lastRow) < 0;
}
