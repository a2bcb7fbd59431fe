import type { ClusterModel, WorkloadKind } from '@palisade/cluster-model';
import { analyze } from './analysis';
import type { CniMode } from './cni';
import type { ControllerSetting } from './entry/controllers';
import { entryPoints, sourceRangesOf, type EntryPoint, type InternetExposure } from './entry/entry-points';
import { defaultDenyOf } from './default-deny';
import type { NotEnforced } from './policy-set';
import { profileIsolates } from './profiles';
import { analyzeReachability } from './reachability';
import { meanScore, scorePod } from './score';

export const DEFAULT_EXCLUDED_NAMESPACES: readonly string[] = ['kube-system', 'kube-public', 'kube-node-lease'];

export interface AuditOptions {
  /** Namespaces whose pods are not scored (they still count as peers). Default: the system ones. */
  readonly excludeNamespaces?: readonly string[];
  /** The cluster's own CIDRs (pods, services, nodes): addresses there are not "the internet". */
  readonly clusterCidrs?: readonly string[];
  /** Which policy kinds the cluster enforces (default: Kubernetes and admin policies). */
  readonly cni?: CniMode;
  /** Ingress and Gateway controllers beyond the built-in ones (entry points). */
  readonly controllers?: readonly ControllerSetting[];
}

export interface PodFinding {
  readonly namespace: string;
  readonly name: string;
  readonly workload: string;
  readonly workloadKind: WorkloadKind;
  readonly ingressIsolated: boolean;
  readonly egressIsolated: boolean;
  /** Every policy whose subject includes the pod: `namespace/name` or `Kind/name`. */
  readonly policies: readonly string[];
  /** The NetworkPolicies that isolate the pod, per direction. */
  readonly ingressPolicies: readonly string[];
  readonly egressPolicies: readonly string[];
  /** Other pods that can open a connection to it on one of its ports (some only for some requests). */
  readonly reachableFrom: number;
  readonly reachableTo: number;
  readonly internetIngress: boolean;
  readonly internetEgress: boolean;
  /**
   * Of the figures above, what is allowed only for some requests or names (L7 rules, DNS
   * names, source ports): never counted as plainly allowed.
   */
  readonly reachableFromConditional: number;
  readonly reachableToConditional: number;
  readonly internetIngressConditional: boolean;
  readonly internetEgressConditional: boolean;
  readonly reachableFromEveryNamespace: boolean;
  /** Not ingress-isolated. */
  readonly unprotected: boolean;
  /**
   * What the internet can actually reach (docs/entry-points.md): `published` through an entry
   * point the policies admit end to end, `policy-only` when the policies would admit the
   * internet but no entry point leads there, else `none`.
   */
  readonly internetExposure: InternetExposure;
  /** The internet-facing entry points leading to the pod, admitted or not. */
  readonly entryPoints: readonly EntryPoint[];
  /** Published to the internet, or reachable from every other namespace. */
  readonly exposed: boolean;
  readonly hostNetwork: boolean;
  /** Stands for a replica of a workload whose pods were not in the input. */
  readonly synthetic: boolean;
  readonly ingressScore: number;
  readonly egressScore: number;
  readonly score: number;
}

export interface WorkloadFinding {
  readonly namespace: string;
  readonly kind: WorkloadKind;
  readonly name: string;
  readonly pods: number;
  /** True when every pod of the workload is isolated in that direction. */
  readonly ingressIsolated: boolean;
  readonly egressIsolated: boolean;
  /** The largest figure among its pods. */
  readonly reachableFrom: number;
  readonly reachableTo: number;
  readonly internetIngress: boolean;
  readonly internetEgress: boolean;
  /** The most exposed of its pods' (published, then policy-only, then none). */
  readonly internetExposure: InternetExposure;
  /** Every entry point leading to one of its pods (target ports may differ between pods). */
  readonly entryPoints: readonly EntryPoint[];
  /** Of the figures above, what is allowed only for some requests or names (the largest among its pods). */
  readonly reachableFromConditional: number;
  readonly internetIngressConditional: boolean;
  readonly unprotected: boolean;
  readonly exposed: boolean;
  readonly policies: readonly string[];
  readonly score: number;
}

export interface NamespaceFinding {
  readonly name: string;
  readonly pods: number;
  readonly workloads: number;
  readonly networkPolicies: number;
  /** A NetworkPolicy selects every pod of the namespace for that direction. */
  readonly defaultDenyIngress: boolean;
  readonly defaultDenyEgress: boolean;
  readonly ingressIsolatedPods: number;
  readonly egressIsolatedPods: number;
  readonly unprotectedWorkloads: number;
  readonly exposedWorkloads: number;
  /** Null when the namespace has no pods. */
  readonly score: number | null;
}

export interface ClusterFinding {
  /** Null when there is no pod to score. */
  readonly score: number | null;
  readonly pods: number;
  readonly workloads: number;
  readonly namespaces: number;
  readonly ingressIsolatedPercent: number;
  readonly egressIsolatedPercent: number;
  readonly unprotectedPods: number;
  readonly exposedPods: number;
  readonly unprotectedWorkloads: number;
  readonly exposedWorkloads: number;
  /** Workloads the internet reaches through an entry point the policies admit. */
  readonly publishedWorkloads: number;
  readonly namespacesWithoutDefaultDenyIngress: number;
  readonly namespacesWithoutDefaultDenyEgress: number;
  readonly policies: {
    readonly networkPolicies: number;
    readonly adminNetworkPolicies: number;
    readonly baselineAdminNetworkPolicies: number;
    readonly clusterNetworkPolicies: number;
    readonly ciliumNetworkPolicies: number;
    readonly ciliumClusterwideNetworkPolicies: number;
    readonly calicoPolicies: number;
    /** Read but not enforced here. */
    readonly notEnforced: number;
  };
  /** Pods in the whole cluster, excluded namespaces included: the peers everything is counted against. */
  readonly podsInCluster: number;
  readonly excludedNamespaces: readonly string[];
}

export interface AuditReport {
  readonly pods: readonly PodFinding[];
  readonly workloads: readonly WorkloadFinding[];
  readonly namespaces: readonly NamespaceFinding[];
  readonly cluster: ClusterFinding;
  /** Which policy kinds were evaluated. */
  readonly cni: CniMode;
  /** Policies read but not enforced by the cluster (other CNI, host policies, staged ones). */
  readonly notEnforced: readonly { readonly policy: string; readonly kind: string; readonly reason: string }[];
}

const EXPOSURE_ORDER: readonly InternetExposure[] = ['published', 'policy-only', 'none'];

function mostExposed(list: readonly InternetExposure[]): InternetExposure {
  return EXPOSURE_ORDER.find((e) => list.includes(e)) ?? 'none';
}

/** A workload's entry points: one per door and target port, admitted ones first. */
function uniqueEntries(list: readonly EntryPoint[]): EntryPoint[] {
  const byKey = new Map<string, EntryPoint>();
  for (const e of list) {
    const key = [e.kind, e.name, e.port, e.protocol, e.host ?? '', e.targetPort].join('\u0000');
    const seen = byKey.get(key);
    if (!seen || (!seen.admitted && e.admitted)) byKey.set(key, e);
  }
  return [...byKey.values()].sort(
    (a, b) =>
      Number(b.admitted) - Number(a.admitted) ||
      a.kind.localeCompare(b.kind) ||
      a.name.localeCompare(b.name) ||
      a.port - b.port ||
      (a.host ?? '').localeCompare(b.host ?? '') ||
      a.targetPort - b.targetPort,
  );
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((1000 * part) / whole) / 10;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function byName<T extends { readonly namespace: string; readonly name: string }>(a: T, b: T): number {
  return a.namespace === b.namespace ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.namespace < b.namespace ? -1 : 1;
}

/** Isolation, reachability and scores of every pod, workload and namespace of the cluster. */
export function audit(model: ClusterModel, options: AuditOptions = {}): AuditReport {
  const analysis = analyze(model, {
    clusterCidrs: options.clusterCidrs ?? [],
    ...(options.cni ? { cni: options.cni } : {}),
    // Entry points ask what a node's address and a load balancer's clients may reach.
    nodeSources: true,
    sourceRanges: sourceRangesOf(model),
  });
  const { policies, universe, evaluator } = analysis;
  const { profiles } = evaluator;
  const full = analyzeReachability(evaluator);
  // Only where some rule allows for some requests only do the two counts differ.
  const reach = evaluator.hasConditional ? analyzeReachability(evaluator, true) : full;
  const exposure = entryPoints(analysis, (pod) => reach[universe.podClassOf[pod]].internetIngress, {
    clusterCidrs: options.clusterCidrs ?? [],
    ...(options.controllers ? { controllers: options.controllers } : {}),
  });
  const excluded = new Set(options.excludeNamespaces ?? DEFAULT_EXCLUDED_NAMESPACES);
  const otherPods = Math.max(0, model.pods.length - 1);

  const pods: PodFinding[] = [];
  model.pods.forEach((pod, index) => {
    if (excluded.has(pod.namespace)) return;
    const cls = universe.podClassOf[index];
    const ingress = profiles.ingress[profiles.ingressOf[cls]];
    const egress = profiles.egress[profiles.egressOf[cls]];
    const r = reach[cls];
    const f = full[cls];
    const ingressIsolated = profileIsolates(ingress);
    const egressIsolated = profileIsolates(egress);
    const conditional = {
      reachableFromConditional: r.reachableFrom - f.reachableFrom,
      reachableToConditional: r.reachableTo - f.reachableTo,
      internetIngressConditional: r.internetIngress && !f.internetIngress,
      internetEgressConditional: r.internetEgress && !f.internetEgress,
    };
    const score = scorePod({
      ingressIsolated,
      egressIsolated,
      reachableFrom: r.reachableFrom,
      reachableTo: r.reachableTo,
      otherPods,
      internetIngress: r.internetIngress,
      internetEgress: r.internetEgress,
      ...conditional,
    });
    pods.push({
      namespace: pod.namespace,
      name: pod.name,
      workload: pod.workload.name,
      workloadKind: pod.workload.kind,
      ingressIsolated,
      egressIsolated,
      policies: profiles.policiesOf[cls].map((i) => policies.all[i].ref.id),
      ingressPolicies: ingress.isolatedBy.map((p) => p.id),
      egressPolicies: egress.isolatedBy.map((p) => p.id),
      reachableFrom: r.reachableFrom,
      reachableTo: r.reachableTo,
      internetIngress: r.internetIngress,
      internetEgress: r.internetEgress,
      ...conditional,
      reachableFromEveryNamespace: r.fromEveryNamespace,
      unprotected: !ingressIsolated,
      internetExposure: exposure[index].internetExposure,
      entryPoints: exposure[index].entryPoints,
      exposed: exposure[index].internetExposure === 'published' || r.fromEveryNamespace,
      hostNetwork: pod.hostNetwork,
      synthetic: pod.synthetic,
      ingressScore: Math.round(score.ingress * 1000) / 1000,
      egressScore: Math.round(score.egress * 1000) / 1000,
      score: score.score,
    });
  });
  pods.sort(byName);

  const workloadPods = groupBy(pods, (p) => `${p.namespace}\u0000${p.workloadKind}\u0000${p.workload}`);
  const workloads: WorkloadFinding[] = [...workloadPods.values()].map((list) => {
    const first = list[0];
    return {
      namespace: first.namespace,
      kind: first.workloadKind,
      name: first.workload,
      pods: list.length,
      ingressIsolated: list.every((p) => p.ingressIsolated),
      egressIsolated: list.every((p) => p.egressIsolated),
      reachableFrom: list.reduce((max, p) => Math.max(max, p.reachableFrom), 0),
      reachableTo: list.reduce((max, p) => Math.max(max, p.reachableTo), 0),
      internetIngress: list.some((p) => p.internetIngress),
      internetEgress: list.some((p) => p.internetEgress),
      internetExposure: mostExposed(list.map((p) => p.internetExposure)),
      entryPoints: uniqueEntries(list.flatMap((p) => p.entryPoints)),
      reachableFromConditional: list.reduce((max, p) => Math.max(max, p.reachableFromConditional), 0),
      internetIngressConditional: list.some((p) => p.internetIngress) && list.every((p) => !p.internetIngress || p.internetIngressConditional),
      unprotected: list.some((p) => p.unprotected),
      exposed: list.some((p) => p.exposed),
      policies: [...new Set(list.flatMap((p) => p.policies))].sort(),
      score: meanScore(list.map((p) => p.score)) ?? 0,
    };
  });
  workloads.sort((a, b) => byName(a, b) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));

  const namespaceNames = [...new Set([...model.namespaces.map((n) => n.name), ...model.pods.map((p) => p.namespace)])]
    .filter((n) => !excluded.has(n))
    .sort();
  const podsByNs = groupBy(pods, (p) => p.namespace);
  const workloadsByNs = groupBy(workloads, (w) => w.namespace);
  const policiesByNs = groupBy(model.networkPolicies, (p) => p.namespace);
  const defaultDeny = defaultDenyOf(model, policies);
  const namespaces: NamespaceFinding[] = namespaceNames.map((name) => {
    const nsPods = podsByNs.get(name) ?? [];
    const nsWorkloads = workloadsByNs.get(name) ?? [];
    const nsPolicies = policiesByNs.get(name) ?? [];
    return {
      name,
      pods: nsPods.length,
      workloads: nsWorkloads.length,
      networkPolicies: nsPolicies.length,
      defaultDenyIngress: defaultDeny(name, 'Ingress'),
      defaultDenyEgress: defaultDeny(name, 'Egress'),
      ingressIsolatedPods: nsPods.filter((p) => p.ingressIsolated).length,
      egressIsolatedPods: nsPods.filter((p) => p.egressIsolated).length,
      unprotectedWorkloads: nsWorkloads.filter((w) => w.unprotected).length,
      exposedWorkloads: nsWorkloads.filter((w) => w.exposed).length,
      score: meanScore(nsPods.map((p) => p.score)),
    };
  });

  const countKind = (kind: string) => model.adminPolicies.filter((p) => p.kind === kind).length;
  const cluster: ClusterFinding = {
    score: meanScore(pods.map((p) => p.score)),
    pods: pods.length,
    workloads: workloads.length,
    namespaces: namespaces.length,
    ingressIsolatedPercent: percent(pods.filter((p) => p.ingressIsolated).length, pods.length),
    egressIsolatedPercent: percent(pods.filter((p) => p.egressIsolated).length, pods.length),
    unprotectedPods: pods.filter((p) => p.unprotected).length,
    exposedPods: pods.filter((p) => p.exposed).length,
    unprotectedWorkloads: workloads.filter((w) => w.unprotected).length,
    exposedWorkloads: workloads.filter((w) => w.exposed).length,
    publishedWorkloads: workloads.filter((w) => w.internetExposure === 'published').length,
    namespacesWithoutDefaultDenyIngress: namespaces.filter((n) => !n.defaultDenyIngress).length,
    namespacesWithoutDefaultDenyEgress: namespaces.filter((n) => !n.defaultDenyEgress).length,
    policies: {
      networkPolicies: model.networkPolicies.length,
      adminNetworkPolicies: countKind('AdminNetworkPolicy'),
      baselineAdminNetworkPolicies: countKind('BaselineAdminNetworkPolicy'),
      clusterNetworkPolicies: countKind('ClusterNetworkPolicy'),
      ciliumNetworkPolicies: model.ciliumPolicies.filter((p) => p.kind === 'CiliumNetworkPolicy').length,
      ciliumClusterwideNetworkPolicies: model.ciliumPolicies.filter((p) => p.kind === 'CiliumClusterwideNetworkPolicy').length,
      calicoPolicies: model.calicoPolicies.length,
      notEnforced: new Set(policies.notEnforced.map((n) => n.ref.id)).size,
    },
    podsInCluster: model.pods.length,
    excludedNamespaces: [...excluded].sort(),
  };
  return { pods, workloads, namespaces, cluster, cni: policies.cni, notEnforced: notEnforcedList(policies.notEnforced) };
}

/** One entry per policy (a Cilium policy with several host rules is listed once). */
function notEnforcedList(list: readonly NotEnforced[]): AuditReport['notEnforced'] {
  const seen = new Set<string>();
  return list
    .filter((n) => (seen.has(n.ref.id) ? false : (seen.add(n.ref.id), true)))
    .map((n) => ({ policy: n.ref.id, kind: n.ref.kind, reason: n.reason }))
    .sort((a, b) => (a.policy < b.policy ? -1 : a.policy > b.policy ? 1 : 0));
}
