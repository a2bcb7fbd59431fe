import {
  matchesCalicoSelector,
  type CalicoEntityRule,
  type CalicoNetworkSet,
  type CalicoPolicy,
  type CalicoPort,
  type CalicoProtocol,
  type CalicoRule,
  type CalicoSelector,
  type ClusterModel,
  type Labels,
  type PolicyDirection,
  type Protocol,
} from '@palisade/cluster-model';
import { AddressRange, cidrRange } from './addresses';
import { byPrecedence, calicoRef, compileAdminPolicy, compileNetworkPolicy, foreignPolicies, policySetOf } from './compile-kubernetes';
import { namespaceLabelsOf } from './endpoints';
import { MAX_PORT, MIN_PORT, PortMatcher, PortSpec } from './ports';
import type { CalicoSelectorMatcher, CompiledPolicy, CompiledRule, CompiledTier, NotEnforced, PeerMatcher, PolicySet } from './policy-set';

/**
 * Calico (docs/cni.md, "Calico"). Tiers by order (name breaks ties); in each tier the policies
 * that apply to the pod, by order (unset last); their rules in order, first match decides
 * (Allow, Deny), Pass leaves the tier, Log goes on. A tier with a policy applying to the pod but
 * no decision ends with its default action (Deny unless set to Pass). Kubernetes
 * NetworkPolicies sit in the default tier at order 1000; the admin policies have tiers of their
 * own before it (order 1000) and after it (order 10,000,000), both ending with Pass. With no tier
 * applying, the namespace's profile allows.
 */

/** Calico reads a tier without order as 1,000,000: the default tier's own. */
const DEFAULT_TIER_ORDER = 1_000_000;
/** The admin tiers: `adminnetworkpolicy`/`baselineadminnetworkpolicy` up to 3.31, `kube-admin`/`kube-baseline` since 3.32. */
const ADMIN_TIERS = [
  { name: 'adminnetworkpolicy', order: 1000 },
  { name: 'kube-admin', order: 1000 },
];
const BASELINE_TIERS = [
  { name: 'baselineadminnetworkpolicy', order: 10_000_000 },
  { name: 'kube-baseline', order: 10_000_000 },
];
/** Where Calico puts a Kubernetes NetworkPolicy in the default tier, and the BANP in its tier. */
const KUBERNETES_ORDER = 1000;

interface TierDraft {
  readonly name: string;
  readonly order: number;
  readonly endAction: 'Deny' | 'Pass';
  readonly kind: CompiledTier['kind'];
  /** Named by policies only: Calico puts it after every real tier. */
  readonly missing: boolean;
}

const ALL_PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

function protocolOf(protocol: CalicoProtocol): Protocol | null {
  if (protocol === 'TCP' || protocol === 6) return 'TCP';
  if (protocol === 'UDP' || protocol === 17) return 'UDP';
  if (protocol === 'SCTP' || protocol === 132) return 'SCTP';
  // ICMP, UDPLite and other protocols carry none of the ports Palisade judges.
  return null;
}

function protocolsOf(rule: CalicoRule): Protocol[] {
  const wanted = rule.protocol === undefined ? [...ALL_PROTOCOLS] : [protocolOf(rule.protocol)].filter((p): p is Protocol => p !== null);
  const excluded = rule.notProtocol === undefined ? null : protocolOf(rule.notProtocol);
  return wanted.filter((p) => p !== excluded);
}

function portMatchers(ports: readonly CalicoPort[], protocols: readonly Protocol[], named: Protocol | null): PortMatcher[] {
  return ports.flatMap((port): PortMatcher[] =>
    port.kind === 'named'
      ? [{ kind: 'named', name: port.name, protocol: named }]
      : protocols.map((protocol) => ({ kind: 'range', protocol, from: port.from, to: port.to })),
  );
}

/** The destination ports a rule matches: its protocols, its `ports`, less its `notPorts`. */
function portsOf(rule: CalicoRule): { ports: PortSpec; notPorts?: PortSpec } {
  const protocols = protocolsOf(rule);
  // A named port alone matches the port of that name with whatever protocol it has.
  const named = rule.protocol === undefined ? null : protocolOf(rule.protocol);
  const destination = rule.destination;
  let ports: PortSpec;
  if (destination.ports.length > 0) ports = portMatchers(destination.ports, protocols, named);
  else if (protocols.length === ALL_PROTOCOLS.length) ports = 'all';
  else ports = protocols.map((protocol): PortMatcher => ({ kind: 'range', protocol, from: MIN_PORT, to: MAX_PORT }));
  const notPorts = destination.notPorts.length > 0 ? portMatchers(destination.notPorts, protocols, named) : undefined;
  return { ports, ...(notPorts ? { notPorts } : {}) };
}

function ranges(cidrs: readonly string[]): AddressRange[] {
  return cidrs.map((c) => cidrRange(c.includes('/') ? c : c.includes(':') ? `${c}/128` : `${c}/32`)).filter((r): r is AddressRange => r !== undefined);
}

/** What a network set looks like to a selector: its labels, its namespace and the namespace's. */
function networkSetLabel(set: CalicoNetworkSet, namespaceLabels: ReadonlyMap<string, Labels>, key: string): string | undefined {
  const own = set.labels[key];
  if (own !== undefined) return own;
  if (set.namespace === undefined) return undefined;
  if (key === 'projectcalico.org/namespace' || key === 'pcns.projectcalico.org/name') return set.namespace;
  if (key.startsWith('pcns.')) return namespaceLabels.get(set.namespace)?.[key.slice('pcns.'.length)];
  return undefined;
}

class CalicoCompiler {
  private readonly namespaceLabels: ReadonlyMap<string, Labels>;

  constructor(private readonly model: ClusterModel) {
    this.namespaceLabels = namespaceLabelsOf(model);
  }

  private selectorMatcher(selector: CalicoSelector): CalicoSelectorMatcher {
    const netsets = this.model.networkSets
      .filter((set) => matchesCalicoSelector(selector.expression, (key) => networkSetLabel(set, this.namespaceLabels, key)))
      .flatMap((set) => ranges(set.nets));
    return { expression: selector.expression, text: selector.text, netsets };
  }

  /** One side of a rule as a peer matcher, or null when the side says nothing. */
  side(entity: CalicoEntityRule, ipVersion: 4 | 6 | undefined): PeerMatcher | null {
    if (entity.services) {
      return { kind: 'unresolvable', reason: `the Service ${entity.services.namespace}/${entity.services.name} (matched through its EndpointSlices, which are not collected)` };
    }
    const familyNets = ipVersion === undefined ? null : ranges([ipVersion === 4 ? '0.0.0.0/0' : '::/0']);
    const nets = entity.nets.length > 0 ? ranges(entity.nets) : familyNets;
    if (nets === null && entity.notNets.length === 0 && !entity.selector && !entity.notSelector) return null;
    const text = [
      entity.selector ? `selector ${entity.selector.text}` : '',
      entity.notSelector ? `notSelector ${entity.notSelector.text}` : '',
      entity.nets.length ? `nets ${entity.nets.join(', ')}` : '',
      entity.notNets.length ? `notNets ${entity.notNets.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    return {
      kind: 'calico',
      text,
      nets,
      notNets: ranges(entity.notNets),
      selector: entity.selector ? this.selectorMatcher(entity.selector) : null,
      notSelector: entity.notSelector ? this.selectorMatcher(entity.notSelector) : null,
    };
  }

  rules(policy: CalicoPolicy, direction: PolicyDirection): CompiledRule[] {
    const ref = calicoRef(policy);
    const list = direction === 'Ingress' ? policy.ingress : policy.egress;
    return list.map((rule, index) => {
      const peerSide = direction === 'Ingress' ? rule.source : rule.destination;
      const ownSide = direction === 'Ingress' ? rule.destination : rule.source;
      const peer = this.side(peerSide, rule.ipVersion);
      // The subject's own side: ports are the destination's (handled as ports); the rest filters the subject.
      const own = this.side({ ...ownSide, ports: [], notPorts: [] }, undefined);
      return {
        policy: ref,
        direction,
        index,
        action: rule.action,
        peers: [peer ?? { kind: 'all' }],
        ...portsOf(rule),
        ...(rule.conditional ? { conditional: rule.conditional } : {}),
        ...(own ? { subjectSide: own } : {}),
      };
    });
  }
}

function calicoOrder(a: CompiledPolicy, b: CompiledPolicy): number {
  const pa = a.priority ?? Number.POSITIVE_INFINITY;
  const pb = b.priority ?? Number.POSITIVE_INFINITY;
  if (pa !== pb) return pa - pb;
  // Calico 3.32 breaks ties by name, then namespace, then kind.
  const key = (p: CompiledPolicy) => `${p.ref.name}/${p.ref.namespace ?? ''}/${p.ref.kind}`;
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

export function compileCalico(model: ClusterModel): PolicySet {
  const notEnforced: NotEnforced[] = foreignPolicies(model, 'calico');
  const drafts = new Map<string, TierDraft>();
  const addTier = (draft: TierDraft) => {
    if (!drafts.has(draft.name)) drafts.set(draft.name, draft);
  };
  for (const tier of model.calicoTiers) {
    addTier({ name: tier.name, order: tier.order, endAction: tier.defaultAction, kind: 'calico', missing: false });
  }
  addTier({ name: 'default', order: DEFAULT_TIER_ORDER, endAction: 'Deny', kind: 'calico', missing: false });
  // The admin policies go to the admin tier of the Calico version the cluster's own policies
  // name (3.32's kube-admin), else the older one; Calico policies may join either.
  const named = new Set(model.calicoPolicies.map((p) => p.tier));
  const adminTier = ADMIN_TIERS.find((t) => named.has(t.name)) ?? ADMIN_TIERS[0];
  const baselineTier = BASELINE_TIERS.find((t) => named.has(t.name)) ?? BASELINE_TIERS[0];
  for (const tier of [...ADMIN_TIERS, ...BASELINE_TIERS]) {
    const admin = ADMIN_TIERS.includes(tier);
    const used = named.has(tier.name) || (tier === adminTier && model.adminPolicies.some((p) => p.tier === 'Admin')) || (tier === baselineTier && model.adminPolicies.some((p) => p.tier === 'Baseline'));
    if (used) addTier({ ...tier, endAction: 'Pass', kind: admin ? 'admin' : 'baseline', missing: false });
  }

  // Staged policies and host-endpoint-only ones are listed by foreignPolicies, not evaluated.
  const skipped = new Set(notEnforced.map((n) => n.ref.id));
  const enforced = model.calicoPolicies.filter((policy) => !skipped.has(calicoRef(policy).id));
  for (const policy of enforced) {
    // A tier only policies name: Calico evaluates it after every tier that exists, ending in Deny.
    addTier({ name: policy.tier, order: Number.POSITIVE_INFINITY, endAction: 'Deny', kind: 'calico', missing: true });
  }

  const ordered = [...drafts.values()].sort((a, b) => (a.missing !== b.missing ? (a.missing ? 1 : -1) : a.order !== b.order ? a.order - b.order : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const tierIndex = new Map(ordered.map((t, i) => [t.name, i]));
  const policies: CompiledPolicy[][] = ordered.map(() => []);

  const compiler = new CalicoCompiler(model);
  for (const policy of enforced) {
    const tier = tierIndex.get(policy.tier) as number;
    policies[tier].push({
      ref: calicoRef(policy),
      tier,
      priority: policy.order,
      subject: { kind: 'calico', expression: policy.selector.expression, text: policy.selector.text },
      ingress: policy.types.includes('Ingress') ? compiler.rules(policy, 'Ingress') : null,
      egress: policy.types.includes('Egress') ? compiler.rules(policy, 'Egress') : null,
      isolates: { ingress: policy.types.includes('Ingress'), egress: policy.types.includes('Egress') },
    });
  }
  const defaultTier = tierIndex.get('default') as number;
  for (const np of model.networkPolicies) policies[defaultTier].push(compileNetworkPolicy(np, defaultTier, KUBERNETES_ORDER));
  for (const admin of model.adminPolicies) {
    const tier = tierIndex.get(admin.tier === 'Admin' ? adminTier.name : baselineTier.name) as number;
    // The BANP sits at order 1000 of its tier; the others at their priority.
    policies[tier].push(compileAdminPolicy(admin, tier, admin.priority ?? KUBERNETES_ORDER));
  }

  const tiers: CompiledTier[] = ordered.map((draft, i) => ({
    name: draft.name,
    kind: draft.kind,
    endAction: draft.endAction,
    policies: policies[i].sort(draft.kind === 'calico' ? calicoOrder : (a, b) => calicoOrder(a, b) || byPrecedence(a, b)),
  }));
  return policySetOf('calico', tiers, notEnforced);
}
