import Table from 'cli-table3';
import { describeEntryPoint } from '@palisade/api-contract';
import type { AuditReport, WorkloadFinding } from '@palisade/policy-engine';

const plural = (n: number, word: string) => `${n} ${n === 1 ? word : word.endsWith('y') ? `${word.slice(0, -1)}ies` : `${word}s`}`;

const CNI_LABEL: Record<AuditReport['cni'], string> = {
  generic: 'Kubernetes network plugin',
  cilium: 'Cilium plugin',
  calico: 'Calico plugin',
  none: 'network plugin (it enforces no policy)',
};
const yesNo = (value: boolean) => (value ? 'yes' : 'NO');

/** Unprotected workloads first (worst score first), then the rest. */
export function workloadsWorstFirst(workloads: readonly WorkloadFinding[]): WorkloadFinding[] {
  return [...workloads].sort(
    (a, b) =>
      Number(b.unprotected) - Number(a.unprotected) ||
      Number(b.exposed) - Number(a.exposed) ||
      a.score - b.score ||
      a.namespace.localeCompare(b.namespace) ||
      a.name.localeCompare(b.name),
  );
}

/**
 * The internet column: published through its first admitted door, or admitted by the policies
 * with no door leading there.
 */
function internetCell(w: WorkloadFinding): string {
  if (w.internetExposure === 'published') {
    const door = w.entryPoints.find((e) => e.admitted);
    return door ? `PUBLISHED ${describeEntryPoint(door)}${door.conditional ? ' (some requests)' : ''}` : 'PUBLISHED';
  }
  return w.internetExposure === 'policy-only' ? 'policy only' : '-';
}

/** `limit` rows at most (0: all); people read the worst first, programs use json or csv. */
export function auditTable(report: AuditReport, skipped: Readonly<Record<string, number>>, limit: number, cniEvidence?: string): string {
  const table = new Table({
    head: ['NAMESPACE', 'WORKLOAD', 'KIND', 'PODS', 'INGRESS ISOLATED', 'EGRESS ISOLATED', 'REACHABLE FROM', 'INTERNET', 'EXPOSED', 'SCORE'],
    style: { head: [], border: [] },
  });
  const ordered = workloadsWorstFirst(report.workloads);
  const shown = limit > 0 ? ordered.slice(0, limit) : ordered;
  for (const w of shown) {
    table.push([
      w.namespace,
      w.name,
      w.kind,
      w.pods,
      yesNo(w.ingressIsolated),
      yesNo(w.egressIsolated),
      w.reachableFrom,
      internetCell(w),
      w.exposed ? 'EXPOSED' : '-',
      w.score,
    ]);
  }
  const c = report.cluster;
  const lines = [table.toString()];
  if (shown.length < ordered.length) {
    lines.push(`... and ${ordered.length - shown.length} more workloads (--limit 0 shows all; -o csv or -o json for programs)`);
  }
  lines.push(
    '',
    `Cluster score: ${c.score ?? 'n/a (no pods to score)'} / 100 over ${plural(c.pods, 'pod')} in ${plural(c.namespaces, 'namespace')}` +
      (c.excludedNamespaces.length ? ` (not scored: ${c.excludedNamespaces.join(', ')})` : ''),
    `Ingress-isolated pods: ${c.ingressIsolatedPercent}%   Egress-isolated pods: ${c.egressIsolatedPercent}%`,
    `Unprotected workloads: ${c.unprotectedWorkloads}   Exposed workloads: ${c.exposedWorkloads}   Published to the internet: ${c.publishedWorkloads}`,
    `Namespaces without a default-deny: ingress ${c.namespacesWithoutDefaultDenyIngress}, egress ${c.namespacesWithoutDefaultDenyEgress}`,
  );
  lines.push(`Policies evaluated as the ${CNI_LABEL[report.cni]} enforces them${cniEvidence ? ` (${cniEvidence})` : ''}.`);
  if (report.notEnforced.length > 0) {
    lines.push(`Not enforced here (${plural(report.notEnforced.length, 'policy')}):`);
    for (const n of report.notEnforced.slice(0, 20)) lines.push(`  ${n.policy}: ${n.reason}`);
    if (report.notEnforced.length > 20) lines.push(`  ... and ${report.notEnforced.length - 20} more (-o json lists them all)`);
  }
  const skippedKinds = Object.entries(skipped);
  if (skippedKinds.length) {
    lines.push(`Skipped objects of kinds Palisade does not read: ${skippedKinds.map(([k, n]) => `${k} (${n})`).join(', ')}`);
  }
  return lines.join('\n') + '\n';
}
