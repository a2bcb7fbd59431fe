/**
 * The normalized cluster model: what Palisade knows about a cluster once the Kubernetes
 * objects are read, defaulted the way the API server defaults them, and validated.
 *
 * Everything here is plain, immutable-by-convention data so the policy engine can stay pure.
 */

export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

export type Labels = Readonly<Record<string, string>>;

export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface LabelSelectorRequirement {
  readonly key: string;
  readonly operator: SelectorOperator;
  readonly values: readonly string[];
}

/** A metav1.LabelSelector. Both parts empty means "everything". */
export interface LabelSelector {
  readonly matchLabels: Labels;
  readonly matchExpressions: readonly LabelSelectorRequirement[];
}

/** Where an object was read from, for messages. */
export interface SourceRef {
  readonly file?: string;
  /** 0-based index of the YAML document in the file. */
  readonly document?: number;
  /** 0-based index in the `items` of a List document, when the object came from one. */
  readonly item?: number;
}

export interface Namespace {
  readonly name: string;
  /** Always includes `kubernetes.io/metadata.name`, as the API server sets it. */
  readonly labels: Labels;
  /** True when no Namespace object was read and the namespace is implied by the objects in it. */
  readonly implicit: boolean;
}

export interface Node {
  readonly name: string;
  readonly labels: Labels;
  readonly addresses: readonly string[];
  /** An annotation a network plugin put on the node (`io.cilium.network.ipv4-cilium-host`), if any. */
  readonly pluginAnnotation?: string;
}

export interface ContainerPort {
  readonly name?: string;
  readonly port: number;
  readonly protocol: Protocol;
  /** The node port forwarded to this container port (`hostPort`), and the node address it binds (`hostIP`, all when absent). */
  readonly hostPort?: number;
  readonly hostIP?: string;
}

export type WorkloadKind =
  | 'Deployment'
  | 'StatefulSet'
  | 'DaemonSet'
  | 'ReplicaSet'
  | 'Job'
  | 'CronJob'
  | 'ReplicationController'
  | 'Pod';

/** The top-most owner of a pod (Pod -> ReplicaSet -> Deployment, Job -> CronJob, ...). */
export interface WorkloadRef {
  readonly kind: WorkloadKind;
  readonly name: string;
}

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

export interface Pod {
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
  /** status.podIPs (dual stack) or status.podIP; empty when not yet scheduled. */
  readonly ips: readonly string[];
  /** Container ports of all containers (init containers excluded), in declaration order. */
  readonly ports: readonly ContainerPort[];
  readonly phase: PodPhase;
  readonly hostNetwork: boolean;
  readonly nodeName?: string;
  /**
   * False when status.conditions says the pod is not Ready (Services send it no traffic);
   * absent when the object has no conditions (a manifest), read as ready.
   */
  readonly ready?: boolean;
  /** spec.serviceAccountName, defaulted to `default` as the API server does. */
  readonly serviceAccount: string;
  readonly workload: WorkloadRef;
  /**
   * True when the pod was not in the input but stands for a replica of a workload whose
   * pods were not listed (a manifest audited before it is applied).
   */
  readonly synthetic: boolean;
  readonly source?: SourceRef;
}

export interface Workload {
  readonly namespace: string;
  readonly kind: WorkloadKind;
  readonly name: string;
  readonly labels: Labels;
  readonly source?: SourceRef;
}

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

export interface ServicePort {
  readonly name?: string;
  readonly port: number;
  /** A number or the name of a container port. */
  readonly targetPort: number | string;
  readonly protocol: Protocol;
  readonly nodePort?: number;
}

export interface Service {
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
  readonly type: ServiceType;
  /** Null when the Service has no selector (endpoints managed by hand). */
  readonly selector: Labels | null;
  readonly ports: readonly ServicePort[];
  /** Without "None": empty for a headless Service. */
  readonly clusterIPs: readonly string[];
  /** `spec.clusterIP: None`: DNS only, never proxied. */
  readonly headless: boolean;
  readonly externalIPs: readonly string[];
  /** status.loadBalancer.ingress: each entry's `ip`, else its `hostname`. */
  readonly loadBalancerIngress: readonly string[];
  /** spec.externalTrafficPolicy, defaulted to Cluster. */
  readonly externalTrafficPolicy: 'Cluster' | 'Local';
  /**
   * spec.loadBalancerSourceRanges, else the `service.beta.kubernetes.io/load-balancer-source-ranges`
   * annotation (comma-separated); empty: every client.
   */
  readonly loadBalancerSourceRanges: readonly string[];
  readonly loadBalancerClass?: string;
  /**
   * Why the load balancer is internal (no internet clients), from the annotation or class that
   * makes it so (`service.beta.kubernetes.io/aws-load-balancer-internal: "true"`); absent when
   * nothing says so.
   */
  readonly internalLoadBalancer?: string;
  readonly source?: SourceRef;
}

/** An IngressClass: which controller implements the Ingresses naming it. */
export interface IngressClass {
  readonly name: string;
  /** spec.controller, such as `k8s.io/ingress-nginx`. */
  readonly controller: string;
  /** Annotated `ingressclass.kubernetes.io/is-default-class: "true"`. */
  readonly isDefault: boolean;
  /** metadata.creationTimestamp: with several defaults, the newest is applied. */
  readonly createdAt?: string;
  readonly source?: SourceRef;
}

/** A GatewayClass: which controller implements the Gateways naming it. */
export interface GatewayClass {
  readonly name: string;
  /** spec.controllerName, such as `gateway.envoyproxy.io/gatewayclass-controller`. */
  readonly controllerName: string;
  readonly source?: SourceRef;
}

export type GatewayRouteKind = 'HTTPRoute' | 'GRPCRoute' | 'TLSRoute' | 'TCPRoute' | 'UDPRoute';

export interface GatewayListener {
  readonly name: string;
  readonly port: number;
  /** HTTP, HTTPS, TLS, TCP, UDP or a domain-prefixed custom protocol. */
  readonly protocol: string;
  readonly hostname?: string;
  /** For HTTPS and TLS listeners: Terminate (the default) or Passthrough. */
  readonly tlsMode?: 'Terminate' | 'Passthrough';
  readonly allowedRoutes: {
    /** Which namespaces' routes may attach (default Same). */
    readonly from: 'Same' | 'All' | 'Selector';
    readonly selector?: LabelSelector;
    /** Route kinds allowed; empty: the kinds the protocol carries. */
    readonly kinds: readonly { readonly group: string; readonly kind: string }[];
  };
}

/** A Gateway API Gateway (gateway.networking.k8s.io). */
export interface Gateway {
  readonly namespace: string;
  readonly name: string;
  readonly gatewayClassName: string;
  readonly listeners: readonly GatewayListener[];
  /** status.addresses values (IP addresses or hostnames). */
  readonly addresses: readonly string[];
  readonly labels: Labels;
  readonly source?: SourceRef;
}

export interface GatewayParentRef {
  /** Defaults: group gateway.networking.k8s.io, kind Gateway, the route's namespace. */
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly sectionName?: string;
  readonly port?: number;
}

export interface GatewayBackendRef {
  /** Defaults: group "" and kind Service, the route's namespace. */
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  /** The Service port (not the pod's). */
  readonly port?: number;
  /** Default 1; 0 sends no traffic. */
  readonly weight: number;
}

/** An HTTPRoute, GRPCRoute, TLSRoute, TCPRoute or UDPRoute, of any served version. */
export interface GatewayRoute {
  readonly kind: GatewayRouteKind;
  readonly namespace: string;
  readonly name: string;
  readonly hostnames: readonly string[];
  readonly parentRefs: readonly GatewayParentRef[];
  /** Every backendRef of every rule. */
  readonly backendRefs: readonly GatewayBackendRef[];
  readonly source?: SourceRef;
}

/** A ReferenceGrant: lets objects of other namespaces refer to objects of its own. */
export interface ReferenceGrant {
  readonly namespace: string;
  readonly name: string;
  readonly from: readonly { readonly group: string; readonly kind: string; readonly namespace: string }[];
  readonly to: readonly { readonly group: string; readonly kind: string; readonly name?: string }[];
  readonly source?: SourceRef;
}

/** A ServiceAccount: Calico selects pods by their service account's labels (`pcsa.<key>`). */
export interface ServiceAccount {
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
  readonly source?: SourceRef;
}

/** An EndpointSlice: the addresses behind a Service (made by hand for Services without a selector). */
export interface EndpointSlice {
  readonly namespace: string;
  readonly name: string;
  /** The `kubernetes.io/service-name` label: the Service it belongs to. */
  readonly serviceName?: string;
  readonly addresses: readonly string[];
  readonly ports: readonly { readonly name?: string; readonly port: number; readonly protocol: Protocol }[];
  readonly source?: SourceRef;
}

export interface IngressBackendRef {
  readonly service: string;
  readonly port?: number | string;
}

/** One way into an Ingress: a host (absent: any) and the backend it leads to. */
export interface IngressRoute {
  readonly host?: string;
  /** A path of `spec.rules[].http.paths[]`; absent for the default backend. */
  readonly path?: string;
  readonly backend: IngressBackendRef;
}

export interface Ingress {
  readonly namespace: string;
  readonly name: string;
  /** spec.ingressClassName, else the `kubernetes.io/ingress.class` annotation. */
  readonly ingressClassName?: string;
  /** The `kubernetes.io/ingress.class` annotation alone (controllers read it by their own class name). */
  readonly classAnnotation?: string;
  readonly backends: readonly IngressBackendRef[];
  /** Every rule path and the default backend, with their host. */
  readonly routes: readonly IngressRoute[];
  /** Hosts of spec.tls (served on 443); a TLS entry without hosts covers every host. */
  readonly tlsHosts: readonly string[];
  readonly tlsAllHosts: boolean;
  readonly source?: SourceRef;
}

export type PolicyDirection = 'Ingress' | 'Egress';

export interface IPBlock {
  readonly cidr: string;
  readonly except: readonly string[];
}

/**
 * One NetworkPolicyPeer. As in the API: podSelector alone selects pods of the policy's
 * namespace; namespaceSelector alone selects every pod of the matching namespaces; both
 * select the matching pods of the matching namespaces; ipBlock is exclusive of the others.
 */
export interface NetworkPolicyPeer {
  readonly podSelector?: LabelSelector;
  readonly namespaceSelector?: LabelSelector;
  readonly ipBlock?: IPBlock;
}

/**
 * A NetworkPolicyPort. `port` absent means every port of the protocol; a string is a named
 * port resolved against the destination pod; `endPort` makes `port`..`endPort` a range.
 */
export interface NetworkPolicyPort {
  readonly protocol: Protocol;
  readonly port?: number | string;
  readonly endPort?: number;
}

export interface NetworkPolicyRule {
  /** Empty means every peer (all pods in the cluster and every address). */
  readonly peers: readonly NetworkPolicyPeer[];
  /** Empty means every port and protocol. */
  readonly ports: readonly NetworkPolicyPort[];
}

export interface NetworkPolicy {
  readonly kind: 'NetworkPolicy';
  readonly namespace: string;
  readonly name: string;
  readonly podSelector: LabelSelector;
  /** Defaulted: Ingress, plus Egress when the policy has egress rules. */
  readonly policyTypes: readonly PolicyDirection[];
  readonly ingress: readonly NetworkPolicyRule[];
  readonly egress: readonly NetworkPolicyRule[];
  /** The object as read (metadata and spec), for display and history. */
  readonly raw: unknown;
  readonly source?: SourceRef;
}

export type AdminPolicyKind =
  | 'AdminNetworkPolicy'
  | 'BaselineAdminNetworkPolicy'
  | 'ClusterNetworkPolicy';

export type AdminTier = 'Admin' | 'Baseline';

/** `Accept` (ClusterNetworkPolicy) is normalized to `Allow`. */
export type AdminAction = 'Allow' | 'Deny' | 'Pass';

export type AdminSubject =
  | { readonly kind: 'namespaces'; readonly namespaceSelector: LabelSelector }
  | {
      readonly kind: 'pods';
      readonly namespaceSelector: LabelSelector;
      readonly podSelector: LabelSelector;
    };

export type AdminPeer =
  | { readonly kind: 'namespaces'; readonly namespaceSelector: LabelSelector }
  | {
      readonly kind: 'pods';
      readonly namespaceSelector: LabelSelector;
      readonly podSelector: LabelSelector;
    }
  | { readonly kind: 'nodes'; readonly nodeSelector: LabelSelector }
  | { readonly kind: 'networks'; readonly cidrs: readonly string[] }
  | { readonly kind: 'domainNames'; readonly domainNames: readonly string[] };

export type AdminPort =
  | { readonly kind: 'number'; readonly protocol: Protocol; readonly port: number }
  | {
      readonly kind: 'range';
      readonly protocol: Protocol;
      readonly start: number;
      readonly end: number;
    }
  | { readonly kind: 'named'; readonly name: string };

export interface AdminRule {
  readonly name?: string;
  readonly action: AdminAction;
  readonly peers: readonly AdminPeer[];
  /** Null means every port and protocol. */
  readonly ports: readonly AdminPort[] | null;
}

/**
 * AdminNetworkPolicy and BaselineAdminNetworkPolicy (policy.networking.k8s.io/v1alpha1) and
 * ClusterNetworkPolicy (v1alpha2) in one shape. ANPs are Admin tier; the BANP is Baseline
 * tier with no priority of its own (it is evaluated after every Baseline-tier CNP).
 */
export interface AdminPolicy {
  readonly kind: AdminPolicyKind;
  readonly name: string;
  readonly tier: AdminTier;
  /** 0..1000, lower first. The BANP has `null`. */
  readonly priority: number | null;
  readonly subject: AdminSubject;
  readonly ingress: readonly AdminRule[];
  readonly egress: readonly AdminRule[];
  readonly raw: unknown;
  readonly source?: SourceRef;
}

// ---------------------------------------------------------------------------------------------
// Cilium (cilium.io/v2 CiliumNetworkPolicy, CiliumClusterwideNetworkPolicy). docs/cni.md.

export type CiliumPolicyKind = 'CiliumNetworkPolicy' | 'CiliumClusterwideNetworkPolicy';

/**
 * Where a Cilium label comes from. In a selector, a key without a source (or `any:`) matches a
 * label of any source; `k8s:` only labels from Kubernetes; `reserved:` only Cilium's special
 * identities (host, world, ...), never a pod.
 */
export type CiliumLabelSource = 'any' | 'k8s' | 'reserved' | 'other';

/** One requirement of a Cilium selector; `matchLabels` entries are `In` with one value. */
export interface CiliumRequirement {
  readonly source: CiliumLabelSource;
  /** The key without its source prefix (`io.kubernetes.pod.namespace`, `app`). */
  readonly key: string;
  readonly operator: SelectorOperator;
  readonly values: readonly string[];
}

/**
 * A Cilium endpoint selector as Cilium applies it: the requirements the policy wrote plus those
 * Cilium adds when it parses the policy (the policy's namespace for a CiliumNetworkPolicy, any
 * namespace for a clusterwide one). An empty list selects every endpoint of the scope it names.
 */
export interface CiliumSelector {
  readonly requirements: readonly CiliumRequirement[];
  /** As written, for display (`{matchLabels: ...}` rendered as `k=v, k2 in (a, b)`). */
  readonly text: string;
}

export type CiliumEntity =
  | 'world'
  | 'world-ipv4'
  | 'world-ipv6'
  | 'cluster'
  | 'host'
  | 'remote-node'
  | 'kube-apiserver'
  | 'ingress'
  | 'all'
  | 'health'
  | 'init'
  | 'unmanaged'
  | 'none';

export interface CiliumCidr {
  readonly cidr: string;
  readonly except: readonly string[];
}

/** CiliumCIDRGroups a CIDR rule names (`cidrGroupRef`) or selects (`cidrGroupSelector`), with its exceptions. */
export interface CiliumCidrGroupRef {
  readonly name?: string;
  readonly selector?: LabelSelector;
  readonly except: readonly string[];
}

/** A `toServices` entry: a Service by name, or Services by label selector. */
export interface CiliumServiceRef {
  readonly name?: string;
  /** Absent: services of that name or labels in every namespace. */
  readonly namespace?: string;
  readonly selector?: LabelSelector;
}

/**
 * The L3 part of one Cilium rule. The API makes these kinds mutually exclusive; `any` is a rule
 * with no L3 field at all (only ports), which matches every peer.
 */
export type CiliumPeers =
  | { readonly kind: 'any' }
  | { readonly kind: 'endpoints'; readonly selectors: readonly CiliumSelector[] }
  | { readonly kind: 'entities'; readonly entities: readonly CiliumEntity[] }
  | { readonly kind: 'cidrs'; readonly cidrs: readonly CiliumCidr[]; readonly groups: readonly CiliumCidrGroupRef[] }
  | { readonly kind: 'services'; readonly services: readonly CiliumServiceRef[] }
  | { readonly kind: 'fqdns'; readonly names: readonly string[] }
  | { readonly kind: 'nodes'; readonly selectors: readonly LabelSelector[] }
  | { readonly kind: 'groups' };

/** One `ports` entry of a `toPorts` rule. `port` 0 means every port of the protocol. */
export interface CiliumPort {
  readonly port: number | string;
  readonly endPort?: number;
  /** `ANY` (the default) stands for TCP, UDP and SCTP. */
  readonly protocol: Protocol | 'ANY';
}

export interface CiliumPortRule {
  readonly ports: readonly CiliumPort[];
  /**
   * Why traffic through this port rule is allowed only for some requests or names (L7 `rules`,
   * `serverNames`, `listener`), or undefined when it is allowed at L4.
   */
  readonly conditional?: string;
}

export interface CiliumRule {
  readonly peers: CiliumPeers;
  /** fromRequires / toRequires: ANDed into every endpoint selector of the endpoint's rules. */
  readonly requires: readonly CiliumSelector[];
  /** Null: every port and protocol. */
  readonly toPorts: readonly CiliumPortRule[] | null;
  /** The rule has `icmps` only: it matches no TCP, UDP or SCTP traffic. */
  readonly icmpOnly: boolean;
  /** `authentication.mode: required`: allowed only after mutual authentication. */
  readonly conditional?: string;
}

/** One rule of a Cilium policy (`spec`, or one entry of `specs`). */
export interface CiliumPolicySpec {
  /** Endpoint rules select pods; node rules (`nodeSelector`) are host policies. */
  readonly subject:
    | { readonly kind: 'endpoints'; readonly selector: CiliumSelector }
    | { readonly kind: 'nodes'; readonly selector: LabelSelector };
  /** Null when the section is absent; an empty list when present but empty. */
  readonly ingress: readonly CiliumRule[] | null;
  readonly ingressDeny: readonly CiliumRule[] | null;
  readonly egress: readonly CiliumRule[] | null;
  readonly egressDeny: readonly CiliumRule[] | null;
  /** `enableDefaultDeny`, resolved: true unless the policy turns it off for the direction. */
  readonly defaultDeny: { readonly ingress: boolean; readonly egress: boolean };
  readonly description?: string;
}

export interface CiliumPolicy {
  readonly kind: CiliumPolicyKind;
  /** Set for CiliumNetworkPolicy. */
  readonly namespace?: string;
  readonly name: string;
  readonly specs: readonly CiliumPolicySpec[];
  readonly raw: unknown;
  readonly source?: SourceRef;
}

/** A CiliumCIDRGroup (`cilium.io/v2alpha1`): CIDRs a policy names by `cidrGroupRef`. */
export interface CiliumCidrGroup {
  readonly name: string;
  readonly labels: Labels;
  readonly cidrs: readonly string[];
  readonly source?: SourceRef;
}

// ---------------------------------------------------------------------------------------------
// Calico (projectcalico.org/v3, and crd.projectcalico.org/v1 as stored without the API server).

/** A parsed Calico selector expression (see `calico-selector.ts`). */
export type CalicoExpression =
  | { readonly op: 'all' }
  | { readonly op: 'global' }
  | { readonly op: 'has'; readonly key: string }
  | { readonly op: 'eq' | 'ne' | 'contains' | 'startsWith' | 'endsWith'; readonly key: string; readonly value: string }
  | { readonly op: 'in' | 'notIn'; readonly key: string; readonly values: readonly string[] }
  | { readonly op: 'not'; readonly operand: CalicoExpression }
  | { readonly op: 'and' | 'or'; readonly operands: readonly CalicoExpression[] };

export interface CalicoSelector {
  readonly expression: CalicoExpression;
  /** The canonical text (what calicoctl prints). */
  readonly text: string;
}

export type CalicoPort = { readonly kind: 'range'; readonly from: number; readonly to: number } | { readonly kind: 'named'; readonly name: string };

/**
 * One side of a Calico rule, as Calico's backend combines it: `selector` already carries the
 * namespace and service-account parts (prefixed `pcns.` / `pcsa.`, scoped to the policy's
 * namespace where the API says so); absent means the side matches any address as far as
 * selectors go.
 */
export interface CalicoEntityRule {
  readonly nets: readonly string[];
  readonly notNets: readonly string[];
  readonly selector?: CalicoSelector;
  /** Used as written: no namespace scoping. */
  readonly notSelector?: CalicoSelector;
  readonly ports: readonly CalicoPort[];
  readonly notPorts: readonly CalicoPort[];
  /** `services` (resolved through Services/EndpointSlices): not evaluated statically. */
  readonly services?: { readonly name: string; readonly namespace: string };
}

export type CalicoAction = 'Allow' | 'Deny' | 'Log' | 'Pass';

/** `protocol` / `notProtocol`: a protocol name, or an IP protocol number. */
export type CalicoProtocol = Protocol | 'ICMP' | 'ICMPv6' | 'UDPLite' | number;

export interface CalicoRule {
  readonly action: CalicoAction;
  readonly protocol?: CalicoProtocol;
  readonly notProtocol?: CalicoProtocol;
  readonly ipVersion?: 4 | 6;
  readonly source: CalicoEntityRule;
  readonly destination: CalicoEntityRule;
  /** Why the rule matches only some requests (an `http` match), or undefined. */
  readonly conditional?: string;
}

export type CalicoPolicyKind =
  | 'NetworkPolicy'
  | 'GlobalNetworkPolicy'
  | 'StagedNetworkPolicy'
  | 'StagedGlobalNetworkPolicy'
  | 'StagedKubernetesNetworkPolicy';

export interface CalicoPolicy {
  readonly kind: CalicoPolicyKind;
  /** `projectcalico.org/v3` or `crd.projectcalico.org/v1`. */
  readonly apiGroup: string;
  /** Set for the namespaced kinds. */
  readonly namespace?: string;
  /** The policy's name as users know it (a stored `<tier>.` prefix removed). */
  readonly name: string;
  readonly tier: string;
  /** Null: after every ordered policy of its tier. */
  readonly order: number | null;
  /**
   * Which endpoints it applies to, combined as Calico does: the policy selector, its namespace
   * (namespaced kinds) or `namespaceSelector` (global kinds), and `serviceAccountSelector`.
   */
  readonly selector: CalicoSelector;
  /** Defaulted as Calico defaults them (see docs/cni.md). */
  readonly types: readonly PolicyDirection[];
  readonly ingress: readonly CalicoRule[];
  readonly egress: readonly CalicoRule[];
  /** Staged kinds: never enforced. `Set` previews the policy, `Delete` previews its removal. */
  readonly stagedAction?: 'Set' | 'Delete' | 'Learn' | 'Ignore';
  /** Host-endpoint only settings: such a policy is never applied to pods. */
  readonly doNotTrack: boolean;
  readonly preDNAT: boolean;
  readonly applyOnForward: boolean;
  readonly raw: unknown;
  readonly source?: SourceRef;
}

export interface CalicoTier {
  readonly name: string;
  /** Null in the object: Calico reads an unset order as 1,000,000. */
  readonly order: number;
  readonly defaultAction: 'Deny' | 'Pass';
  readonly raw: unknown;
  readonly source?: SourceRef;
}

/** NetworkSet (namespaced) or GlobalNetworkSet: addresses that rule selectors match by labels. */
export interface CalicoNetworkSet {
  readonly kind: 'NetworkSet' | 'GlobalNetworkSet';
  readonly namespace?: string;
  readonly name: string;
  readonly labels: Labels;
  readonly nets: readonly string[];
  readonly raw: unknown;
  readonly source?: SourceRef;
}

export interface ClusterModel {
  readonly namespaces: readonly Namespace[];
  readonly nodes: readonly Node[];
  readonly pods: readonly Pod[];
  readonly workloads: readonly Workload[];
  readonly services: readonly Service[];
  readonly serviceAccounts: readonly ServiceAccount[];
  readonly endpointSlices: readonly EndpointSlice[];
  readonly ingresses: readonly Ingress[];
  readonly ingressClasses: readonly IngressClass[];
  readonly gatewayClasses: readonly GatewayClass[];
  readonly gateways: readonly Gateway[];
  readonly gatewayRoutes: readonly GatewayRoute[];
  readonly referenceGrants: readonly ReferenceGrant[];
  readonly networkPolicies: readonly NetworkPolicy[];
  readonly adminPolicies: readonly AdminPolicy[];
  readonly ciliumPolicies: readonly CiliumPolicy[];
  readonly ciliumCidrGroups: readonly CiliumCidrGroup[];
  readonly calicoPolicies: readonly CalicoPolicy[];
  readonly calicoTiers: readonly CalicoTier[];
  readonly networkSets: readonly CalicoNetworkSet[];
}

/** A problem with the input, phrased so a person can find and fix it. */
export interface InputProblem {
  readonly file?: string;
  /** `Kind/namespace/name` or `Kind/name`; absent when the file itself is unreadable. */
  readonly object?: string;
  /** A field path such as `spec.ingress[0].from[1].ipBlock.cidr`. */
  readonly field?: string;
  readonly message: string;
}

/** How a reader finished: the model, what it skipped, and what was wrong. */
export interface ReadResult {
  readonly model: ClusterModel;
  readonly problems: readonly InputProblem[];
  /** Objects of kinds Palisade does not use, counted by kind. */
  readonly skipped: Readonly<Record<string, number>>;
  /** How many objects of each kind were read. */
  readonly counts: Readonly<Record<string, number>>;
}
