import { describeEntryPoint } from '@palisade/api-contract';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { ClusterModel, SourceRef } from '@palisade/cluster-model';
import type { AuditReport } from '@palisade/policy-engine';

const RULES: ReportingDescriptor[] = [
  {
    id: 'PAL001',
    name: 'UnprotectedWorkload',
    shortDescription: { text: 'Workload is not isolated for ingress' },
    fullDescription: {
      text: 'No NetworkPolicy (or admin policy that denies) selects the pods of this workload for ingress, so every pod in the cluster and every address can connect to them.',
    },
    help: { text: 'Add a NetworkPolicy that selects the workload\u2019s pods with policyTypes: [Ingress] and allows only the peers it needs.' },
    defaultConfiguration: { level: 'error' },
  },
  {
    id: 'PAL002',
    name: 'ExposedWorkload',
    shortDescription: { text: 'Workload is reachable from the internet or from every namespace' },
    help: { text: 'Narrow the ingress rules: replace broad namespaceSelector: {} or ipBlock 0.0.0.0/0 peers with the namespaces and CIDRs that need access.' },
    defaultConfiguration: { level: 'warning' },
  },
  {
    id: 'PAL003',
    name: 'NamespaceWithoutDefaultDeny',
    shortDescription: { text: 'Namespace has no default-deny ingress policy' },
    help: { text: 'Add a NetworkPolicy with podSelector: {} and policyTypes: [Ingress] so new workloads start isolated.' },
    defaultConfiguration: { level: 'note' },
  },
];

function location(source: SourceRef | undefined): Result['locations'] {
  if (!source?.file || source.file === '<stdin>') return undefined;
  return [{ physicalLocation: { artifactLocation: { uri: source.file.split('\\').join('/') } } }];
}

/** SARIF 2.1.0 for code scanning: one result per finding, located at the manifest that defines it. */
export function auditSarif(report: AuditReport, model: ClusterModel, version: string): string {
  const workloadSource = new Map(model.workloads.map((w) => [`${w.namespace}/${w.kind}/${w.name}`, w.source]));
  const podSource = new Map(model.pods.map((p) => [`${p.namespace}/${p.name}`, p.source]));
  const sourceOf = (namespace: string, kind: string, name: string) =>
    workloadSource.get(`${namespace}/${kind}/${name}`) ?? podSource.get(`${namespace}/${name}`);
  const results: Result[] = [];
  for (const w of report.workloads) {
    const where = location(sourceOf(w.namespace, w.kind, w.name));
    const subject = `${w.kind} ${w.namespace}/${w.name}`;
    if (w.unprotected) {
      results.push({
        ruleId: 'PAL001',
        level: 'error',
        message: { text: `${subject} is not isolated for ingress: ${w.reachableFrom} other pods can connect to it (score ${w.score}).` },
        ...(where ? { locations: where } : {}),
        partialFingerprints: { workload: `${w.namespace}/${w.kind}/${w.name}` },
      });
    } else if (w.exposed) {
      results.push({
        ruleId: 'PAL002',
        level: 'warning',
        message: {
          text: `${subject} is ${w.internetExposure === 'published' ? `published to the internet through ${w.entryPoints.filter((e) => e.admitted).map(describeEntryPoint).join(', ')}` : 'reachable from every namespace'} (score ${w.score}).`,
        },
        ...(where ? { locations: where } : {}),
        partialFingerprints: { workload: `${w.namespace}/${w.kind}/${w.name}` },
      });
    }
  }
  for (const ns of report.namespaces) {
    if (ns.defaultDenyIngress || ns.pods === 0) continue;
    results.push({
      ruleId: 'PAL003',
      level: 'note',
      message: { text: `Namespace ${ns.name} has no default-deny ingress NetworkPolicy.` },
      partialFingerprints: { namespace: ns.name },
    });
  }
  const log: Log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'palisade', version, rules: RULES } },
        results,
        properties: { clusterScore: report.cluster.score },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
