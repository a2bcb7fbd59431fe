import type { ReportData, ReportFormat } from '@palisade/api-contract';
import { renderCsv } from './csv';
import { renderHtml } from './html';
import { renderPdf } from './pdf';
import { renderPolicyReports } from './policy-report';

export interface RenderedReport {
  readonly body: Buffer;
  readonly contentType: string;
  readonly extension: string;
}

/** One download format of a report. */
export async function renderReport(data: ReportData, format: ReportFormat): Promise<RenderedReport> {
  switch (format) {
    case 'html':
      return { body: Buffer.from(renderHtml(data)), contentType: 'text/html; charset=utf-8', extension: 'html' };
    case 'pdf':
      return { body: await renderPdf(data), contentType: 'application/pdf', extension: 'pdf' };
    case 'csv':
      return { body: Buffer.from(renderCsv(data)), contentType: 'text/csv; charset=utf-8', extension: 'csv' };
    case 'json':
      return { body: Buffer.from(JSON.stringify(data, null, 2)), contentType: 'application/json; charset=utf-8', extension: 'json' };
    case 'policyreport':
      return { body: Buffer.from(renderPolicyReports(data)), contentType: 'application/yaml; charset=utf-8', extension: 'policyreport.yaml' };
  }
}
