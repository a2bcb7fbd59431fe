import { NAMESPACE_NAME_LABEL } from './plan';
import type { EgressRule, IngressRule, NetworkPolicySpec, PolicyPeer, PolicyPort, Selector } from './policies';
import type { Random } from './random';
import type { Protocol } from './workloads';

/**
 * A NetworkPolicy rewritten as the network plugin's own kind (docs/cni.md), with the same meaning
 * at L3/L4: what a team that moved to Cilium or Calico writes instead.
 */

type Direction = 'ingress' | 'egress';
type JsonObject = Record<string, unknown>;

/** A policy object without its metadata. */
export interface PolicyBody {
  readonly apiVersion: string;
  readonly kind: string;
  readonly spec: object;
}

function rulesOf(spec: NetworkPolicySpec, direction: Direction): readonly (IngressRule | EgressRule)[] {
  return (direction === 'ingress' ? spec.ingress : spec.egress) ?? [];
}

function peersOf(rule: IngressRule | EgressRule, direction: Direction): readonly PolicyPeer[] {
  return (direction === 'ingress' ? (rule as IngressRule).from : (rule as EgressRule).to) ?? [];
}

function isolates(spec: NetworkPolicySpec, direction: Direction): boolean {
  return spec.policyTypes.includes(direction === 'ingress' ? 'Ingress' : 'Egress');
}

// --- Cilium -----------------------------------------------------------------------------------

const CILIUM_NAMESPACE_KEY = 'k8s:io.kubernetes.pod.namespace';
const CILIUM_NAMESPACE_LABELS_PREFIX = 'k8s:io.cilium.k8s.namespace.labels.';
/** The share of eligible ingress rules given an L7 rule, so some verdicts are conditional. */
const L7_SHARE = 0.1;

/** Cilium gives pods their namespace's name as a label of its own, the other namespace labels under a prefix. */
function ciliumNamespaceKey(key: string): string {
  return key === NAMESPACE_NAME_LABEL ? CILIUM_NAMESPACE_KEY : `${CILIUM_NAMESPACE_LABELS_PREFIX}${key}`;
}

/**
 * A peer's pods as one endpoint selector. A pod selector alone stays as it is: Cilium confines
 * it to the policy's namespace, as the NetworkPolicy does. A namespace selector becomes
 * requirements on the namespace labels Cilium puts on pods; an empty one names the namespace key
 * (any value), since a selector naming no namespace would be confined to the policy's own.
 */
function endpointSelectorOf(peer: PolicyPeer): Selector {
  const pods = peer.podSelector ?? {};
  const namespaces = peer.namespaceSelector;
  if (namespaces === undefined) return pods;
  const namespaceLabels = Object.entries(namespaces.matchLabels ?? {}).map(([key, value]) => [ciliumNamespaceKey(key), value]);
  const namespaceExpressions = (namespaces.matchExpressions ?? []).map((e) => ({ ...e, key: ciliumNamespaceKey(e.key) }));
  const anyNamespace =
    namespaceLabels.length + namespaceExpressions.length === 0 ? [{ key: CILIUM_NAMESPACE_KEY, operator: 'Exists' }] : [];
  const matchLabels = { ...pods.matchLabels, ...Object.fromEntries(namespaceLabels) };
  const matchExpressions = [...(pods.matchExpressions ?? []), ...namespaceExpressions, ...anyNamespace];
  return {
    ...(Object.keys(matchLabels).length > 0 && { matchLabels }),
    ...(matchExpressions.length > 0 && { matchExpressions }),
  };
}

/**
 * The peer fields of the Cilium rules standing for one NetworkPolicy rule: Cilium takes one kind
 * of peer per rule, so pods and CIDRs go to rules of their own; no peer at all is every peer.
 */
function ciliumPeerFields(peers: readonly PolicyPeer[], direction: Direction): JsonObject[] {
  const prefix = direction === 'ingress' ? 'from' : 'to';
  if (peers.length === 0) return [{ [`${prefix}Entities`]: ['all'] }];
  const endpoints = peers.filter((p) => p.ipBlock === undefined).map(endpointSelectorOf);
  const cidrs = peers.flatMap(({ ipBlock }) =>
    ipBlock === undefined ? [] : [{ cidr: ipBlock.cidr, ...(ipBlock.except !== undefined && ipBlock.except.length > 0 && { except: ipBlock.except }) }],
  );
  return [
    ...(endpoints.length > 0 ? [{ [`${prefix}Endpoints`]: endpoints }] : []),
    ...(cidrs.length > 0 ? [{ [`${prefix}CIDRSet`]: cidrs }] : []),
  ];
}

function ciliumPorts(ports: readonly PolicyPort[]): JsonObject[] {
  // Port 0 is Cilium's "every port", as a NetworkPolicy port without a number is.
  return ports.map((p) => ({ port: String(p.port ?? 0), ...(p.endPort !== undefined && { endPort: p.endPort }), protocol: p.protocol }));
}

/** Cilium applies L7 rules to TCP only, and port ranges with them are not supported. */
function takesL7(ports: readonly PolicyPort[]): boolean {
  return ports.length > 0 && ports.every((p) => p.protocol === 'TCP' && p.port !== undefined && p.endPort === undefined);
}

function ciliumRules(spec: NetworkPolicySpec, direction: Direction, rng: Random): JsonObject[] {
  // A direction the policy isolates without allowing anything: Cilium's empty rule does that.
  if (rulesOf(spec, direction).length === 0) return [{}];
  return rulesOf(spec, direction).flatMap((rule) => {
    const ports = rule.ports ?? [];
    return ciliumPeerFields(peersOf(rule, direction), direction).map((peerFields) => {
      if (ports.length === 0) return peerFields;
      const fromPods = direction === 'ingress' && 'fromEndpoints' in peerFields;
      const l7 = fromPods && takesL7(ports) && rng.chance(L7_SHARE);
      return { ...peerFields, toPorts: [{ ports: ciliumPorts(ports), ...(l7 && { rules: { http: [{ method: 'GET' }] } }) }] };
    });
  });
}

/** A CiliumNetworkPolicy; `rng` decides which ingress rules from pods also get an L7 rule. */
export function ciliumPolicyOf(spec: NetworkPolicySpec, rng: Random): PolicyBody {
  return {
    apiVersion: 'cilium.io/v2',
    kind: 'CiliumNetworkPolicy',
    spec: {
      endpointSelector: spec.podSelector,
      ...(isolates(spec, 'ingress') && { ingress: ciliumRules(spec, 'ingress', rng) }),
      ...(isolates(spec, 'egress') && { egress: ciliumRules(spec, 'egress', rng) }),
    },
  };
}

// --- Calico -----------------------------------------------------------------------------------

function calicoSet(values: readonly string[] = []): string {
  return `{${values.map((v) => `'${v}'`).join(', ')}}`;
}

function calicoExpression({ key, operator, values }: NonNullable<Selector['matchExpressions']>[number]): string {
  switch (operator) {
    case 'In':
      return `${key} in ${calicoSet(values)}`;
    case 'NotIn':
      return `${key} not in ${calicoSet(values)}`;
    case 'Exists':
      return `has(${key})`;
    case 'DoesNotExist':
      return `!has(${key})`;
    default:
      throw new Error(`no Calico spelling for the selector operator ${operator}`);
  }
}

/** A label selector in Calico's selector language. */
export function calicoSelector(selector: Selector): string {
  const terms = [
    ...Object.entries(selector.matchLabels ?? {}).map(([key, value]) => `${key} == '${value}'`),
    ...(selector.matchExpressions ?? []).map(calicoExpression),
  ];
  return terms.length === 0 ? 'all()' : terms.join(' && ');
}

/**
 * The peer side of a Calico rule. A `selector` without `namespaceSelector` selects in the
 * policy's namespace, as a NetworkPolicy's podSelector does; `nets` match pod addresses too,
 * which the generated ipBlocks except.
 */
function calicoPeerSide(peer: PolicyPeer): JsonObject {
  if (peer.ipBlock !== undefined) {
    const except = peer.ipBlock.except ?? [];
    return { nets: [peer.ipBlock.cidr], ...(except.length > 0 && { notNets: except }) };
  }
  return {
    ...(peer.podSelector !== undefined && { selector: calicoSelector(peer.podSelector) }),
    ...(peer.namespaceSelector !== undefined && { namespaceSelector: calicoSelector(peer.namespaceSelector) }),
  };
}

/** Calico spells a range `from:to`. */
function calicoPort(port: PolicyPort): number | string | undefined {
  return port.endPort !== undefined ? `${String(port.port)}:${port.endPort}` : port.port;
}

/**
 * A Calico rule has one protocol: the ports by protocol, in order of appearance; one entry
 * without protocol (every protocol and port) when the rule names no port. A port without a
 * number opens every port of its protocol.
 */
function portsByProtocol(ports: readonly PolicyPort[]): { protocol?: Protocol; ports: (number | string)[] }[] {
  if (ports.length === 0) return [{ ports: [] }];
  const protocols = [...new Set(ports.map((p) => p.protocol))];
  return protocols.map((protocol) => {
    const ofProtocol = ports.filter((p) => p.protocol === protocol).map(calicoPort);
    return { protocol, ports: ofProtocol.some((p) => p === undefined) ? [] : (ofProtocol as (number | string)[]) };
  });
}

function calicoRules(spec: NetworkPolicySpec, direction: Direction): JsonObject[] {
  return rulesOf(spec, direction).flatMap((rule) => {
    const peers = peersOf(rule, direction);
    const sides = peers.length > 0 ? peers.map(calicoPeerSide) : [{}];
    return sides.flatMap((side) =>
      portsByProtocol(rule.ports ?? []).map(({ protocol, ports }) => {
        const portsField = ports.length > 0 ? { ports } : {};
        const [source, destination] = direction === 'ingress' ? [side, portsField] : [{}, { ...side, ...portsField }];
        return {
          action: 'Allow',
          ...(protocol !== undefined && { protocol }),
          ...(Object.keys(source).length > 0 && { source }),
          ...(Object.keys(destination).length > 0 && { destination }),
        };
      }),
    );
  });
}

/**
 * A Calico NetworkPolicy in the default tier. `types` is written out: a type without rules
 * isolates that direction and allows nothing, as the NetworkPolicy's policyTypes do.
 */
export function calicoPolicyOf(spec: NetworkPolicySpec): PolicyBody {
  const ingress = calicoRules(spec, 'ingress');
  const egress = calicoRules(spec, 'egress');
  return {
    apiVersion: 'projectcalico.org/v3',
    kind: 'NetworkPolicy',
    spec: {
      selector: calicoSelector(spec.podSelector),
      types: spec.policyTypes,
      ...(ingress.length > 0 && { ingress }),
      ...(egress.length > 0 && { egress }),
    },
  };
}
