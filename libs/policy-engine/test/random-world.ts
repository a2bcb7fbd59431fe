import type {
  AdminPeer,
  AdminPolicy,
  AdminPort,
  ClusterModel,
  ContainerPort,
  LabelSelector,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  NetworkPolicyRule,
  Pod,
  PolicyDirection,
  Protocol,
} from '@palisade/cluster-model';
import { adminRule, newAdminPolicy, newCluster, newNamespace, newNetworkPolicy, newPod } from './factories';

/** A seeded generator of small, adversarial clusters for differential tests. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomWorld(seed: number): ClusterModel {
  const rnd = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
  const chance = (p: number) => rnd() < p;
  const protocols: Protocol[] = ['TCP', 'TCP', 'UDP', 'SCTP'];
  const nsNames = ['a', 'b', 'c'].slice(0, 1 + Math.floor(rnd() * 3));
  const namespaces = nsNames.map((n) => newNamespace(n, chance(0.5) ? { team: pick(['red', 'blue']) } : {}));

  const labelSelector = (): LabelSelector => {
    const r = rnd();
    if (r < 0.3) return { matchLabels: {}, matchExpressions: [] };
    if (r < 0.7) return { matchLabels: { app: pick(['x', 'y', 'z']) }, matchExpressions: [] };
    return {
      matchLabels: {},
      matchExpressions: [
        pick([
          { key: 'app', operator: 'In' as const, values: ['x', 'z'] },
          { key: 'app', operator: 'NotIn' as const, values: ['y'] },
          { key: 'tier', operator: 'Exists' as const, values: [] },
          { key: 'tier', operator: 'DoesNotExist' as const, values: [] },
        ]),
      ],
    };
  };
  const nsSelector = (): LabelSelector =>
    chance(0.4)
      ? { matchLabels: {}, matchExpressions: [] }
      : chance(0.5)
        ? { matchLabels: { team: pick(['red', 'blue']) }, matchExpressions: [] }
        : { matchLabels: { 'kubernetes.io/metadata.name': pick(nsNames) }, matchExpressions: [] };

  const pods: Pod[] = [];
  const podCount = 2 + Math.floor(rnd() * 6);
  for (let i = 0; i < podCount; i++) {
    const ports: ContainerPort[] = [];
    if (chance(0.8)) ports.push({ name: pick(['web', 'api']), port: pick([80, 81, 8080]), protocol: pick(protocols) });
    if (chance(0.3)) ports.push({ port: pick([80, 81, 53]), protocol: pick(protocols) });
    const labels: Record<string, string> = { app: pick(['x', 'y', 'z']) };
    if (chance(0.4)) labels['tier'] = 'back';
    const ip = chance(0.2) ? `192.168.${Math.floor(rnd() * 3)}.${i + 1}` : `10.0.${Math.floor(rnd() * 3)}.${i + 1}`;
    pods.push(newPod(`${pick(nsNames)}/p${i}`, { labels, ip, ports, hostNetwork: chance(0.05) }));
  }

  const cidr = (): { cidr: string; except: string[] } =>
    pick([
      { cidr: '10.0.0.0/16', except: [] },
      { cidr: '10.0.0.0/16', except: ['10.0.1.0/24'] },
      { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] },
      { cidr: '0.0.0.0/0', except: [] },
      { cidr: '8.8.8.0/24', except: [] },
      { cidr: '192.168.0.0/16', except: ['192.168.1.0/24'] },
    ]);
  const npPort = (): NetworkPolicyPort =>
    pick<NetworkPolicyPort>([
      { protocol: 'TCP', port: 80 },
      { protocol: 'TCP', port: 80, endPort: 8080 },
      { protocol: pick(protocols) },
      { protocol: pick(protocols), port: pick(['web', 'api']) },
      { protocol: 'UDP', port: 53 },
    ]);
  const npPeer = (): NetworkPolicyPeer => {
    const r = rnd();
    if (r < 0.3) return { podSelector: labelSelector() };
    if (r < 0.55) return { namespaceSelector: nsSelector() };
    if (r < 0.8) return { namespaceSelector: nsSelector(), podSelector: labelSelector() };
    return { ipBlock: cidr() };
  };
  const npRule = (): NetworkPolicyRule => ({
    peers: chance(0.2) ? [] : Array.from({ length: 1 + Math.floor(rnd() * 2) }, npPeer),
    ports: chance(0.4) ? [] : Array.from({ length: 1 + Math.floor(rnd() * 2) }, npPort),
  });
  const networkPolicies = Array.from({ length: Math.floor(rnd() * 4) }, (_, i) => {
    const types = pick<PolicyDirection[]>([['Ingress'], ['Egress'], ['Ingress', 'Egress']]);
    return newNetworkPolicy(`${pick(nsNames)}/np${i}`, {
      podSelector: labelSelector(),
      policyTypes: types,
      ingress: types.includes('Ingress') ? Array.from({ length: Math.floor(rnd() * 3) }, npRule) : [],
      egress: types.includes('Egress') ? Array.from({ length: Math.floor(rnd() * 3) }, npRule) : [],
    });
  });

  const adminPort = (): AdminPort =>
    pick<AdminPort>([
      { kind: 'number', protocol: 'TCP', port: 80 },
      { kind: 'range', protocol: pick(protocols), start: 80, end: 8080 },
      { kind: 'named', name: pick(['web', 'api']) },
      { kind: 'number', protocol: 'UDP', port: 53 },
    ]);
  const adminPeer = (egress: boolean): AdminPeer => {
    const r = rnd();
    if (r < 0.4) return { kind: 'namespaces', namespaceSelector: nsSelector() };
    if (r < 0.8 || !egress) return { kind: 'pods', namespaceSelector: nsSelector(), podSelector: labelSelector() };
    return { kind: 'networks', cidrs: [pick(['10.0.0.0/16', '0.0.0.0/0', '8.8.8.0/24', '10.0.1.0/24'])] };
  };
  const adminRules = (egress: boolean, actions: AdminPolicy['ingress'][number]['action'][]) =>
    Array.from({ length: Math.floor(rnd() * 3) }, () =>
      adminRule(pick(actions), [adminPeer(egress)], chance(0.5) ? null : [adminPort()]),
    );
  const adminPolicies: AdminPolicy[] = [];
  const subject = (): AdminPolicy['subject'] =>
    chance(0.5)
      ? { kind: 'namespaces', namespaceSelector: nsSelector() }
      : { kind: 'pods', namespaceSelector: nsSelector(), podSelector: labelSelector() };
  for (let i = 0; i < Math.floor(rnd() * 3); i++) {
    adminPolicies.push(
      newAdminPolicy(chance(0.5) ? 'AdminNetworkPolicy' : 'ClusterNetworkPolicy', `anp${i}`, {
        priority: Math.floor(rnd() * 5),
        subject: subject(),
        ingress: adminRules(false, ['Allow', 'Deny', 'Pass']),
        egress: adminRules(true, ['Allow', 'Deny', 'Pass']),
      }),
    );
  }
  if (chance(0.4)) {
    adminPolicies.push(
      newAdminPolicy('BaselineAdminNetworkPolicy', 'default', {
        subject: subject(),
        ingress: adminRules(false, ['Allow', 'Deny']),
        egress: adminRules(true, ['Allow', 'Deny']),
      }),
    );
  }
  if (chance(0.3)) {
    adminPolicies.push(
      newAdminPolicy('ClusterNetworkPolicy', 'baseline-cnp', {
        tier: 'Baseline',
        priority: 5,
        subject: subject(),
        ingress: adminRules(false, ['Allow', 'Deny', 'Pass']),
        egress: adminRules(true, ['Allow', 'Deny', 'Pass']),
      }),
    );
  }
  return newCluster({ namespaces, pods, networkPolicies, adminPolicies });
}
