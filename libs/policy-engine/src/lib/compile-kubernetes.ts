import type {
  AdminPeer,
  AdminPolicy,
  AdminRule,
  CalicoPolicy,
  CiliumPolicy,
  ClusterModel,
  NetworkPolicy,
  NetworkPolicyPeer,
  PolicyDirection,
} from '@palisade/cluster-model';
import { AddressRange, cidrRange } from './addresses';
import type { CniMode } from './cni';
import { notEnforcedReason } from './enforcement';
import { fromAdminPorts, fromNetworkPolicyPorts } from './ports';
import {
  CompiledPolicy,
  CompiledRule,
  CompiledTier,
  NotEnforced,
  PeerMatcher,
  PolicyKind,
  PolicyRef,
  policyRef,
  PolicySet,
  SubjectMatcher,
} from './policy-set';

/** Kubernetes NetworkPolicies and the admin policies: the three tiers of the Kubernetes APIs. */

export function addressPeer(text: string, cidr: string, except: readonly string[], clusterMembers = true): PeerMatcher {
  // The reader validated every CIDR; an unparsable one here can only match nothing.
  const include = cidrRange(cidr) ?? { lo: 0n, hi: 0n };
  const exclude = except.map((e) => cidrRange(e)).filter((r): r is AddressRange => r !== undefined);
  return { kind: 'addresses', text, include, exclude, clusterMembers };
}

function networkPolicyPeer(policy: NetworkPolicy, peer: NetworkPolicyPeer, ipBlockMatchesPods: boolean): PeerMatcher {
  if (peer.ipBlock) {
    const { cidr, except } = peer.ipBlock;
    const text = except.length ? `${cidr} except ${except.join(', ')}` : cidr;
    return addressPeer(text, cidr, except, ipBlockMatchesPods);
  }
  return {
    kind: 'pods',
    namespace: peer.namespaceSelector ? null : policy.namespace,
    namespaceSelector: peer.namespaceSelector ?? null,
    podSelector: peer.podSelector ?? null,
  };
}

/**
 * A NetworkPolicy: isolating for its policyTypes, allow rules only. `ipBlockMatchesPods` false
 * under Cilium, whose ipBlock never selects pods or nodes.
 */
export function compileNetworkPolicy(policy: NetworkPolicy, tier: number, priority: number | null, ipBlockMatchesPods = true): CompiledPolicy {
  const ref = policyRef('NetworkPolicy', policy.name, policy.namespace);
  const rules = (direction: PolicyDirection): readonly CompiledRule[] | null => {
    if (!policy.policyTypes.includes(direction)) return null;
    const list = direction === 'Ingress' ? policy.ingress : policy.egress;
    return list.map((rule, index) => ({
      policy: ref,
      direction,
      index,
      action: 'Allow',
      peers: rule.peers.length === 0 ? [{ kind: 'all' }] : rule.peers.map((p) => networkPolicyPeer(policy, p, ipBlockMatchesPods)),
      ports: fromNetworkPolicyPorts(rule.ports),
    }));
  };
  return {
    ref,
    tier,
    priority,
    subject: { kind: 'namespace-pods', namespace: policy.namespace, podSelector: policy.podSelector },
    ingress: rules('Ingress'),
    egress: rules('Egress'),
    isolates: { ingress: policy.policyTypes.includes('Ingress'), egress: policy.policyTypes.includes('Egress') },
  };
}

function adminPeer(peer: Exclude<AdminPeer, { kind: 'networks' }>): PeerMatcher {
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
    case 'domainNames':
      return {
        kind: 'unresolvable',
        reason: `domainNames (${peer.domainNames.join(', ')}) depend on DNS answers at run time`,
      };
  }
}

function adminPeers(peers: readonly AdminPeer[]): PeerMatcher[] {
  // Each CIDR is its own peer so explanations can name the one that matched.
  return peers.flatMap((peer) =>
    peer.kind === 'networks' ? peer.cidrs.map((cidr) => addressPeer(cidr, cidr, [])) : [adminPeer(peer)],
  );
}

export function compileAdminPolicy(policy: AdminPolicy, tier: number, priority: number | null): CompiledPolicy {
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
  // Admin tiers end with Pass: selecting a pod changes nothing by itself.
  return { ref, tier, priority, subject, ingress: rules('Ingress', policy.ingress), egress: rules('Egress', policy.egress), isolates: { ingress: false, egress: false } };
}

const KIND_ORDER: Partial<Record<PolicyKind, number>> = {
  AdminNetworkPolicy: 0,
  ClusterNetworkPolicy: 1,
  BaselineAdminNetworkPolicy: 2,
};

/**
 * Lower priority first. Equal priorities are ambiguous in the API (an implementation may pick
 * either); Palisade orders them by kind then name so results are at least deterministic.
 * The BANP (priority null) comes after every Baseline-tier CNP.
 */
export function byPrecedence(a: CompiledPolicy, b: CompiledPolicy): number {
  const pa = a.priority ?? Number.POSITIVE_INFINITY;
  const pb = b.priority ?? Number.POSITIVE_INFINITY;
  if (pa !== pb) return pa - pb;
  if (a.ref.kind !== b.ref.kind) return (KIND_ORDER[a.ref.kind] ?? 9) - (KIND_ORDER[b.ref.kind] ?? 9);
  return a.ref.name < b.ref.name ? -1 : a.ref.name > b.ref.name ? 1 : 0;
}

export function byId(a: CompiledPolicy, b: CompiledPolicy): number {
  return a.ref.id < b.ref.id ? -1 : a.ref.id > b.ref.id ? 1 : 0;
}

/** The reference a Cilium policy goes by. */
export function ciliumRef(policy: CiliumPolicy): PolicyRef {
  return policyRef(policy.kind, policy.name, policy.namespace);
}

export const CALICO_KINDS: Record<CalicoPolicy['kind'], PolicyKind> = {
  NetworkPolicy: 'CalicoNetworkPolicy',
  GlobalNetworkPolicy: 'CalicoGlobalNetworkPolicy',
  StagedNetworkPolicy: 'CalicoStagedNetworkPolicy',
  StagedGlobalNetworkPolicy: 'CalicoStagedGlobalNetworkPolicy',
  StagedKubernetesNetworkPolicy: 'CalicoStagedKubernetesNetworkPolicy',
};

/** The reference a Calico policy goes by: `CalicoNetworkPolicy/ns/name`. */
export function calicoRef(policy: CalicoPolicy): PolicyRef {
  return policyRef(CALICO_KINDS[policy.kind], policy.name, policy.namespace);
}

/** Every policy object of the model, of every kind, with the reference it goes by and the object as read. */
export function modelPolicies(model: ClusterModel): { readonly ref: PolicyRef; readonly raw: unknown }[] {
  return [
    ...model.networkPolicies.map((p) => ({ ref: policyRef('NetworkPolicy', p.name, p.namespace), raw: p.raw })),
    ...model.adminPolicies.map((p) => ({ ref: policyRef(p.kind, p.name), raw: p.raw })),
    ...model.ciliumPolicies.map((p) => ({ ref: ciliumRef(p), raw: p.raw })),
    ...model.calicoPolicies.map((p) => ({ ref: calicoRef(p), raw: p.raw })),
  ];
}

/** The policies of the model a CNI does not enforce, with the reason in words (enforcement.ts). */
export function foreignPolicies(model: ClusterModel, cni: CniMode): NotEnforced[] {
  return modelPolicies(model).flatMap(({ ref, raw }) => {
    const reason = notEnforcedReason(ref.kind, raw, cni);
    return reason === undefined ? [] : [{ ref, reason }];
  });
}

export function policySetOf(cni: CniMode, tiers: readonly CompiledTier[], notEnforced: readonly NotEnforced[]): PolicySet {
  return { cni, tiers, all: tiers.flatMap((t) => t.policies), notEnforced };
}

/** The Kubernetes APIs: Admin tier, NetworkPolicies, Baseline tier (or nothing, for `none`). */
export function compileKubernetes(model: ClusterModel, cni: 'generic' | 'none'): PolicySet {
  if (cni === 'none') return policySetOf(cni, [], foreignPolicies(model, cni));
  const admin = model.adminPolicies.filter((p) => p.tier === 'Admin').map((p) => compileAdminPolicy(p, 0, p.priority)).sort(byPrecedence);
  const networkPolicies = model.networkPolicies.map((p) => compileNetworkPolicy(p, 1, null)).sort(byId);
  const baseline = model.adminPolicies.filter((p) => p.tier === 'Baseline').map((p) => compileAdminPolicy(p, 2, p.priority)).sort(byPrecedence);
  return policySetOf(
    cni,
    [
      { name: 'admin', kind: 'admin', endAction: 'Pass', policies: admin },
      { name: 'networkPolicy', kind: 'networkPolicy', endAction: 'Deny', policies: networkPolicies },
      { name: 'baseline', kind: 'baseline', endAction: 'Pass', policies: baseline },
    ],
    foreignPolicies(model, cni),
  );
}
