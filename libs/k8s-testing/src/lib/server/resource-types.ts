/** The resources the fake serves, spelled exactly as the real API server's discovery spells them. */

/**
 * Optional APIs: a cluster without them answers 404 for their paths. Most are CRDs; Calico's
 * `projectcalico.org/v3` is served by the Calico API server (an aggregated API, no CRD).
 */
export type CrdFeature = 'adminNetworkPolicies' | 'clusterNetworkPolicies' | 'cilium' | 'calico' | 'calicoApiServer' | 'gatewayApi';

/** Features served by an aggregated API server rather than CRDs. */
export const AGGREGATED_FEATURES: readonly CrdFeature[] = ['calicoApiServer'];

export const CILIUM_GROUP = 'cilium.io';
export const CALICO_CRD_GROUP = 'crd.projectcalico.org';
export const CALICO_API_GROUP = 'projectcalico.org';
export const GATEWAY_GROUP = 'gateway.networking.k8s.io';

export interface ResourceType {
  /** '' for the core group. */
  readonly group: string;
  readonly version: string;
  /** The URL segment, also what RBAC and `deny()` name: `pods`, `networkpolicies`. */
  readonly plural: string;
  readonly singular: string;
  readonly kind: string;
  readonly listKind: string;
  readonly namespaced: boolean;
  readonly shortNames?: readonly string[];
  readonly categories?: readonly string[];
  /** Served only while this CRD is installed. */
  readonly crd?: CrdFeature;
  /** metadata.generation is kept (and bumped on spec changes) for this kind. */
  readonly tracksGeneration: boolean;
}

function resource(
  group: string,
  version: string,
  kind: string,
  plural: string,
  namespaced: boolean,
  extra: Partial<Pick<ResourceType, 'shortNames' | 'categories' | 'crd' | 'tracksGeneration'>> = {},
): ResourceType {
  return {
    group,
    version,
    kind,
    plural,
    singular: kind.toLowerCase(),
    listKind: `${kind}List`,
    namespaced,
    tracksGeneration: extra.tracksGeneration ?? false,
    ...(extra.shortNames !== undefined && { shortNames: extra.shortNames }),
    ...(extra.categories !== undefined && { categories: extra.categories }),
    ...(extra.crd !== undefined && { crd: extra.crd }),
  };
}

const ALL = ['all'];
const tracked = { tracksGeneration: true } as const;

export const POLICY_GROUP = 'policy.networking.k8s.io';

export const RESOURCE_TYPES: readonly ResourceType[] = [
  resource('', 'v1', 'Namespace', 'namespaces', false, { shortNames: ['ns'] }),
  resource('', 'v1', 'Node', 'nodes', false, { shortNames: ['no'] }),
  resource('', 'v1', 'Pod', 'pods', true, { shortNames: ['po'], categories: ALL }),
  resource('', 'v1', 'Service', 'services', true, { shortNames: ['svc'], categories: ALL }),
  resource('', 'v1', 'ServiceAccount', 'serviceaccounts', true, { shortNames: ['sa'] }),
  resource('apps', 'v1', 'Deployment', 'deployments', true, {
    shortNames: ['deploy'],
    categories: ALL,
    ...tracked,
  }),
  resource('apps', 'v1', 'ReplicaSet', 'replicasets', true, {
    shortNames: ['rs'],
    categories: ALL,
    ...tracked,
  }),
  resource('apps', 'v1', 'StatefulSet', 'statefulsets', true, {
    shortNames: ['sts'],
    categories: ALL,
    ...tracked,
  }),
  resource('apps', 'v1', 'DaemonSet', 'daemonsets', true, {
    shortNames: ['ds'],
    categories: ALL,
    ...tracked,
  }),
  resource('batch', 'v1', 'Job', 'jobs', true, { categories: ALL, ...tracked }),
  resource('batch', 'v1', 'CronJob', 'cronjobs', true, {
    shortNames: ['cj'],
    categories: ALL,
    ...tracked,
  }),
  resource('discovery.k8s.io', 'v1', 'EndpointSlice', 'endpointslices', true),
  resource('networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies', true, {
    shortNames: ['netpol'],
    ...tracked,
  }),
  resource('networking.k8s.io', 'v1', 'Ingress', 'ingresses', true, {
    shortNames: ['ing'],
    ...tracked,
  }),
  resource('networking.k8s.io', 'v1', 'IngressClass', 'ingressclasses', false, tracked),
  resource(
    'apiextensions.k8s.io',
    'v1',
    'CustomResourceDefinition',
    'customresourcedefinitions',
    false,
    {
      shortNames: ['crd', 'crds'],
      categories: ['api-extensions'],
      ...tracked,
    },
  ),
  resource(POLICY_GROUP, 'v1alpha1', 'AdminNetworkPolicy', 'adminnetworkpolicies', false, {
    shortNames: ['anp'],
    crd: 'adminNetworkPolicies',
    ...tracked,
  }),
  resource(
    POLICY_GROUP,
    'v1alpha1',
    'BaselineAdminNetworkPolicy',
    'baselineadminnetworkpolicies',
    false,
    {
      shortNames: ['banp'],
      crd: 'adminNetworkPolicies',
      ...tracked,
    },
  ),
  resource(POLICY_GROUP, 'v1alpha2', 'ClusterNetworkPolicy', 'clusternetworkpolicies', false, {
    shortNames: ['cnp'],
    crd: 'clusterNetworkPolicies',
    ...tracked,
  }),
  resource(CILIUM_GROUP, 'v2', 'CiliumNetworkPolicy', 'ciliumnetworkpolicies', true, {
    shortNames: ['cnp', 'ciliumnp'],
    categories: ['cilium', 'ciliumpolicy'],
    crd: 'cilium',
    ...tracked,
  }),
  resource(CILIUM_GROUP, 'v2', 'CiliumClusterwideNetworkPolicy', 'ciliumclusterwidenetworkpolicies', false, {
    shortNames: ['ccnp'],
    categories: ['cilium', 'ciliumpolicy'],
    crd: 'cilium',
    ...tracked,
  }),
  resource(CILIUM_GROUP, 'v2alpha1', 'CiliumCIDRGroup', 'ciliumcidrgroups', false, { shortNames: ['ccg'], categories: ['cilium'], crd: 'cilium', ...tracked }),
  ...gatewayTypes(),
  ...calicoTypes(CALICO_CRD_GROUP, 'v1', 'calico'),
  ...calicoTypes(CALICO_API_GROUP, 'v3', 'calicoApiServer'),
];

/**
 * Gateway API as the v1.1 experimental channel installs it: the standard kinds in v1 (v1beta1 for
 * ReferenceGrant), TLSRoute, TCPRoute and UDPRoute in v1alpha2.
 */
function gatewayTypes(): ResourceType[] {
  const kinds: [string, string, string, boolean][] = [
    ['GatewayClass', 'gatewayclasses', 'v1', false],
    ['Gateway', 'gateways', 'v1', true],
    ['HTTPRoute', 'httproutes', 'v1', true],
    ['GRPCRoute', 'grpcroutes', 'v1', true],
    ['ReferenceGrant', 'referencegrants', 'v1beta1', true],
    ['TLSRoute', 'tlsroutes', 'v1alpha2', true],
    ['TCPRoute', 'tcproutes', 'v1alpha2', true],
    ['UDPRoute', 'udproutes', 'v1alpha2', true],
  ];
  return kinds.map(([kind, plural, version, namespaced]) =>
    resource(GATEWAY_GROUP, version, kind, plural, namespaced, { categories: ['gateway-api'], crd: 'gatewayApi', ...tracked }),
  );
}

/** Calico's kinds, under the CRD group (stored objects) or the API server's group. */
function calicoTypes(group: string, version: string, crd: CrdFeature): ResourceType[] {
  const kinds: [string, string, boolean][] = [
    ['NetworkPolicy', 'networkpolicies', true],
    ['GlobalNetworkPolicy', 'globalnetworkpolicies', false],
    ['StagedNetworkPolicy', 'stagednetworkpolicies', true],
    ['StagedGlobalNetworkPolicy', 'stagedglobalnetworkpolicies', false],
    ['StagedKubernetesNetworkPolicy', 'stagedkubernetesnetworkpolicies', true],
    ['Tier', 'tiers', false],
    ['NetworkSet', 'networksets', true],
    ['GlobalNetworkSet', 'globalnetworksets', false],
  ];
  return kinds.map(([kind, plural, namespaced]) => resource(group, version, kind, plural, namespaced, { crd, ...tracked }));
}

export function apiVersionOf(type: ResourceType): string {
  return type.group === '' ? type.version : `${type.group}/${type.version}`;
}

/** `pods` for the core group, `networkpolicies.networking.k8s.io` otherwise (a CRD's name). */
export function qualifiedName(type: ResourceType): string {
  return type.group === '' ? type.plural : `${type.plural}.${type.group}`;
}

/** The first type of each kind (Kubernetes' own where a CRD reuses the name), and every type by `Kind.group`. */
const BY_KIND = new Map<string, ResourceType>();
for (const type of RESOURCE_TYPES) if (!BY_KIND.has(type.kind)) BY_KIND.set(type.kind, type);
const BY_QUALIFIED_KIND = new Map(RESOURCE_TYPES.map((type) => [`${type.kind}.${type.group}`, type]));
const BY_PATH = new Map(
  RESOURCE_TYPES.map((type) => [`${type.group}/${type.version}/${type.plural}`, type]),
);

/**
 * The type of a kind: with an apiVersion, the one of that group and version; with a qualified
 * kind (`NetworkPolicy.crd.projectcalico.org`), that group's; else the first registered.
 */
export function resourceTypeForKind(kind: string, apiVersion?: string): ResourceType | undefined {
  if (apiVersion !== undefined && apiVersion !== '') {
    return RESOURCE_TYPES.find((type) => type.kind === kind && apiVersionOf(type) === apiVersion);
  }
  return BY_QUALIFIED_KIND.get(kind) ?? BY_KIND.get(kind);
}

export function resourceTypeForPath(
  group: string,
  version: string,
  plural: string,
): ResourceType | undefined {
  return BY_PATH.get(`${group}/${version}/${plural}`);
}
