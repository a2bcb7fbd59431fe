import { stringify } from 'csv-stringify/sync';
import { describeEntryPoint } from '@palisade/api-contract';
import type { AuditReport } from '@palisade/policy-engine';

/** One row per pod: the figures behind every score, for spreadsheets and scripts. */
export function auditCsv(report: AuditReport): string {
  return stringify(
    report.pods.map((p) => ({
      namespace: p.namespace,
      pod: p.name,
      workload_kind: p.workloadKind,
      workload: p.workload,
      ingress_isolated: p.ingressIsolated,
      egress_isolated: p.egressIsolated,
      reachable_from: p.reachableFrom,
      reachable_to: p.reachableTo,
      internet_ingress: p.internetIngress,
      internet_egress: p.internetEgress,
      unprotected: p.unprotected,
      exposed: p.exposed,
      score: p.score,
      policies: p.policies.join(' '),
      internet_exposure: p.internetExposure,
      published_through: p.entryPoints.filter((e) => e.admitted).map(describeEntryPoint).join('; '),
    })),
    { header: true, cast: { boolean: (value) => String(value) } },
  );
}
