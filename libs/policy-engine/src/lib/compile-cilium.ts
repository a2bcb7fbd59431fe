import type {
  CiliumCidrGroupRef,
  CiliumEntity,
  CiliumPolicy,
  CiliumPolicySpec,
  CiliumPortRule,
  CiliumRule,
  CiliumSelector,
  ClusterModel,
  PolicyDirection,
} from '@palisade/cluster-model';
import { addressPeer, byId, ciliumRef, compileNetworkPolicy, foreignPolicies, policySetOf } from './compile-kubernetes';
import { CILIUM_NAMESPACE_LABEL } from './cilium-labels';
import { MAX_PORT, MIN_PORT, PortMatcher, PortSpec } from './ports';
import type { CompiledPolicy, CompiledRule, NotEnforced, PeerMatcher, PolicyRef, PolicySet } from './policy-set';
import { describeSelector, matchesSelector } from './selector';

/**
 * Cilium (docs/cni.md, "Cilium"). Allows of NetworkPolicies, CiliumNetworkPolicies and
 * CiliumClusterwideNetworkPolicies selecting a pod add up; any deny wins over every allow; a
 * direction is isolated once a policy with rules for it (and default deny on) selects the pod.
 * As tiers: first every deny rule (a match denies, no match passes on), then every allow rule
 * (a match allows; with an isolating policy, no match denies).
 */

const DENY_TIER = 0;
const ALLOW_TIER = 1;

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;

function portSpecOf(rules: readonly CiliumPortRule[]): PortMatcher[] {
  return rules.flatMap((rule) =>
    rule.ports.flatMap((p): PortMatcher[] => {
      const protocols = p.protocol === 'ANY' ? PROTOCOLS : [p.protocol];
      if (typeof p.port === 'string' && !/^\d+$/.test(p.port)) {
        // Named ports resolve against the destination pod's container ports (endPort ignored).
        return [{ kind: 'named', name: p.port, protocol: p.protocol === 'ANY' ? null : p.protocol }];
      }
      const port = Number(p.port);
      const from = port === 0 ? MIN_PORT : port;
      const to = port === 0 ? MAX_PORT : (p.endPort ?? port);
      return protocols.map((protocol) => ({ kind: 'range', protocol, from, to }));
    }),
  );
}

function entityPeer(entity: CiliumEntity): PeerMatcher | null {
  switch (entity) {
    case 'all':
      return { kind: 'all' };
    case 'world':
      return { kind: 'outside', text: 'world' };
    case 'world-ipv4':
      return addressPeer('world-ipv4', '0.0.0.0/0', [], false);
    case 'world-ipv6':
      return addressPeer('world-ipv6', '::/0', [], false);
    case 'cluster':
      return { kind: 'cluster', text: 'cluster' };
    case 'host':
    case 'remote-node':
      // Palisade does not tell a pod's own node from the others: both stand for node traffic.
      return { kind: 'node-traffic', text: entity };
    case 'none':
      return null;
    case 'kube-apiserver':
      return { kind: 'unresolvable', reason: 'the kube-apiserver entity (the API server\'s addresses are not collected)' };
    case 'health':
    case 'init':
    case 'ingress':
    case 'unmanaged':
      return { kind: 'unresolvable', reason: `the ${entity} entity (Cilium's own ${entity === 'ingress' ? 'Envoy proxy' : 'endpoints'}, not a pod Palisade sees)` };
  }
}

function servicePeers(model: ClusterModel, rule: Extract<CiliumRule['peers'], { kind: 'services' }>): PeerMatcher[] {
  const peers: PeerMatcher[] = [];
  for (const ref of rule.services) {
    const services = model.services.filter(
      (s) =>
        (ref.namespace === undefined || s.namespace === ref.namespace) &&
        (ref.name === undefined || s.name === ref.name) &&
        (ref.selector === undefined ||
          (Object.entries(ref.selector.matchLabels).every(([k, v]) => s.labels[k] === v) && ref.selector.matchExpressions.length === 0)),
    );
    for (const service of services) {
      if (service.selector === null) {
        // Without a selector, the Service's EndpointSlices name its addresses: CIDRs to Cilium,
        // so they never match a pod or a node.
        const addresses = model.endpointSlices.filter((e) => e.namespace === service.namespace && e.serviceName === service.name).flatMap((e) => e.addresses);
        if (addresses.length === 0) peers.push({ kind: 'unresolvable', reason: `Service ${service.namespace}/${service.name} has no selector and no EndpointSlice in the input` });
        for (const address of new Set(addresses)) {
          peers.push(addressPeer(`${address} (Service ${service.namespace}/${service.name})`, `${address}/${address.includes(':') ? 128 : 32}`, [], false));
        }
        continue;
      }
      // A Service with a selector stands for its backend pods (Cilium >= 1.17).
      const requirements = [
        { source: 'k8s' as const, key: CILIUM_NAMESPACE_LABEL, operator: 'In' as const, values: [service.namespace] },
        ...Object.entries(service.selector).map(([key, value]) => ({ source: 'k8s' as const, key, operator: 'In' as const, values: [value] })),
      ];
      peers.push({ kind: 'cilium-endpoints', selector: { requirements, text: `Service ${service.namespace}/${service.name}` } });
    }
  }
  return peers;
}

function cidrGroupPeers(model: ClusterModel, groups: readonly CiliumCidrGroupRef[]): PeerMatcher[] {
  return groups.flatMap((ref): PeerMatcher[] => {
    const found = model.ciliumCidrGroups.filter((g) => (ref.name !== undefined ? g.name === ref.name : ref.selector !== undefined && matchesSelector(ref.selector, g.labels)));
    const what = ref.name !== undefined ? `CiliumCIDRGroup ${ref.name}` : `CiliumCIDRGroups selected by ${describeSelector(ref.selector ?? { matchLabels: {}, matchExpressions: [] })}`;
    if (found.length === 0) return [{ kind: 'unresolvable', reason: `${what}: none in the input` }];
    const except = ref.except.length ? ` except ${ref.except.join(', ')}` : '';
    return found.flatMap((group) => group.cidrs.map((cidr) => addressPeer(`${cidr}${except} (CiliumCIDRGroup ${group.name})`, cidr, ref.except, false)));
  });
}

function peersOf(model: ClusterModel, rule: CiliumRule): { peers: PeerMatcher[]; conditional?: string } {
  const p = rule.peers;
  switch (p.kind) {
    case 'any':
      return { peers: [{ kind: 'all' }] };
    case 'endpoints':
      return { peers: p.selectors.map((selector): PeerMatcher => ({ kind: 'cilium-endpoints', selector })) };
    case 'entities':
      return { peers: p.entities.map(entityPeer).filter((x): x is PeerMatcher => x !== null) };
    case 'cidrs':
      return {
        peers: [
          ...p.cidrs.map((c) => addressPeer(c.except.length ? `${c.cidr} except ${c.except.join(', ')}` : c.cidr, c.cidr, c.except, false)),
          ...cidrGroupPeers(model, p.groups),
        ],
      };
    case 'services':
      return { peers: servicePeers(model, p) };
    case 'fqdns':
      // Only the addresses DNS answered for these names: some outside address, never a pod.
      return { peers: [{ kind: 'outside', text: `DNS names ${p.names.join(', ')}` }], conditional: `DNS names (toFQDNs: ${p.names.join(', ')})` };
    case 'nodes':
      return { peers: p.selectors.map((nodeSelector): PeerMatcher => ({ kind: 'nodes', nodeSelector })) };
    case 'groups':
      return { peers: [{ kind: 'unresolvable', reason: 'cloud provider groups (toGroups / fromGroups)' }] };
  }
}

function compileRules(
  model: ClusterModel,
  ref: PolicyRef,
  direction: PolicyDirection,
  rules: readonly CiliumRule[],
  list: string,
  action: 'Allow' | 'Deny',
): CompiledRule[] {
  return rules.flatMap((rule, index): CompiledRule[] => {
    // A rule without any peer and without ports (`{}`) matches nothing: it only isolates (and
    // may carry fromRequires for the endpoint's other rules).
    if (rule.peers.kind === 'any' && rule.toPorts === null && !rule.icmpOnly) {
      return rule.requires.length > 0 ? [{ policy: ref, direction, index, list, action, peers: [], ports: 'all', requires: rule.requires }] : [];
    }
    const { peers, conditional: peerConditional } = peersOf(model, rule);
    const base = {
      policy: ref,
      direction,
      index,
      list,
      action,
      peers,
      ...(rule.requires.length > 0 ? { requires: rule.requires } : {}),
    };
    const whole = (ports: PortSpec, conditional: string | undefined): CompiledRule => {
      const reason = action === 'Allow' ? [peerConditional, rule.conditional, conditional].filter(Boolean).join('; ') : '';
      return { ...base, ports, ...(reason ? { conditional: reason } : {}) };
    };
    if (rule.icmpOnly) return [whole([], undefined)];
    if (rule.toPorts === null || rule.toPorts.length === 0) return [whole('all', undefined)];
    // One compiled rule per toPorts entry: each may carry its own L7 restriction.
    return rule.toPorts.map((portRule) => whole(portSpecOf([portRule]), portRule.conditional));
  });
}

function hasRules(rules: readonly CiliumRule[] | null): boolean {
  return rules !== null && rules.length > 0;
}

function compileSpec(model: ClusterModel, policy: CiliumPolicy, spec: CiliumPolicySpec, specIndex: number, selector: CiliumSelector): CompiledPolicy[] {
  const ref = ciliumRef(policy);
  const prefix = policy.specs.length > 1 ? `specs[${specIndex}].` : '';
  const subject = { kind: 'cilium' as const, selector };
  const allowPart: CompiledPolicy = {
    ref,
    tier: ALLOW_TIER,
    priority: null,
    subject,
    // Taking part in a direction: rules (allow or deny) for it. `ingress: []` alone does not.
    ingress: hasRules(spec.ingress) || hasRules(spec.ingressDeny) ? compileRules(model, ref, 'Ingress', spec.ingress ?? [], `${prefix}ingress`, 'Allow') : null,
    egress: hasRules(spec.egress) || hasRules(spec.egressDeny) ? compileRules(model, ref, 'Egress', spec.egress ?? [], `${prefix}egress`, 'Allow') : null,
    isolates: { ingress: spec.defaultDeny.ingress, egress: spec.defaultDeny.egress },
  };
  const parts = [allowPart];
  if (hasRules(spec.ingressDeny) || hasRules(spec.egressDeny)) {
    parts.push({
      ref,
      tier: DENY_TIER,
      priority: null,
      subject,
      ingress: hasRules(spec.ingressDeny) ? compileRules(model, ref, 'Ingress', spec.ingressDeny ?? [], `${prefix}ingressDeny`, 'Deny') : null,
      egress: hasRules(spec.egressDeny) ? compileRules(model, ref, 'Egress', spec.egressDeny ?? [], `${prefix}egressDeny`, 'Deny') : null,
      isolates: { ingress: false, egress: false },
    });
  }
  return parts;
}

export function compileCilium(model: ClusterModel): PolicySet {
  const deny: CompiledPolicy[] = [];
  const allow: CompiledPolicy[] = model.networkPolicies.map((p) => compileNetworkPolicy(p, ALLOW_TIER, null, false));
  const notEnforced: NotEnforced[] = foreignPolicies(model, 'cilium');
  for (const policy of model.ciliumPolicies) {
    policy.specs.forEach((spec, index) => {
      // Host rules (nodeSelector) apply to nodes, not pods: a policy of host rules only is
      // listed as not enforced (foreignPolicies); host rules beside endpoint rules are left out.
      if (spec.subject.kind === 'nodes') return;
      for (const part of compileSpec(model, policy, spec, index, spec.subject.selector)) (part.tier === DENY_TIER ? deny : allow).push(part);
    });
  }
  return policySetOf(
    'cilium',
    [
      { name: 'deny rules', kind: 'cilium-deny', endAction: 'Pass', policies: deny.sort(byId) },
      { name: 'allow rules', kind: 'cilium', endAction: 'Deny', policies: allow.sort(byId) },
    ],
    notEnforced,
  );
}
