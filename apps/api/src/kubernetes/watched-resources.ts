import {
  AppsV1Api,
  BatchV1Api,
  CoreV1Api,
  CustomObjectsApi,
  DiscoveryV1Api,
  KubeConfig,
  KubernetesListObject,
  KubernetesObject,
  NetworkingV1Api,
} from '@kubernetes/client-node';
// The serializer that maps typed models back to wire JSON (`_from` -> `from`, Date -> string)
// is not re-exported by the package index; the package has no exports map, so this path is stable.
import { ObjectSerializer } from '@kubernetes/client-node/dist/gen/models/ObjectSerializer.js';

export type Lister = () => Promise<KubernetesListObject<KubernetesObject>>;

/** A resource Palisade watches in every cluster (or where its CRD is installed). */
export interface WatchedResource {
  readonly kind: string;
  readonly apiVersion: string;
  /** The all-namespaces list/watch path. */
  readonly path: string;
  /** A cluster without it is still audited (nodes: RBAC may hide them; CRDs: may be absent). */
  readonly required: boolean;
  /** Watched only where the API serves this `group/version` (CRDs, aggregated APIs). */
  readonly optionalApi?: string;
  /** Watched only when no resource of this `group/version` is (Calico's CRDs stand in for its API server). */
  readonly unlessApi?: string;
  /**
   * Watched only where this `group/version/plural` is served, and none of `unlessResources`
   * (a kind's preferred version: Gateway API routes moved from alpha to v1 release by release).
   */
  readonly optionalResource?: string;
  readonly unlessResources?: readonly string[];
  /** Only objects matching this label selector (the list applies it as well as the watch). */
  readonly labelSelector?: string;
  readonly lister: (kc: KubeConfig) => Lister;
}

export const POLICY_GROUP = 'policy.networking.k8s.io';
export const CILIUM_GROUP = 'cilium.io';
export const CALICO_API = 'projectcalico.org/v3';
export const CALICO_CRDS = 'crd.projectcalico.org/v1';

/**
 * EndpointSlices made by hand (for Services without a selector): the controller's own slices
 * only repeat what the Service's selector already says, and would be most of the objects.
 */
export const HAND_MADE_SLICES = 'endpointslice.kubernetes.io/managed-by!=endpointslice-controller.k8s.io';

/** Typed list items back to the JSON the API sent, so list and watch objects look alike. */
function wire<T extends KubernetesObject>(type: string, list: KubernetesListObject<T>): KubernetesListObject<KubernetesObject> {
  return { ...list, items: list.items.map((item) => ObjectSerializer.serialize(item, type, '') as KubernetesObject) };
}

function typed(
  kind: string,
  apiVersion: string,
  path: string,
  required: boolean,
  type: string,
  list: (kc: KubeConfig) => Promise<KubernetesListObject<KubernetesObject>>,
): WatchedResource {
  return { kind, apiVersion, path, required, lister: (kc) => async () => wire(type, await list(kc)) };
}

function custom(kind: string, group: string, version: string, plural: string, unlessApi?: string): WatchedResource {
  return {
    kind,
    apiVersion: `${group}/${version}`,
    path: `/apis/${group}/${version}/${plural}`,
    required: false,
    optionalApi: `${group}/${version}`,
    ...(unlessApi ? { unlessApi } : {}),
    lister: (kc) => {
      const api = kc.makeApiClient(CustomObjectsApi);
      return async () => (await api.listClusterCustomObject({ group, version, plural })) as KubernetesListObject<KubernetesObject>;
    },
  };
}

export const GATEWAY_GROUP = 'gateway.networking.k8s.io';

/**
 * Gateway API kinds, each in the newest version the cluster serves: the standard channel moved
 * TLSRoute to v1 in v1.5 and TCPRoute and UDPRoute in v1.6; older and experimental installs serve
 * the alpha versions.
 */
const GATEWAY_KINDS: readonly [string, string, readonly string[]][] = [
  ['GatewayClass', 'gatewayclasses', ['v1', 'v1beta1']],
  ['Gateway', 'gateways', ['v1', 'v1beta1']],
  ['HTTPRoute', 'httproutes', ['v1', 'v1beta1']],
  ['GRPCRoute', 'grpcroutes', ['v1', 'v1alpha2']],
  ['TLSRoute', 'tlsroutes', ['v1', 'v1alpha3', 'v1alpha2']],
  ['TCPRoute', 'tcproutes', ['v1', 'v1alpha2']],
  ['UDPRoute', 'udproutes', ['v1', 'v1alpha2']],
  ['ReferenceGrant', 'referencegrants', ['v1', 'v1beta1']],
];

function preferredVersions(kind: string, group: string, plural: string, versions: readonly string[]): WatchedResource[] {
  return versions.map((version, index) => {
    const resource = custom(kind, group, version, plural);
    const { optionalApi: _api, ...rest } = resource;
    return {
      ...rest,
      optionalResource: `${group}/${version}/${plural}`,
      unlessResources: versions.slice(0, index).map((v) => `${group}/${v}/${plural}`),
    };
  });
}

/** Calico's kinds, from its API server (projectcalico.org/v3) or, without it, from its CRDs. */
const CALICO_KINDS: readonly [string, string][] = [
  ['NetworkPolicy', 'networkpolicies'],
  ['GlobalNetworkPolicy', 'globalnetworkpolicies'],
  ['StagedNetworkPolicy', 'stagednetworkpolicies'],
  ['StagedGlobalNetworkPolicy', 'stagedglobalnetworkpolicies'],
  ['StagedKubernetesNetworkPolicy', 'stagedkubernetesnetworkpolicies'],
  ['Tier', 'tiers'],
  ['NetworkSet', 'networksets'],
  ['GlobalNetworkSet', 'globalnetworksets'],
];

export const WATCHED_RESOURCES: readonly WatchedResource[] = [
  typed('Namespace', 'v1', '/api/v1/namespaces', true, 'V1Namespace', (kc) => kc.makeApiClient(CoreV1Api).listNamespace()),
  typed('Pod', 'v1', '/api/v1/pods', true, 'V1Pod', (kc) => kc.makeApiClient(CoreV1Api).listPodForAllNamespaces()),
  typed('Service', 'v1', '/api/v1/services', false, 'V1Service', (kc) => kc.makeApiClient(CoreV1Api).listServiceForAllNamespaces()),
  typed('Node', 'v1', '/api/v1/nodes', false, 'V1Node', (kc) => kc.makeApiClient(CoreV1Api).listNode()),
  typed('Deployment', 'apps/v1', '/apis/apps/v1/deployments', false, 'V1Deployment', (kc) =>
    kc.makeApiClient(AppsV1Api).listDeploymentForAllNamespaces(),
  ),
  typed('ReplicaSet', 'apps/v1', '/apis/apps/v1/replicasets', false, 'V1ReplicaSet', (kc) =>
    kc.makeApiClient(AppsV1Api).listReplicaSetForAllNamespaces(),
  ),
  typed('StatefulSet', 'apps/v1', '/apis/apps/v1/statefulsets', false, 'V1StatefulSet', (kc) =>
    kc.makeApiClient(AppsV1Api).listStatefulSetForAllNamespaces(),
  ),
  typed('DaemonSet', 'apps/v1', '/apis/apps/v1/daemonsets', false, 'V1DaemonSet', (kc) =>
    kc.makeApiClient(AppsV1Api).listDaemonSetForAllNamespaces(),
  ),
  typed('Job', 'batch/v1', '/apis/batch/v1/jobs', false, 'V1Job', (kc) => kc.makeApiClient(BatchV1Api).listJobForAllNamespaces()),
  typed('CronJob', 'batch/v1', '/apis/batch/v1/cronjobs', false, 'V1CronJob', (kc) =>
    kc.makeApiClient(BatchV1Api).listCronJobForAllNamespaces(),
  ),
  typed('NetworkPolicy', 'networking.k8s.io/v1', '/apis/networking.k8s.io/v1/networkpolicies', true, 'V1NetworkPolicy', (kc) =>
    kc.makeApiClient(NetworkingV1Api).listNetworkPolicyForAllNamespaces(),
  ),
  typed('Ingress', 'networking.k8s.io/v1', '/apis/networking.k8s.io/v1/ingresses', false, 'V1Ingress', (kc) =>
    kc.makeApiClient(NetworkingV1Api).listIngressForAllNamespaces(),
  ),
  typed('IngressClass', 'networking.k8s.io/v1', '/apis/networking.k8s.io/v1/ingressclasses', false, 'V1IngressClass', (kc) =>
    kc.makeApiClient(NetworkingV1Api).listIngressClass(),
  ),
  typed('ServiceAccount', 'v1', '/api/v1/serviceaccounts', false, 'V1ServiceAccount', (kc) => kc.makeApiClient(CoreV1Api).listServiceAccountForAllNamespaces()),
  {
    ...typed('EndpointSlice', 'discovery.k8s.io/v1', '/apis/discovery.k8s.io/v1/endpointslices', false, 'V1EndpointSlice', (kc) =>
      kc.makeApiClient(DiscoveryV1Api).listEndpointSliceForAllNamespaces({ labelSelector: HAND_MADE_SLICES }),
    ),
    labelSelector: HAND_MADE_SLICES,
  },
  custom('AdminNetworkPolicy', POLICY_GROUP, 'v1alpha1', 'adminnetworkpolicies'),
  custom('BaselineAdminNetworkPolicy', POLICY_GROUP, 'v1alpha1', 'baselineadminnetworkpolicies'),
  custom('ClusterNetworkPolicy', POLICY_GROUP, 'v1alpha2', 'clusternetworkpolicies'),
  custom('CiliumNetworkPolicy', CILIUM_GROUP, 'v2', 'ciliumnetworkpolicies'),
  custom('CiliumClusterwideNetworkPolicy', CILIUM_GROUP, 'v2', 'ciliumclusterwidenetworkpolicies'),
  custom('CiliumCIDRGroup', CILIUM_GROUP, 'v2alpha1', 'ciliumcidrgroups'),
  ...GATEWAY_KINDS.flatMap(([kind, plural, versions]) => preferredVersions(kind, GATEWAY_GROUP, plural, versions)),
  ...CALICO_KINDS.map(([kind, plural]) => custom(kind, 'projectcalico.org', 'v3', plural)),
  ...CALICO_KINDS.map(([kind, plural]) => custom(kind, 'crd.projectcalico.org', 'v1', plural, CALICO_API)),
];

/** Groups whose resources differ by version: discovery lists their resources too. */
export const RESOURCE_DISCOVERY_GROUPS: readonly string[] = [GATEWAY_GROUP];

/**
 * The resources to watch in a cluster that serves these `group/version`s (and, for the groups
 * of RESOURCE_DISCOVERY_GROUPS, these `group/version/plural`s).
 */
export function resourcesServedBy(served: ReadonlySet<string>, servedResources: ReadonlySet<string> = new Set()): WatchedResource[] {
  return WATCHED_RESOURCES.filter(
    (r) =>
      (r.optionalApi === undefined || served.has(r.optionalApi)) &&
      (r.unlessApi === undefined || !served.has(r.unlessApi)) &&
      (r.optionalResource === undefined || servedResources.has(r.optionalResource)) &&
      !(r.unlessResources ?? []).some((other) => servedResources.has(other)),
  );
}
