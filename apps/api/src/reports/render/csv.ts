import { describeEntryPoint, type ReportData } from '@palisade/api-contract';
import { csvRow } from './escape';

const HEADER = [
  'cluster',
  'namespace',
  'kind',
  'name',
  'score',
  'ingress_isolated',
  'egress_isolated',
  'unprotected',
  'exposed',
  'internet_ingress',
  'internet_egress',
  'reachable_from',
  'owner',
  'exception',
  'findings',
  'reachable_from_conditional',
  'internet_ingress_conditional',
  'internet_exposure',
  'published_through',
] as const;

/**
 * Every workload with its findings, one row each (RFC 4180, CRLF line ends). Columns are only
 * ever added at the end, so scripts reading them by position keep working.
 */
export function renderCsv(data: ReportData): string {
  const exceptions = new Map(data.exceptions.map((e) => [e.id, e]));
  const rows = data.workloads.map((w) => {
    const e = w.exceptionId ? exceptions.get(w.exceptionId) : undefined;
    return csvRow([
      w.cluster,
      w.namespace,
      w.kind,
      w.name,
      w.score,
      w.ingressIsolated,
      w.egressIsolated,
      w.unprotected,
      w.exposed,
      w.internetIngress,
      w.internetEgress,
      w.reachableFrom,
      w.owner,
      e ? `${e.reason} (owner ${e.owner}${e.expiresAt ? `, until ${e.expiresAt.slice(0, 10)}` : ''})` : null,
      w.findings.join('; '),
      w.reachableFromConditional ?? 0,
      w.internetIngressConditional ?? false,
      w.internetExposure ?? '',
      (w.publishedThrough ?? []).map(describeEntryPoint).join('; '),
    ]);
  });
  return [csvRow([...HEADER]), ...rows].join('\r\n') + '\r\n';
}
