import type { ReportFormat, ReportItem, ReportStatus } from '@palisade/api-contract';
import type { Tone } from '../alerts/describe';

export const FORMAT_LABELS: Readonly<Record<ReportFormat, string>> = {
  html: 'HTML',
  pdf: 'PDF',
  csv: 'CSV (workloads and findings)',
  json: 'JSON (the data)',
  policyreport: 'PolicyReport (YAML)',
};

/** The download path of a format: through the dashboard's /api proxy to the API. */
export function downloadHref(id: string, format: ReportFormat): string {
  return `/api/reports/${encodeURIComponent(id)}/download?format=${format}`;
}

export function scopeText(report: Pick<ReportItem, 'scope' | 'clusterName' | 'clusterId'>): string {
  return report.scope === 'fleet'
    ? 'Fleet (every cluster)'
    : `Cluster ${report.clusterName ?? report.clusterId ?? '?'}`;
}

/** `[from, to)` in days, UTC: "2026-01-01 – 2026-01-07" when both are midnights. */
export function periodText(from: string, to: string): string {
  const day = (iso: string) => iso.slice(0, 10);
  const minute = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')}`;
  const midnight = (iso: string) => /T00:00(:00(\.0+)?)?Z$/.test(iso);
  if (midnight(from) && midnight(to)) {
    const last = new Date(Date.parse(to) - 86_400_000).toISOString();
    return `${day(from)} – ${day(last)} (UTC)`;
  }
  return `${minute(from)} – ${minute(to)} UTC`;
}

export function reportStatusOf(status: ReportStatus): { label: string; tone: Tone } {
  switch (status) {
    case 'ready':
      return { label: 'Ready', tone: 'good' };
    case 'generating':
      return { label: 'Generating', tone: 'warning' };
    case 'failed':
      return { label: 'Failed', tone: 'bad' };
  }
}
