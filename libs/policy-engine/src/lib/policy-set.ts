import type {
  AdminAction,
  CalicoExpression,
  CiliumSelector,
  ClusterModel,
  ContainerPort,
  Labels,
  LabelSelector,
  PolicyDirection,
} from '@palisade/cluster-model';
import { AddressRange, rangeContains } from './addresses';
import { calicoMatches } from './calico-labels';
import { ciliumSelectorMatches } from './cilium-labels';
import type { CniMode } from './cni';
import { compileCalico } from './compile-calico';
import { compileCilium } from './compile-cilium';
import { compileKubernetes } from './compile-kubernetes';
import type { PortSpec } from './ports';
import { matchesSelector } from './selector';

/**
 * The compiled form of every policy layer a cluster enforces: tiers, evaluated in order, each a
 * list of policies whose rules are evaluated in order (first match decides). Kubernetes
 * NetworkPolicies, AdminNetworkPolicies, Cilium and Calico policies all compile to this one
 * shape; which of them take part depends on the CNI (`cni.ts`). docs/semantics.md and
 * docs/cni.md say how each kind maps onto it.
 */

export type PolicyKind =
  | 'NetworkPolicy'
  | 'AdminNetworkPolicy'
  | 'BaselineAdminNetworkPolicy'
  | 'ClusterNetworkPolicy'
  | 'CiliumNetworkPolicy'
  | 'CiliumClusterwideNetworkPolicy'
  | 'CalicoNetworkPolicy'
  | 'CalicoGlobalNetworkPolicy'
  | 'CalicoStagedNetworkPolicy'
  | 'CalicoStagedGlobalNetworkPolicy'
  | 'CalicoStagedKubernetesNetworkPolicy';

export interface PolicyRef {
  readonly kind: PolicyKind;
  readonly namespace?: string;
  readonly name: string;
  /**
   * `namespace/name` for a Kubernetes NetworkPolicy, `Kind/name` for cluster-scoped Kubernetes
   * policies, `Kind/namespace/name` or `Kind/name` for Cilium's, and
   * `CalicoKind/[namespace/]name` for Calico's (`CalicoNetworkPolicy/ns/name`).
   */
  readonly id: string;
}

/** How a Calico selector matches: on endpoint labels, and on the addresses of selected network sets. */
export interface CalicoSelectorMatcher {
  readonly expression: CalicoExpression;
  readonly text: string;
  /** Nets of the network sets the selector matches: a packet from there matches too. */
  readonly netsets: readonly AddressRange[];
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
  /**
   * Addresses in `include` but in none of `exclude` (ipBlock with except; admin networks; Cilium
   * CIDRs). `clusterMembers` false: pods and nodes never match, whatever their address (Cilium).
   */
  | {
      readonly kind: 'addresses';
      readonly text: string;
      readonly include: AddressRange;
      readonly exclude: readonly AddressRange[];
      readonly clusterMembers: boolean;
    }
  /** Host-network pods on the selected nodes: node traffic. */
  | { readonly kind: 'nodes'; readonly nodeSelector: LabelSelector }
  /** Every host-network pod: node traffic of any node (Cilium's host and remote-node). */
  | { readonly kind: 'node-traffic'; readonly text: string }
  /** Every pod of the cluster, host-network ones included (Cilium's cluster entity). */
  | { readonly kind: 'cluster'; readonly text: string }
  /** Every address outside the cluster (Cilium's world entity, DNS names). */
  | { readonly kind: 'outside'; readonly text: string }
  /** Pods by Cilium identity labels (host-network pods have the node's identity instead). */
  | { readonly kind: 'cilium-endpoints'; readonly selector: CiliumSelector }
  /**
   * One side of a Calico rule: every part given must hold. `nets` any of them; `notNets` none;
   * `selector` an endpoint or network set it selects; `notSelector` none it selects.
   */
  | {
      readonly kind: 'calico';
      readonly text: string;
      readonly nets: readonly AddressRange[] | null;
      readonly notNets: readonly AddressRange[];
      readonly selector: CalicoSelectorMatcher | null;
      readonly notSelector: CalicoSelectorMatcher | null;
    }
  /** A peer Palisade cannot evaluate statically (domainNames, services by EndpointSlice): it matches nothing. */
  | { readonly kind: 'unresolvable'; readonly reason: string };

/** First match decides. Log matches and goes on; a conditional Allow allows some requests and goes on. */
export type RuleAction = AdminAction | 'Log';

export interface CompiledRule {
  readonly policy: PolicyRef;
  readonly direction: PolicyDirection;
  /** Index of the rule in its list (for Cilium: the list named by `list`). */
  readonly index: number;
  /** The list the rule comes from when it is not `ingress`/`egress` (`ingressDeny`, `specs[1].egress`). */
  readonly list?: string;
  readonly name?: string;
  readonly action: RuleAction;
  /** The rule matches a peer when any of these matches. */
  readonly peers: readonly PeerMatcher[];
  readonly ports: PortSpec;
  /** Ports excluded even when `ports` matches (Calico notPorts, notProtocol). */
  readonly notPorts?: PortSpec;
  /**
   * Why an Allow holds only for some requests or names (L7 rules, DNS names, source ports):
   * the connection is `conditional`, never plainly allowed.
   */
  readonly conditional?: string;
  /**
   * A condition on the subject's own side of a Calico rule (an ingress rule's destination, an
   * egress rule's source): the rule applies only to subjects it matches.
   */
  readonly subjectSide?: PeerMatcher;
  /**
   * Cilium fromRequires/toRequires of this rule: they narrow the endpoint peers of every rule
   * applying to the same endpoint (effective-rules.ts).
   */
  readonly requires?: readonly CiliumSelector[];
}

export type SubjectMatcher =
  | { readonly kind: 'namespace-pods'; readonly namespace: string; readonly podSelector: LabelSelector }
  | { readonly kind: 'namespaces'; readonly namespaceSelector: LabelSelector }
  | {
      readonly kind: 'pods';
      readonly namespaceSelector: LabelSelector;
      readonly podSelector: LabelSelector;
    }
  | { readonly kind: 'cilium'; readonly selector: CiliumSelector }
  | { readonly kind: 'calico'; readonly expression: CalicoExpression; readonly text: string };

export interface CompiledPolicy {
  readonly ref: PolicyRef;
  /** Index into `PolicySet.tiers`. */
  readonly tier: number;
  /** Admin priority or Calico order; null when the kind has none (or it is unset). */
  readonly priority: number | null;
  readonly subject: SubjectMatcher;
  /**
   * Rules per direction, or null when the policy does not take part in that direction. An
   * empty list on an isolating policy isolates the pod and allows nothing.
   */
  readonly ingress: readonly CompiledRule[] | null;
  readonly egress: readonly CompiledRule[] | null;
  /**
   * Whether selecting a pod makes its tier end with the tier's default action for that
   * direction (a NetworkPolicy's policyTypes, Cilium's enableDefaultDeny). Calico policies
   * always do; a Cilium policy with default deny turned off adds its rules without isolating.
   */
  readonly isolates: { readonly ingress: boolean; readonly egress: boolean };
}

/** What a tier stands for, for explanations. */
export type TierKind = 'admin' | 'networkPolicy' | 'baseline' | 'calico' | 'cilium-deny' | 'cilium';

export interface CompiledTier {
  readonly name: string;
  readonly kind: TierKind;
  /**
   * What happens to a connection no rule decided, when an isolating policy of the tier selects
   * the pod: `Deny` (NetworkPolicies, Calico tiers by default) or `Pass` on to the next tier.
   */
  readonly endAction: 'Deny' | 'Pass';
  readonly policies: readonly CompiledPolicy[];
}

/** A policy in the input that the cluster does not enforce, and why. */
export interface NotEnforced {
  readonly ref: PolicyRef;
  readonly reason: string;
}

/** Everything the evaluators need about the policies, ordered for evaluation. */
export interface PolicySet {
  readonly cni: CniMode;
  readonly tiers: readonly CompiledTier[];
  /** Every policy of every tier, in evaluation order: a stable index for each. */
  readonly all: readonly CompiledPolicy[];
  /** Policies read but not evaluated: kinds the CNI does not enforce, host policies, staged ones. */
  readonly notEnforced: readonly NotEnforced[];
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
  /** The pod's service account (null for outside addresses), and that account's labels. */
  readonly serviceAccount: string | null;
  readonly serviceAccountLabels: Labels;
}

/**
 * How Palisade names a policy everywhere (findings, explanations, the API): `namespace/name` for
 * a Kubernetes NetworkPolicy, `Kind/name` for a cluster-scoped policy, `Kind/namespace/name` for
 * another namespaced kind (`CiliumNetworkPolicy/shop/web`, `CalicoNetworkPolicy/shop/web`).
 */
export function policyIdOf(kind: PolicyKind, name: string, namespace?: string): string {
  if (namespace === undefined) return `${kind}/${name}`;
  return kind === 'NetworkPolicy' ? `${namespace}/${name}` : `${kind}/${namespace}/${name}`;
}

export function policyRef(kind: PolicyKind, name: string, namespace?: string): PolicyRef {
  const id = policyIdOf(kind, name, namespace);
  return namespace === undefined ? { kind, name, id } : { kind, name, namespace, id };
}

export interface CompileOptions {
  /** Which policy kinds the cluster enforces (default: Kubernetes and admin policies). */
  readonly cni?: CniMode;
}

export function compilePolicies(model: ClusterModel, options: CompileOptions = {}): PolicySet {
  const cni = options.cni ?? 'generic';
  switch (cni) {
    case 'cilium':
      return compileCilium(model);
    case 'calico':
      return compileCalico(model);
    case 'generic':
    case 'none':
      return compileKubernetes(model, cni);
  }
}

export function rulesFor(policy: CompiledPolicy, direction: PolicyDirection): readonly CompiledRule[] | null {
  return direction === 'Ingress' ? policy.ingress : policy.egress;
}

export function isolatesFor(policy: CompiledPolicy, direction: PolicyDirection): boolean {
  return direction === 'Ingress' ? policy.isolates.ingress : policy.isolates.egress;
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
    case 'cilium':
      return ciliumSelectorMatches(subject.selector, endpoint);
    case 'calico':
      return calicoMatches({ expression: subject.expression, text: subject.text, netsets: [] }, endpoint);
  }
}

export function addressPeerMatches(
  peer: { readonly include: AddressRange; readonly exclude: readonly AddressRange[] },
  address: bigint,
): boolean {
  return rangeContains(peer.include, address) && !peer.exclude.some((r) => rangeContains(r, address));
}

function inAny(ranges: readonly AddressRange[], endpoint: EndpointView): boolean {
  return endpoint.addresses.some((a) => ranges.some((r) => rangeContains(r, a)));
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
      if (!peer.clusterMembers && endpoint.kind === 'pod') return false;
      return endpoint.addresses.some((a) => addressPeerMatches(peer, a));
    case 'nodes':
      return endpoint.hostNetwork && endpoint.nodeLabels !== null && matchesSelector(peer.nodeSelector, endpoint.nodeLabels);
    case 'node-traffic':
      return endpoint.kind === 'pod' && endpoint.hostNetwork;
    case 'cluster':
      return endpoint.kind === 'pod';
    case 'outside':
      return endpoint.kind === 'external';
    case 'cilium-endpoints':
      return endpoint.kind === 'pod' && !endpoint.hostNetwork && ciliumSelectorMatches(peer.selector, endpoint);
    case 'calico':
      if (peer.nets !== null && !inAny(peer.nets, endpoint)) return false;
      if (peer.notNets.length > 0 && inAny(peer.notNets, endpoint)) return false;
      if (peer.selector !== null && !calicoMatches(peer.selector, endpoint)) return false;
      if (peer.notSelector !== null && calicoMatches(peer.notSelector, endpoint)) return false;
      return true;
    case 'unresolvable':
      return false;
  }
}

/** Every address range a peer clause tests: the universe cuts the address space at their edges. */
export function peerRanges(peer: PeerMatcher): AddressRange[] {
  switch (peer.kind) {
    case 'addresses':
      return [peer.include, ...peer.exclude];
    case 'calico':
      return [...(peer.nets ?? []), ...peer.notNets, ...(peer.selector?.netsets ?? []), ...(peer.notSelector?.netsets ?? [])];
    default:
      return [];
  }
}
