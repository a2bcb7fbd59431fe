import type { ReportData, ReportWorkload } from '@palisade/api-contract';
import { stringify } from 'yaml';

/**
 * The workload findings as PolicyReport resources (wgpolicyk8s.io/v1alpha2, the Policy WG's
 * format that Kyverno and policy-reporter read): one per cluster and namespace, one result per
 * workload and rule. A workload under an active exception is `skip`, not `fail`.
 */
const API_VERSIONS: Record<string, string> = {
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  ReplicaSet: 'apps/v1',
  Job: 'batch/v1',
  CronJob: 'batch/v1',
  Pod: 'v1',
};

const RULES = [
  { rule: 'ingress-isolation', severity: 'high', passes: (w: ReportWorkload) => w.ingressIsolated, message: 'no NetworkPolicy selects the workload for ingress' },
  { rule: 'egress-isolation', severity: 'medium', passes: (w: ReportWorkload) => w.egressIsolated, message: 'no NetworkPolicy selects the workload for egress' },
  // Older reports lack the exposure: then what the policies admitted is all there is.
  { rule: 'no-internet-ingress', severity: 'critical', passes: (w: ReportWorkload) => (w.internetExposure ? w.internetExposure !== 'published' : !w.internetIngress), message: 'published to the internet through an entry point its policies admit' },
  { rule: 'not-exposed', severity: 'high', passes: (w: ReportWorkload) => !w.exposed, message: 'published to the internet or reachable from every namespace' },
] as const;

/** Kubernetes names: lower-case alphanumerics and dashes, at most 253 characters. */
function dnsName(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '').slice(0, 253) || 'x';
}

export function policyReports(data: ReportData): Record<string, unknown> {
  const seconds = Math.floor(new Date(data.generatedAt).getTime() / 1000);
  const groups = new Map<string, ReportWorkload[]>();
  for (const w of data.workloads) {
    const key = `${w.cluster}\u0000${w.namespace}`;
    groups.set(key, [...(groups.get(key) ?? []), w]);
  }
  const items = [...groups.entries()].map(([key, workloads]) => {
    const [cluster, namespace] = key.split('\u0000') as [string, string];
    const results = workloads.flatMap((w) =>
      RULES.map((r) => {
        const ok = r.passes(w);
        const result = ok ? 'pass' : w.exceptionId ? 'skip' : 'fail';
        return {
          source: 'palisade',
          policy: 'palisade-network-isolation',
          rule: r.rule,
          category: 'Network isolation',
          severity: r.severity,
          result,
          scored: true,
          message: ok ? `${r.rule}: ok` : `${r.message}${w.exceptionId ? ' (intentionally exposed: active exception)' : ''}`,
          resources: [{ apiVersion: API_VERSIONS[w.kind] ?? 'v1', kind: w.kind, name: w.name, namespace: w.namespace }],
          timestamp: { seconds, nanos: 0 },
          properties: { score: w.score === null ? '' : String(w.score), cluster, ...(w.owner ? { owner: w.owner } : {}) },
        };
      }),
    );
    const count = (result: string) => results.filter((r) => r.result === result).length;
    return {
      apiVersion: 'wgpolicyk8s.io/v1alpha2',
      kind: 'PolicyReport',
      metadata: { name: dnsName(`palisade-${namespace}`), namespace, labels: { 'app.kubernetes.io/managed-by': 'palisade' }, annotations: { 'palisade.io/cluster': cluster, 'palisade.io/period': `${data.from}/${data.to}` } },
      summary: { pass: count('pass'), fail: count('fail'), warn: 0, error: 0, skip: count('skip') },
      results,
    };
  });
  return { apiVersion: 'v1', kind: 'List', items };
}

/** As YAML (a `kind: List`, what `kubectl apply -f` takes). */
export function renderPolicyReports(data: ReportData): string {
  return stringify(policyReports(data));
}
