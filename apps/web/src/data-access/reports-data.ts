/** The compliance report endpoints the dashboard reads, server side. */
import type { Page, ReportDetail, ReportItem } from '@palisade/api-contract';
import { getJson } from './api-client';
import type { ApiResult } from './api-result';
import { getPage, type ListOptions as Options } from './list-page';
import { isObject, isStringOrNull } from './shape-checks';

export function isReportItem(value: unknown): value is ReportItem {
  return (
    isObject(value) &&
    typeof value['id'] === 'string' &&
    typeof value['scope'] === 'string' &&
    isStringOrNull(value['clusterName']) &&
    typeof value['from'] === 'string' &&
    typeof value['to'] === 'string' &&
    typeof value['status'] === 'string' &&
    typeof value['createdAt'] === 'string' &&
    isObject(value['downloads'])
  );
}

export function listReports(
  query: { limit: number; offset: number },
  options: Options = {},
): Promise<ApiResult<Page<ReportItem>>> {
  return getPage('/api/reports', query, isReportItem, options);
}

export function getReport(id: string, options: Options = {}): Promise<ApiResult<ReportDetail>> {
  return getJson(`/api/reports/${encodeURIComponent(id)}`, {
    ...options,
    check: (body): body is ReportDetail => isReportItem(body),
  });
}
