/** The kinds Palisade reads, which API groups they come from, and whether they are namespaced. */

export type ReadKind =
  | 'Namespace'
  | 'Node'
  | 'Pod'
  | 'Deployment'
  | 'StatefulSet'
  | 'DaemonSet'
  | 'ReplicaSet'
  | 'Job'
  | 'CronJob'
  | 'ReplicationController'
  | 'Service'
  | 'ServiceAccount'
  | 'EndpointSlice'
  | 'Ingress'
  | 'IngressClass'
  | 'GatewayClass'
  | 'Gateway'
  | 'HTTPRoute'
  | 'GRPCRoute'
  | 'TLSRoute'
  | 'TCPRoute'
  | 'UDPRoute'
  | 'ReferenceGrant'
  | 'NetworkPolicy'
  | 'AdminNetworkPolicy'
  | 'BaselineAdminNetworkPolicy'
  | 'ClusterNetworkPolicy'
  | 'CiliumNetworkPolicy'
  | 'CiliumClusterwideNetworkPolicy'
  | 'CiliumCIDRGroup'
  | 'CalicoNetworkPolicy'
  | 'CalicoGlobalNetworkPolicy'
  | 'CalicoStagedNetworkPolicy'
  | 'CalicoStagedGlobalNetworkPolicy'
  | 'CalicoStagedKubernetesNetworkPolicy'
  | 'CalicoTier'
  | 'CalicoNetworkSet'
  | 'CalicoGlobalNetworkSet';

interface KindInfo {
  /** The kind as manifests write it (several read kinds share one: NetworkPolicy). */
  readonly kind: string;
  readonly groups: readonly string[];
  readonly namespaced: boolean;
}

const CORE = [''];
const APPS = ['apps', 'extensions'];
const BATCH = ['batch'];
const NETWORKING = ['networking.k8s.io', 'extensions'];
const ADMIN_POLICY = ['policy.networking.k8s.io'];
/**
 * Gateway API. Every kind, whatever its version (v1, v1beta1, v1alpha2, v1alpha3), is read by
 * one reader: the versions a cluster serves differ only in fields Palisade does not read.
 */
export const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';
const GATEWAY_API = [GATEWAY_API_GROUP];
const CILIUM = ['cilium.io'];
/** With the Calico API server, and as its CRDs store them without it. */
export const CALICO_GROUPS = ['projectcalico.org', 'crd.projectcalico.org'];

const KINDS: Readonly<Record<ReadKind, KindInfo>> = {
  Namespace: { kind: 'Namespace', groups: CORE, namespaced: false },
  Node: { kind: 'Node', groups: CORE, namespaced: false },
  Pod: { kind: 'Pod', groups: CORE, namespaced: true },
  ReplicationController: { kind: 'ReplicationController', groups: CORE, namespaced: true },
  Service: { kind: 'Service', groups: CORE, namespaced: true },
  ServiceAccount: { kind: 'ServiceAccount', groups: CORE, namespaced: true },
  EndpointSlice: { kind: 'EndpointSlice', groups: ['discovery.k8s.io'], namespaced: true },
  Deployment: { kind: 'Deployment', groups: APPS, namespaced: true },
  StatefulSet: { kind: 'StatefulSet', groups: APPS, namespaced: true },
  DaemonSet: { kind: 'DaemonSet', groups: APPS, namespaced: true },
  ReplicaSet: { kind: 'ReplicaSet', groups: APPS, namespaced: true },
  Job: { kind: 'Job', groups: BATCH, namespaced: true },
  CronJob: { kind: 'CronJob', groups: BATCH, namespaced: true },
  Ingress: { kind: 'Ingress', groups: NETWORKING, namespaced: true },
  // IngressClass came with networking.k8s.io; extensions never served it.
  IngressClass: { kind: 'IngressClass', groups: ['networking.k8s.io'], namespaced: false },
  GatewayClass: { kind: 'GatewayClass', groups: GATEWAY_API, namespaced: false },
  Gateway: { kind: 'Gateway', groups: GATEWAY_API, namespaced: true },
  HTTPRoute: { kind: 'HTTPRoute', groups: GATEWAY_API, namespaced: true },
  GRPCRoute: { kind: 'GRPCRoute', groups: GATEWAY_API, namespaced: true },
  TLSRoute: { kind: 'TLSRoute', groups: GATEWAY_API, namespaced: true },
  TCPRoute: { kind: 'TCPRoute', groups: GATEWAY_API, namespaced: true },
  UDPRoute: { kind: 'UDPRoute', groups: GATEWAY_API, namespaced: true },
  ReferenceGrant: { kind: 'ReferenceGrant', groups: GATEWAY_API, namespaced: true },
  NetworkPolicy: { kind: 'NetworkPolicy', groups: NETWORKING, namespaced: true },
  AdminNetworkPolicy: { kind: 'AdminNetworkPolicy', groups: ADMIN_POLICY, namespaced: false },
  BaselineAdminNetworkPolicy: { kind: 'BaselineAdminNetworkPolicy', groups: ADMIN_POLICY, namespaced: false },
  ClusterNetworkPolicy: { kind: 'ClusterNetworkPolicy', groups: ADMIN_POLICY, namespaced: false },
  CiliumNetworkPolicy: { kind: 'CiliumNetworkPolicy', groups: CILIUM, namespaced: true },
  CiliumClusterwideNetworkPolicy: { kind: 'CiliumClusterwideNetworkPolicy', groups: CILIUM, namespaced: false },
  CiliumCIDRGroup: { kind: 'CiliumCIDRGroup', groups: CILIUM, namespaced: false },
  CalicoNetworkPolicy: { kind: 'NetworkPolicy', groups: CALICO_GROUPS, namespaced: true },
  CalicoGlobalNetworkPolicy: { kind: 'GlobalNetworkPolicy', groups: CALICO_GROUPS, namespaced: false },
  CalicoStagedNetworkPolicy: { kind: 'StagedNetworkPolicy', groups: CALICO_GROUPS, namespaced: true },
  CalicoStagedGlobalNetworkPolicy: { kind: 'StagedGlobalNetworkPolicy', groups: CALICO_GROUPS, namespaced: false },
  CalicoStagedKubernetesNetworkPolicy: { kind: 'StagedKubernetesNetworkPolicy', groups: CALICO_GROUPS, namespaced: true },
  CalicoTier: { kind: 'Tier', groups: CALICO_GROUPS, namespaced: false },
  CalicoNetworkSet: { kind: 'NetworkSet', groups: CALICO_GROUPS, namespaced: true },
  CalicoGlobalNetworkSet: { kind: 'GlobalNetworkSet', groups: CALICO_GROUPS, namespaced: false },
};

/** Read kinds by the kind manifests write; the first entry is the one taken without apiVersion. */
const BY_MANIFEST_KIND = new Map<string, ReadKind[]>();
for (const readKind of Object.keys(KINDS) as ReadKind[]) {
  const list = BY_MANIFEST_KIND.get(KINDS[readKind].kind) ?? [];
  list.push(readKind);
  BY_MANIFEST_KIND.set(KINDS[readKind].kind, list);
}

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

export type KindClass =
  | { readonly read: true; readonly kind: ReadKind; readonly manifestKind: string; readonly namespaced: boolean }
  | { readonly read: false; readonly skippedAs: string };

/** The kind as manifests write it. */
export function manifestKindOf(kind: ReadKind): string {
  return KINDS[kind].kind;
}

/**
 * How messages and counts name a kind: as written, or `Kind.projectcalico.org` where Calico
 * reuses a Kubernetes kind name, so the two never read the same.
 */
export function displayKindOf(kind: ReadKind): string {
  const info = KINDS[kind];
  return info.groups === CALICO_GROUPS ? `${info.kind}.projectcalico.org` : info.kind;
}

/**
 * Decides whether an object is one Palisade reads. Kind names are not unique across API groups:
 * Calico's `projectcalico.org/v3` NetworkPolicy is not Kubernetes' one, nor Istio's
 * `networking.istio.io` Gateway the Gateway API one, so the group picks the reader, and a known
 * kind from a group Palisade does not read is skipped under `Kind.group`. A missing apiVersion is
 * trusted as the Kubernetes kind (hand-built objects in tests and fixtures often leave it out).
 */
export function classifyKind(kind: string, apiVersion: unknown): KindClass {
  const candidates = BY_MANIFEST_KIND.get(kind);
  if (candidates === undefined) return { read: false, skippedAs: kind };
  const group = typeof apiVersion === 'string' && apiVersion !== '' ? groupOf(apiVersion) : undefined;
  const readKind = group === undefined ? candidates[0] : candidates.find((c) => KINDS[c].groups.includes(group));
  if (readKind === undefined) return { read: false, skippedAs: `${kind}.${group ?? ''}` };
  return { read: true, kind: readKind, manifestKind: kind, namespaced: KINDS[readKind].namespaced };
}
