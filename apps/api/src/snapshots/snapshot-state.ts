import type { NamespaceItem } from '@palisade/api-contract';
import { createHash } from 'node:crypto';
import type { ClusterModel } from '@palisade/cluster-model';
import { modelPolicies, type AuditReport, type InternetExposure, type NamespaceFinding, type WorkloadFinding } from '@palisade/policy-engine';

/**
 * What a snapshot stores, as plain data: the state of each object and the findings of each
 * workload and namespace. Two states with the same key and hash are the same, so an
 * unchanged cluster writes nothing but its snapshot row.
 */
export interface ObjectState {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly hash: string;
  readonly data: unknown;
}

export interface ScoreState {
  readonly scope: 'Workload' | 'Namespace';
  readonly namespace: string;
  readonly kind: string;
  readonly name: string;
  readonly score: number | null;
  readonly ingressIsolated: boolean;
  readonly egressIsolated: boolean;
  readonly reachableFrom: number;
  readonly internetIngress: boolean;
  readonly internetExposure: InternetExposure;
  readonly exposed: boolean;
  readonly unprotected: boolean;
  readonly details: Record<string, unknown>;
}

export { POLICY_KINDS } from '@palisade/api-contract';

/** What a namespace's score row keeps beside the common columns (read back by GET /namespaces). */
export type NamespaceDetails = Omit<NamespaceItem, 'name' | 'score' | 'exposed' | 'unprotected'>;

/** JSON with sorted keys, so equal data hashes equally. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export function hashOf(data: unknown): string {
  return createHash('sha1').update(canonical(data)).digest('base64url');
}

/**
 * For data Palisade builds itself (the normalized model), whose key order is fixed by the code
 * that builds it: plain JSON, without the sorting (most of the hashing time on large clusters).
 * Objects as the API sent them (policies) keep the canonical form.
 */
function modelHash(data: unknown): string {
  return createHash('sha1').update(JSON.stringify(data)).digest('base64url');
}

export function stateKey(s: { readonly kind: string; readonly namespace: string; readonly name: string }): string {
  return `${s.kind}\u0000${s.namespace}\u0000${s.name}`;
}

export function scoreKey(s: { readonly scope: string; readonly namespace: string; readonly kind: string; readonly name: string }): string {
  return `${s.scope}\u0000${s.namespace}\u0000${s.kind}\u0000${s.name}`;
}

function state(kind: string, namespace: string, name: string, data: unknown, raw = false): ObjectState {
  return { kind, namespace, name, hash: raw ? hashOf(data) : modelHash(data), data };
}

/**
 * The objects of a model as stored. Pods are kept as Palisade reads them (labels, addresses,
 * ports, owner) rather than raw, so status churn that changes nothing Palisade evaluates does
 * not open new versions. Policies keep their full object for display.
 */
export function objectStates(model: ClusterModel): ObjectState[] {
  const states: ObjectState[] = [];
  for (const ns of model.namespaces) states.push(state('Namespace', '', ns.name, { labels: ns.labels, implicit: ns.implicit }));
  for (const node of model.nodes) states.push(state('Node', '', node.name, { labels: node.labels, addresses: node.addresses }));
  for (const pod of model.pods) {
    if (pod.synthetic) continue;
    const { namespace, name, source: _source, ...data } = pod;
    states.push(state('Pod', namespace, name, data));
  }
  for (const w of model.workloads) {
    states.push(state('Workload', w.namespace, `${w.kind}/${w.name}`, { kind: w.kind, name: w.name, labels: w.labels }));
  }
  for (const svc of model.services) {
    const { namespace, name, source: _source, ...data } = svc;
    states.push(state('Service', namespace, name, data));
  }
  for (const ing of model.ingresses) {
    const { namespace, name, source: _source, ...data } = ing;
    states.push(state('Ingress', namespace, name, data));
  }
  // How the internet gets in: kept so a diff shows a new class, Gateway or route.
  for (const { name, source: _source, ...data } of model.ingressClasses) states.push(state('IngressClass', '', name, data));
  for (const { name, source: _source, ...data } of model.gatewayClasses) states.push(state('GatewayClass', '', name, data));
  for (const { namespace, name, source: _source, ...data } of model.gateways) states.push(state('Gateway', namespace, name, data));
  for (const { namespace, name, source: _source, ...data } of model.gatewayRoutes) states.push(state(data.kind, namespace, name, data));
  for (const { namespace, name, source: _source, ...data } of model.referenceGrants) states.push(state('ReferenceGrant', namespace, name, data));
  states.push(...policyStates(model));
  // What Calico's and Cilium's policies name besides pods: stored so a diff shows their changes.
  for (const tier of model.calicoTiers) states.push(state('CalicoTier', '', tier.name, tier.raw, true));
  for (const set of model.networkSets) states.push(state(`Calico${set.kind}`, set.namespace ?? '', set.name, set.raw, true));
  for (const group of model.ciliumCidrGroups) states.push(state('CiliumCIDRGroup', '', group.name, { labels: group.labels, cidrs: group.cidrs }));
  return states;
}

/**
 * The policy objects alone, of every kind (what change detection compares), without hashing
 * every pod. The kind is the engine's (`CiliumNetworkPolicy`, `CalicoGlobalNetworkPolicy`).
 */
export function policyStates(model: ClusterModel): ObjectState[] {
  return modelPolicies(model).map(({ ref, raw }) => state(ref.kind, ref.namespace ?? '', ref.name, raw, true));
}

function workloadState(w: WorkloadFinding): ScoreState {
  return {
    scope: 'Workload',
    namespace: w.namespace,
    kind: w.kind,
    name: w.name,
    score: w.score,
    ingressIsolated: w.ingressIsolated,
    egressIsolated: w.egressIsolated,
    reachableFrom: w.reachableFrom,
    internetIngress: w.internetIngress,
    internetExposure: w.internetExposure,
    exposed: w.exposed,
    unprotected: w.unprotected,
    details: {
      pods: w.pods,
      ...(w.entryPoints.length > 0 ? { entryPoints: w.entryPoints } : {}),
      reachableTo: w.reachableTo,
      internetEgress: w.internetEgress,
      policies: w.policies,
      // Only where some rule allows for some requests only, so other rows keep their hash.
      ...(w.reachableFromConditional > 0 ? { reachableFromConditional: w.reachableFromConditional } : {}),
      ...(w.internetIngressConditional ? { internetIngressConditional: true } : {}),
    },
  };
}

function namespaceState(n: NamespaceFinding): ScoreState {
  return {
    scope: 'Namespace',
    namespace: n.name,
    kind: '',
    name: '',
    score: n.score,
    ingressIsolated: n.pods > 0 && n.ingressIsolatedPods === n.pods,
    egressIsolated: n.pods > 0 && n.egressIsolatedPods === n.pods,
    reachableFrom: 0,
    internetIngress: false,
    internetExposure: 'none',
    exposed: n.exposedWorkloads > 0,
    unprotected: n.unprotectedWorkloads > 0,
    details: {
      pods: n.pods,
      workloads: n.workloads,
      networkPolicies: n.networkPolicies,
      defaultDenyIngress: n.defaultDenyIngress,
      defaultDenyEgress: n.defaultDenyEgress,
      ingressIsolatedPods: n.ingressIsolatedPods,
      egressIsolatedPods: n.egressIsolatedPods,
      unprotectedWorkloads: n.unprotectedWorkloads,
      exposedWorkloads: n.exposedWorkloads,
    } satisfies NamespaceDetails,
  };
}

export function scoreStates(report: AuditReport): ScoreState[] {
  return [...report.workloads.map(workloadState), ...report.namespaces.map(namespaceState)];
}

/** Whether two findings of one workload or namespace differ in anything stored. */
export function sameScore(a: ScoreState, b: ScoreState): boolean {
  return (
    a.score === b.score &&
    a.ingressIsolated === b.ingressIsolated &&
    a.egressIsolated === b.egressIsolated &&
    a.reachableFrom === b.reachableFrom &&
    a.internetIngress === b.internetIngress &&
    a.internetExposure === b.internetExposure &&
    a.exposed === b.exposed &&
    a.unprotected === b.unprotected &&
    canonical(a.details) === canonical(b.details)
  );
}
