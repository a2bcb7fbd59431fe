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
}

export interface ContainerPort {
  readonly name?: string;
  readonly port: number;
  readonly protocol: Protocol;
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
  readonly type: ServiceType;
  /** Null when the Service has no selector (endpoints managed by hand). */
  readonly selector: Labels | null;
  readonly ports: readonly ServicePort[];
  readonly clusterIPs: readonly string[];
  readonly externalIPs: readonly string[];
  readonly loadBalancerIngress: readonly string[];
  readonly source?: SourceRef;
}

export interface IngressBackendRef {
  readonly service: string;
  readonly port?: number | string;
}

export interface Ingress {
  readonly namespace: string;
  readonly name: string;
  readonly ingressClassName?: string;
  readonly backends: readonly IngressBackendRef[];
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

export interface ClusterModel {
  readonly namespaces: readonly Namespace[];
  readonly nodes: readonly Node[];
  readonly pods: readonly Pod[];
  readonly workloads: readonly Workload[];
  readonly services: readonly Service[];
  readonly ingresses: readonly Ingress[];
  readonly networkPolicies: readonly NetworkPolicy[];
  readonly adminPolicies: readonly AdminPolicy[];
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
