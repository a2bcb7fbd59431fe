import type {
  CalicoEntityRule,
  CalicoExpression,
  CalicoNetworkSet,
  CalicoPolicy,
  CalicoPort,
  CalicoRule,
  CalicoSelector,
  CalicoTier,
  CiliumEntity,
  CiliumPolicy,
  CiliumPortRule,
  CiliumRequirement,
  CiliumRule,
  CiliumSelector,
  ClusterModel,
  PolicyDirection,
} from '@palisade/cluster-model';
import { canonicalCalicoSelector } from '@palisade/cluster-model';
import { mulberry32, randomWorld } from './random-world';

/**
 * Random clusters with Cilium or Calico policies on top of the Kubernetes ones of randomWorld,
 * for the differential test: every peer kind, deny and default-deny variants, L7 (conditional)
 * rules, tiers with Pass and Log, nets and network sets, notPorts and notProtocol.
 */

type Rnd = { pick<T>(items: readonly T[]): T; chance(p: number): boolean; int(n: number): number };

function rng(seed: number): Rnd {
  const rnd = mulberry32(seed * 7919 + 13);
  return {
    pick: (items) => items[Math.floor(rnd() * items.length)],
    chance: (p) => rnd() < p,
    int: (n) => Math.floor(rnd() * n),
  };
}

// ---- Cilium ----

function ciliumSelector(r: Rnd, namespace: string | null, nsNames: readonly string[], peer: boolean): CiliumSelector {
  const requirements: CiliumRequirement[] = [];
  const roll = r.int(5);
  if (roll === 1) requirements.push({ source: r.pick(['any', 'k8s'] as const), key: 'app', operator: 'In', values: [r.pick(['x', 'y', 'z'])] });
  if (roll === 2) requirements.push({ source: 'any', key: 'app', operator: r.pick(['In', 'NotIn'] as const), values: ['x', 'z'] });
  if (roll === 3) requirements.push({ source: 'k8s', key: 'tier', operator: r.pick(['Exists', 'DoesNotExist'] as const), values: [] });
  if (roll === 4) requirements.push({ source: 'any', key: 'io.cilium.k8s.policy.serviceaccount', operator: 'In', values: [r.pick(['default', 'robot'])] });
  // As Cilium parses it: the policy's namespace, any namespace (clusterwide), or one the selector names.
  const namesNamespace = peer && r.chance(0.3);
  if (namesNamespace) {
    requirements.push(
      r.chance(0.5)
        ? { source: 'k8s', key: 'io.kubernetes.pod.namespace', operator: 'In', values: [r.pick(nsNames)] }
        : { source: 'k8s', key: 'io.cilium.k8s.namespace.labels.team', operator: 'In', values: [r.pick(['red', 'blue'])] },
    );
  } else if (namespace !== null) {
    requirements.push({ source: 'k8s', key: 'io.kubernetes.pod.namespace', operator: 'In', values: [namespace] });
  } else if (peer) {
    requirements.push({ source: 'k8s', key: 'io.kubernetes.pod.namespace', operator: 'Exists', values: [] });
  }
  return { requirements, text: JSON.stringify(requirements) };
}

function ciliumPorts(r: Rnd, allowL7: boolean): CiliumPortRule[] | null {
  if (r.chance(0.35)) return null;
  return Array.from({ length: 1 + r.int(2) }, () => ({
    ports: [
      r.pick([
        { port: 80, protocol: 'TCP' as const },
        { port: 80, endPort: 8080, protocol: 'TCP' as const },
        { port: 0, protocol: r.pick(['TCP', 'UDP', 'ANY'] as const) },
        { port: r.pick(['web', 'api']), protocol: r.pick(['TCP', 'ANY'] as const) },
        { port: 53, protocol: 'ANY' as const },
        { port: 81, protocol: 'SCTP' as const },
      ]),
    ],
    ...(allowL7 && r.chance(0.25) ? { conditional: 'L7 HTTP rules' } : {}),
  }));
}

function ciliumRule(r: Rnd, namespace: string | null, nsNames: readonly string[], allow: boolean): CiliumRule {
  const kind = r.int(6);
  const peers: CiliumRule['peers'] =
    kind === 0
      ? { kind: 'any' }
      : kind === 1
        ? { kind: 'endpoints', selectors: Array.from({ length: r.int(3) }, () => ciliumSelector(r, namespace, nsNames, true)) }
        : kind === 2
          ? { kind: 'entities', entities: Array.from({ length: 1 + r.int(2) }, () => r.pick<CiliumEntity>(['world', 'cluster', 'all', 'host', 'remote-node', 'none', 'health'])) }
          : kind === 3
            ? { kind: 'cidrs', cidrs: [r.pick([{ cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] }, { cidr: '10.0.0.0/16', except: [] }, { cidr: '8.8.8.0/24', except: [] }, { cidr: '192.168.0.0/16', except: ['192.168.1.0/24'] }])], groups: [] }
            : kind === 4 && allow
              ? { kind: 'fqdns', names: ['example.com'] }
              : { kind: 'endpoints', selectors: [ciliumSelector(r, namespace, nsNames, true)] };
  const requires = allow && r.chance(0.1) ? [ciliumSelector(r, namespace, nsNames, true)] : [];
  return { peers, requires, toPorts: ciliumPorts(r, allow), icmpOnly: false };
}

function ciliumRules(r: Rnd, namespace: string | null, nsNames: readonly string[], allow: boolean): CiliumRule[] | null {
  const roll = r.int(5);
  if (roll === 0) return null;
  if (roll === 1) return [];
  return Array.from({ length: 1 + r.int(2) }, () => ciliumRule(r, namespace, nsNames, allow));
}

export function randomCiliumWorld(seed: number): ClusterModel {
  const base = randomWorld(seed);
  const r = rng(seed);
  const nsNames = base.namespaces.map((n) => n.name);
  const pods = base.pods.map((p) => ({ ...p, serviceAccount: r.pick(['default', 'robot']) }));
  const ciliumPolicies: CiliumPolicy[] = Array.from({ length: 1 + r.int(4) }, (_, i) => {
    const clusterwide = r.chance(0.3);
    const namespace = clusterwide ? null : r.pick(nsNames);
    const specs = Array.from({ length: 1 + (r.chance(0.2) ? 1 : 0) }, () => ({
      subject: { kind: 'endpoints' as const, selector: ciliumSelector(r, namespace, nsNames, false) },
      ingress: ciliumRules(r, namespace, nsNames, true),
      ingressDeny: r.chance(0.3) ? ciliumRules(r, namespace, nsNames, false) : null,
      egress: ciliumRules(r, namespace, nsNames, true),
      egressDeny: r.chance(0.3) ? ciliumRules(r, namespace, nsNames, false) : null,
      defaultDeny: { ingress: !r.chance(0.15), egress: !r.chance(0.15) },
    }));
    return clusterwide
      ? { kind: 'CiliumClusterwideNetworkPolicy', name: `ccnp${i}`, specs, raw: {} }
      : { kind: 'CiliumNetworkPolicy', namespace: namespace as string, name: `cnp${i}`, specs, raw: {} };
  });
  return { ...base, pods, ciliumPolicies };
}

// ---- Calico ----

function calicoExpression(r: Rnd, depth = 0): CalicoExpression {
  const roll = r.int(depth > 1 ? 7 : 10);
  switch (roll) {
    case 0:
      return { op: 'all' };
    case 1:
      return { op: 'eq', key: 'app', value: r.pick(['x', 'y', 'z']) };
    case 2:
      return { op: 'ne', key: 'app', value: r.pick(['x', 'y']) };
    case 3:
      return { op: 'has', key: 'tier' };
    case 4:
      return { op: 'in', key: 'app', values: ['x', 'z'] };
    case 5:
      return { op: 'eq', key: 'pcns.team', value: r.pick(['red', 'blue']) };
    case 6:
      return { op: 'startsWith', key: 'app', value: r.pick(['x', 'y']) };
    case 7:
      return { op: 'not', operand: calicoExpression(r, depth + 1) };
    case 8:
      return { op: 'and', operands: [calicoExpression(r, depth + 1), calicoExpression(r, depth + 1)] };
    default:
      return { op: 'or', operands: [calicoExpression(r, depth + 1), calicoExpression(r, depth + 1)] };
  }
}

function selector(expression: CalicoExpression): CalicoSelector {
  return { expression, text: canonicalCalicoSelector(expression) };
}

function scoped(expression: CalicoExpression, namespace: string | null): CalicoSelector {
  return selector(namespace === null ? expression : { op: 'and', operands: [expression, { op: 'eq', key: 'projectcalico.org/namespace', value: namespace }] });
}

function calicoPorts(r: Rnd): CalicoPort[] {
  return Array.from({ length: r.int(3) }, () =>
    r.pick<CalicoPort>([
      { kind: 'range', from: 80, to: 80 },
      { kind: 'range', from: 80, to: 8080 },
      { kind: 'range', from: 53, to: 53 },
      { kind: 'named', name: r.pick(['web', 'api']) },
    ]),
  );
}

function entity(r: Rnd, namespace: string | null, withPorts: boolean): CalicoEntityRule {
  const withSelector = r.chance(0.5);
  return {
    nets: r.chance(0.25) ? [r.pick(['10.0.0.0/16', '0.0.0.0/0', '8.8.8.0/24', '10.0.1.0/24', '192.168.0.0/16'])] : [],
    notNets: r.chance(0.15) ? [r.pick(['10.0.1.0/24', '192.168.1.0/24'])] : [],
    ...(withSelector ? { selector: scoped(calicoExpression(r), r.chance(0.3) ? null : namespace) } : {}),
    ...(r.chance(0.1) ? { notSelector: selector(calicoExpression(r)) } : {}),
    ports: withPorts ? calicoPorts(r) : [],
    notPorts: withPorts && r.chance(0.15) ? calicoPorts(r) : [],
  };
}

function calicoRule(r: Rnd, namespace: string | null): CalicoRule {
  const action = r.pick(['Allow', 'Allow', 'Deny', 'Pass', 'Log'] as const);
  const destination = entity(r, namespace, true);
  // Numeric ports need a protocol; named ports alone do not.
  const numeric = [...destination.ports, ...destination.notPorts].some((p) => p.kind === 'range');
  const protocol = numeric || r.chance(0.3) ? r.pick(['TCP', 'UDP', 'SCTP', 'ICMP'] as const) : undefined;
  return {
    action,
    ...(protocol !== undefined && !(numeric && protocol === 'ICMP') ? { protocol } : numeric ? { protocol: 'TCP' as const } : {}),
    ...(r.chance(0.1) ? { notProtocol: r.pick(['UDP', 'SCTP'] as const) } : {}),
    source: r.chance(0.6) ? entity(r, namespace, false) : { nets: [], notNets: [], ports: [], notPorts: [] },
    destination,
    ...(action === 'Allow' && r.chance(0.15) ? { conditional: 'an HTTP match (application layer policy)' } : {}),
  };
}

export function randomCalicoWorld(seed: number): ClusterModel {
  const base = randomWorld(seed);
  const r = rng(seed);
  const nsNames = base.namespaces.map((n) => n.name);
  const tierNames = ['security', 'platform'].slice(0, r.int(3));
  const calicoTiers: CalicoTier[] = tierNames.map((name) => ({ name, order: r.pick([100, 500, 1_000_000, 2_000_000]), defaultAction: r.pick(['Deny', 'Pass'] as const), raw: {} }));
  const networkSets: CalicoNetworkSet[] = Array.from({ length: r.int(3) }, (_, i) => {
    const namespace = r.chance(0.5) ? r.pick(nsNames) : undefined;
    return {
      kind: namespace ? 'NetworkSet' : 'GlobalNetworkSet',
      ...(namespace ? { namespace } : {}),
      name: `set${i}`,
      labels: { app: r.pick(['x', 'y']), ...(r.chance(0.5) ? { tier: 'back' } : {}) },
      nets: [r.pick(['8.8.8.0/24', '10.0.1.0/24', '192.168.0.0/16', '1.1.1.1'])],
      raw: {},
    };
  });
  const calicoPolicies: CalicoPolicy[] = Array.from({ length: 1 + r.int(4) }, (_, i) => {
    const global = r.chance(0.35);
    const namespace = global ? null : r.pick(nsNames);
    const types = r.pick<PolicyDirection[]>([['Ingress'], ['Egress'], ['Ingress', 'Egress']]);
    return {
      kind: global ? 'GlobalNetworkPolicy' : 'NetworkPolicy',
      apiGroup: 'projectcalico.org',
      ...(namespace !== null ? { namespace } : {}),
      name: `cp${i}`,
      tier: r.pick(['default', ...tierNames]),
      order: r.chance(0.2) ? null : r.pick([100, 1000, 1000, 2000]),
      selector: scoped(calicoExpression(r), namespace),
      types,
      ingress: types.includes('Ingress') ? Array.from({ length: r.int(4) }, () => calicoRule(r, namespace)) : [],
      egress: types.includes('Egress') ? Array.from({ length: r.int(4) }, () => calicoRule(r, namespace)) : [],
      doNotTrack: false,
      preDNAT: false,
      applyOnForward: false,
      raw: {},
    };
  });
  return { ...base, calicoTiers, networkSets, calicoPolicies };
}
