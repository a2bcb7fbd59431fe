import type {
  AdminAction,
  AdminPeer,
  AdminPolicy,
  AdminPolicyKind,
  AdminRule,
  ClusterModel,
  ContainerPort,
  Labels,
  LabelSelector,
  NetworkPolicy,
  NetworkPolicyPeer,
  PolicyDirection,
} from '@palisade/cluster-model';
import { AddressRange, cidrRange, rangeContains } from './addresses';
import { fromAdminPorts, fromNetworkPolicyPorts, PortSpec } from './ports';
import { matchesSelector } from './selector';

export type PolicyKind = 'NetworkPolicy' | AdminPolicyKind;

/** The three tiers, in evaluation order. */
export type PolicyLayer = 'admin' | 'networkPolicy' | 'baseline';

export interface PolicyRef {
  readonly kind: PolicyKind;
  readonly namespace?: string;
  readonly name: string;
  /** `namespace/name` for a NetworkPolicy, `Kind/name` for cluster-scoped policies. */
  readonly id: string;
}

export type PeerMatcher =
  /** A rule without peers: every pod and every address. */
  | { readonly kind: 'all' }
  /**
   * Pods (never host-network ones). `namespace` fixes the namespace (a NetworkPolicy
   * podSelector without namespaceSelector); otherwise `namespaceSelector` picks namespaces.
   * A null podSelector means every pod of those namespaces.
   */
  | {
      readonly kind: 'pods';
      readonly namespace: string | null;
      readonly namespaceSelector: LabelSelector | null;
      readonly podSelector: LabelSelector | null;
    }
  /** Addresses in `include` but in none of `exclude` (ipBlock with except; admin networks). */
  | {
      readonly kind: 'addresses';
      readonly text: string;
      readonly include: AddressRange;
      readonly exclude: readonly AddressRange[];
    }
  /** Host-network pods on the selected nodes: node traffic. */
  | { readonly kind: 'nodes'; readonly nodeSelector: LabelSelector }
  /** A peer Palisade cannot evaluate statically (domainNames): it matches nothing. */
  | { readonly kind: 'unresolvable'; readonly reason: string };

export interface CompiledRule {
  readonly policy: PolicyRef;
  readonly direction: PolicyDirection;
  readonly index: number;
  readonly name?: string;
  readonly action: AdminAction;
  /** The rule matches a peer when any of these matches. */
  readonly peers: readonly PeerMatcher[];
  readonly ports: PortSpec;
}

export type SubjectMatcher =
  | { readonly kind: 'namespace-pods'; readonly namespace: string; readonly podSelector: LabelSelector }
  | { readonly kind: 'namespaces'; readonly namespaceSelector: LabelSelector }
  | {
      readonly kind: 'pods';
      readonly namespaceSelector: LabelSelector;
      readonly podSelector: LabelSelector;
    };

export interface CompiledPolicy {
  readonly ref: PolicyRef;
  readonly layer: PolicyLayer;
  readonly priority: number | null;
  readonly subject: SubjectMatcher;
  /**
   * Rules per direction, or null when the policy does not affect that direction (a
   * NetworkPolicy without that policyType; an admin policy without rules for it). An empty
   * list on a NetworkPolicy isolates the pod and allows nothing.
   */
  readonly ingress: readonly CompiledRule[] | null;
  readonly egress: readonly CompiledRule[] | null;
}

/** Everything the evaluators need about the policies, ordered for evaluation. */
export interface PolicySet {
  /** Admin tier (ANPs and Admin-tier CNPs) by ascending priority, then kind and name. */
  readonly admin: readonly CompiledPolicy[];
  readonly networkPolicies: readonly CompiledPolicy[];
  /** Baseline tier: Baseline CNPs by priority, then the BANP. */
  readonly baseline: readonly CompiledPolicy[];
  /** admin, networkPolicies, baseline concatenated: a stable index for every policy. */
  readonly all: readonly CompiledPolicy[];
}

/** What the matchers need to know about a pod or an outside address. */
export interface EndpointView {
  readonly kind: 'pod' | 'external';
  readonly namespace: string | null;
  readonly namespaceLabels: Labels;
  readonly labels: Labels;
  readonly hostNetwork: boolean;
  /** Labels of the node of a host-network pod (null when unknown or not host-network). */
  readonly nodeLabels: Labels | null;
  readonly addresses: readonly bigint[];
  readonly ports: readonly ContainerPort[];
}

export function policyRef(kind: PolicyKind, name: string, namespace?: string): PolicyRef {
  return namespace === undefined
    ? { kind, name, id: `${kind}/${name}` }
    : { kind, name, namespace, id: `${namespace}/${name}` };
}

function addressPeer(text: string, cidr: string, except: readonly string[]): PeerMatcher {
  // The reader validated every CIDR; an unparsable one here can only match nothing.
  const include = cidrRange(cidr) ?? { lo: 0n, hi: 0n };
  const exclude = except.map((e) => cidrRange(e)).filter((r): r is AddressRange => r !== undefined);
  return { kind: 'addresses', text, include, exclude };
}

function networkPolicyPeer(policy: NetworkPolicy, peer: NetworkPolicyPeer): PeerMatcher {
  if (peer.ipBlock) {
    const { cidr, except } = peer.ipBlock;
    const text = except.length ? `${cidr} except ${except.join(', ')}` : cidr;
    return addressPeer(text, cidr, except);
  }
  return {
    kind: 'pods',
    namespace: peer.namespaceSelector ? null : policy.namespace,
    namespaceSelector: peer.namespaceSelector ?? null,
    podSelector: peer.podSelector ?? null,
  };
}

function compileNetworkPolicy(policy: NetworkPolicy): CompiledPolicy {
  const ref = policyRef('NetworkPolicy', policy.name, policy.namespace);
  const rules = (direction: PolicyDirection): readonly CompiledRule[] | null => {
    if (!policy.policyTypes.includes(direction)) return null;
    const list = direction === 'Ingress' ? policy.ingress : policy.egress;
    return list.map((rule, index) => ({
      policy: ref,
      direction,
      index,
      action: 'Allow',
      peers: rule.peers.length === 0 ? [{ kind: 'all' }] : rule.peers.map((p) => networkPolicyPeer(policy, p)),
      ports: fromNetworkPolicyPorts(rule.ports),
    }));
  };
  return {
    ref,
    layer: 'networkPolicy',
    priority: null,
    subject: { kind: 'namespace-pods', namespace: policy.namespace, podSelector: policy.podSelector },
    ingress: rules('Ingress'),
    egress: rules('Egress'),
  };
}

function adminPeer(peer: AdminPeer): PeerMatcher {
  switch (peer.kind) {
    case 'namespaces':
      return { kind: 'pods', namespace: null, namespaceSelector: peer.namespaceSelector, podSelector: null };
    case 'pods':
      return {
        kind: 'pods',
        namespace: null,
        namespaceSelector: peer.namespaceSelector,
        podSelector: peer.podSelector,
      };
    case 'nodes':
      return { kind: 'nodes', nodeSelector: peer.nodeSelector };
    case 'networks':
      // Each CIDR is its own peer so explanations can name the one that matched.
      throw new Error('networks peers are expanded by adminPeers');
    case 'domainNames':
      return {
        kind: 'unresolvable',
        reason: `domainNames (${peer.domainNames.join(', ')}) depend on DNS answers at run time`,
      };
  }
}

function adminPeers(peers: readonly AdminPeer[]): PeerMatcher[] {
  return peers.flatMap((peer) =>
    peer.kind === 'networks' ? peer.cidrs.map((cidr) => addressPeer(cidr, cidr, [])) : [adminPeer(peer)],
  );
}

function compileAdminPolicy(policy: AdminPolicy): CompiledPolicy {
  const ref = policyRef(policy.kind, policy.name);
  const rules = (direction: PolicyDirection, list: readonly AdminRule[]): readonly CompiledRule[] | null =>
    list.length === 0
      ? null
      : list.map((rule, index) => ({
          policy: ref,
          direction,
          index,
          ...(rule.name ? { name: rule.name } : {}),
          action: rule.action,
          peers: adminPeers(rule.peers),
          ports: fromAdminPorts(rule.ports),
        }));
  const subject: SubjectMatcher =
    policy.subject.kind === 'namespaces'
      ? { kind: 'namespaces', namespaceSelector: policy.subject.namespaceSelector }
      : {
          kind: 'pods',
          namespaceSelector: policy.subject.namespaceSelector,
          podSelector: policy.subject.podSelector,
        };
  return {
    ref,
    layer: policy.tier === 'Admin' ? 'admin' : 'baseline',
    priority: policy.priority,
    subject,
    ingress: rules('Ingress', policy.ingress),
    egress: rules('Egress', policy.egress),
  };
}

const KIND_ORDER: Record<PolicyKind, number> = {
  AdminNetworkPolicy: 0,
  ClusterNetworkPolicy: 1,
  BaselineAdminNetworkPolicy: 2,
  NetworkPolicy: 3,
};

/**
 * Lower priority first. Equal priorities are ambiguous in the API (an implementation may pick
 * either); Palisade orders them by kind then name so results are at least deterministic.
 * The BANP (priority null) comes after every Baseline-tier CNP.
 */
function byPrecedence(a: CompiledPolicy, b: CompiledPolicy): number {
  const pa = a.priority ?? Number.POSITIVE_INFINITY;
  const pb = b.priority ?? Number.POSITIVE_INFINITY;
  if (pa !== pb) return pa - pb;
  if (a.ref.kind !== b.ref.kind) return KIND_ORDER[a.ref.kind] - KIND_ORDER[b.ref.kind];
  return a.ref.name < b.ref.name ? -1 : a.ref.name > b.ref.name ? 1 : 0;
}

export function compilePolicies(model: ClusterModel): PolicySet {
  const compiledAdmin = model.adminPolicies.map(compileAdminPolicy);
  const admin = compiledAdmin.filter((p) => p.layer === 'admin').sort(byPrecedence);
  const baseline = compiledAdmin.filter((p) => p.layer === 'baseline').sort(byPrecedence);
  const networkPolicies = model.networkPolicies
    .map(compileNetworkPolicy)
    .sort((a, b) => (a.ref.id < b.ref.id ? -1 : a.ref.id > b.ref.id ? 1 : 0));
  return { admin, networkPolicies, baseline, all: [...admin, ...networkPolicies, ...baseline] };
}

export function rulesFor(policy: CompiledPolicy, direction: PolicyDirection): readonly CompiledRule[] | null {
  return direction === 'Ingress' ? policy.ingress : policy.egress;
}

/** Whether a policy applies to the pod (host-network pods are never subjects). */
export function subjectMatches(subject: SubjectMatcher, endpoint: EndpointView): boolean {
  if (endpoint.kind !== 'pod' || endpoint.hostNetwork) return false;
  switch (subject.kind) {
    case 'namespace-pods':
      return endpoint.namespace === subject.namespace && matchesSelector(subject.podSelector, endpoint.labels);
    case 'namespaces':
      return matchesSelector(subject.namespaceSelector, endpoint.namespaceLabels);
    case 'pods':
      return (
        matchesSelector(subject.namespaceSelector, endpoint.namespaceLabels) &&
        matchesSelector(subject.podSelector, endpoint.labels)
      );
  }
}

export function addressPeerMatches(
  peer: { readonly include: AddressRange; readonly exclude: readonly AddressRange[] },
  address: bigint,
): boolean {
  return rangeContains(peer.include, address) && !peer.exclude.some((r) => rangeContains(r, address));
}

/** Whether one peer clause matches the endpoint at the other end of the connection. */
export function peerMatches(peer: PeerMatcher, endpoint: EndpointView): boolean {
  switch (peer.kind) {
    case 'all':
      return true;
    case 'pods':
      if (endpoint.kind !== 'pod' || endpoint.hostNetwork) return false;
      if (peer.namespace !== null && endpoint.namespace !== peer.namespace) return false;
      if (peer.namespaceSelector && !matchesSelector(peer.namespaceSelector, endpoint.namespaceLabels)) return false;
      return peer.podSelector === null || matchesSelector(peer.podSelector, endpoint.labels);
    case 'addresses':
      return endpoint.addresses.some((a) => addressPeerMatches(peer, a));
    case 'nodes':
      return endpoint.hostNetwork && endpoint.nodeLabels !== null && matchesSelector(peer.nodeSelector, endpoint.nodeLabels);
    case 'unresolvable':
      return false;
  }
}
