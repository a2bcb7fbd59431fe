import type {
  AdminPeer,
  AdminPolicy,
  AdminPort,
  AdminRule,
  ClusterModel,
  ContainerPort,
  LabelSelector,
  Namespace,
  NetworkPolicy,
  NetworkPolicyRule,
  Pod,
  PolicyDirection,
} from '@palisade/cluster-model';

/** Small builders for normalized models, so engine tests state only what matters to them. */

export const all: LabelSelector = { matchLabels: {}, matchExpressions: [] };
export const sel = (matchLabels: Record<string, string>): LabelSelector => ({ matchLabels, matchExpressions: [] });

export function newNamespace(name: string, labels: Record<string, string> = {}): Namespace {
  return { name, labels: { ...labels, 'kubernetes.io/metadata.name': name }, implicit: false };
}

export function newPod(
  id: string,
  options: { labels?: Record<string, string>; ip?: string; ips?: string[]; ports?: ContainerPort[]; hostNetwork?: boolean; nodeName?: string } = {},
): Pod {
  const [namespace, name] = id.split('/');
  return {
    namespace,
    name,
    labels: options.labels ?? { app: name },
    ips: options.ips ?? (options.ip ? [options.ip] : []),
    ports: options.ports ?? [{ name: 'http', port: 80, protocol: 'TCP' }],
    phase: 'Running',
    hostNetwork: options.hostNetwork ?? false,
    ...(options.nodeName ? { nodeName: options.nodeName } : {}),
    serviceAccount: 'default',
    workload: { kind: 'Pod', name },
    synthetic: false,
  };
}

export function newNetworkPolicy(
  id: string,
  spec: {
    podSelector?: LabelSelector;
    policyTypes?: PolicyDirection[];
    ingress?: NetworkPolicyRule[];
    egress?: NetworkPolicyRule[];
  },
): NetworkPolicy {
  const [namespace, name] = id.split('/');
  const ingress = spec.ingress ?? [];
  const egress = spec.egress ?? [];
  return {
    kind: 'NetworkPolicy',
    namespace,
    name,
    podSelector: spec.podSelector ?? all,
    policyTypes: spec.policyTypes ?? (egress.length ? ['Ingress', 'Egress'] : ['Ingress']),
    ingress,
    egress,
    raw: {},
  };
}

export function adminRule(action: AdminRule['action'], peers: AdminPeer[], ports: AdminPort[] | null = null, name?: string): AdminRule {
  return { action, peers, ports, ...(name ? { name } : {}) };
}

export function newAdminPolicy(
  kind: AdminPolicy['kind'],
  name: string,
  spec: { priority?: number | null; tier?: AdminPolicy['tier']; subject?: AdminPolicy['subject']; ingress?: AdminRule[]; egress?: AdminRule[] },
): AdminPolicy {
  return {
    kind,
    name,
    tier: spec.tier ?? (kind === 'BaselineAdminNetworkPolicy' ? 'Baseline' : 'Admin'),
    priority: kind === 'BaselineAdminNetworkPolicy' ? null : (spec.priority ?? 10),
    subject: spec.subject ?? { kind: 'namespaces', namespaceSelector: all },
    ingress: spec.ingress ?? [],
    egress: spec.egress ?? [],
    raw: {},
  };
}

export function newCluster(parts: Partial<ClusterModel>): ClusterModel {
  const pods = parts.pods ?? [];
  const declared = new Set((parts.namespaces ?? []).map((n) => n.name));
  const implicit = [...new Set(pods.map((p) => p.namespace))].filter((n) => !declared.has(n)).map((n) => newNamespace(n));
  return {
    namespaces: [...(parts.namespaces ?? []), ...implicit],
    nodes: parts.nodes ?? [],
    pods,
    workloads: parts.workloads ?? [],
    services: parts.services ?? [],
    serviceAccounts: parts.serviceAccounts ?? [],
    endpointSlices: parts.endpointSlices ?? [],
    ingresses: parts.ingresses ?? [],
    ingressClasses: parts.ingressClasses ?? [],
    gatewayClasses: parts.gatewayClasses ?? [],
    gateways: parts.gateways ?? [],
    gatewayRoutes: parts.gatewayRoutes ?? [],
    referenceGrants: parts.referenceGrants ?? [],
    networkPolicies: parts.networkPolicies ?? [],
    ciliumPolicies: parts.ciliumPolicies ?? [],
    ciliumCidrGroups: parts.ciliumCidrGroups ?? [],
    calicoPolicies: parts.calicoPolicies ?? [],
    calicoTiers: parts.calicoTiers ?? [],
    networkSets: parts.networkSets ?? [],
    adminPolicies: parts.adminPolicies ?? [],
  };
}
