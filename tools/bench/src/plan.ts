import { Random } from './random';

/**
 * The network plugin a cluster is written for: `generic` writes NetworkPolicies only; `cilium`
 * and `calico` write a third of them as the plugin's own policy kind, and are audited with its
 * semantics.
 */
export type ClusterCni = 'generic' | 'cilium' | 'calico';

export const CLUSTER_CNIS: readonly ClusterCni[] = ['generic', 'cilium', 'calico'];

/** How big a synthetic cluster is: pods and namespaces in total, policy objects of every kind. */
export interface ClusterSize {
  readonly pods: number;
  /** NetworkPolicies (or the plugin's equivalents), AdminNetworkPolicies and the BaselineAdminNetworkPolicy together. */
  readonly policies: number;
  /** kube-system and monitoring included. */
  readonly namespaces: number;
  /** Default: generic. */
  readonly cni?: ClusterCni;
}

export interface GenerateOptions extends ClusterSize {
  readonly seed?: number;
}

export const DEFAULT_SEED = 20250101;

/**
 * What a namespace's policies do. `unprotected`: none at all (the finding the audit exists for);
 * `ingress-deny`: default-deny ingress plus allow rules; `ingress-egress-deny`: both directions.
 */
export type NamespaceProtection = 'system' | 'unprotected' | 'ingress-deny' | 'ingress-egress-deny';

export interface NamespacePlan {
  readonly index: number;
  readonly name: string;
  readonly team: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly protection: NamespaceProtection;
  readonly pods: number;
  /** Cluster-wide index of the namespace's first pod: pod IPs and nodes derive from it. */
  readonly firstPod: number;
  /** NetworkPolicies beyond the namespace's default-deny and monitoring/DNS ones. */
  readonly extraPolicies: number;
}

export interface ClusterPlan {
  readonly seed: number;
  readonly size: ClusterSize;
  readonly namespaces: readonly NamespacePlan[];
  readonly adminPolicies: number;
  readonly networkPolicies: number;
}

export const SYSTEM_NAMESPACES = ['kube-system', 'monitoring'] as const;
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';
/** Kubelet's default pod limit is 110; a little under it per node, as clusters run. */
export const PODS_PER_NODE = 100;

const TEAM_WORDS = [
  'payments', 'checkout', 'catalog', 'search', 'identity', 'billing', 'shipping', 'inventory',
  'ledger', 'pricing', 'reviews', 'media', 'messaging', 'analytics', 'fraud', 'growth', 'support',
  'loyalty', 'partners', 'logistics', 'risk', 'content', 'platform', 'data', 'ml', 'ads',
];

/** Pods of kube-system (CoreDNS) and monitoring (Prometheus, kube-state-metrics, Grafana). */
export function systemPods(pods: number): { coredns: number; prometheus: number } {
  return pods >= 20_000 ? { coredns: 6, prometheus: 2 } : { coredns: 2, prometheus: 2 };
}

export function systemPodCount(pods: number): number {
  const { coredns, prometheus } = systemPods(pods);
  return coredns + prometheus + 2;
}

/** AdminNetworkPolicies and the BaselineAdminNetworkPolicy, when the policy budget has room. */
export function adminPolicyCount(policies: number): number {
  return policies >= 10 ? 3 : 0;
}

/** Splits `total` into parts proportional to `weights`, each at least `min`, summing exactly. */
export function apportion(total: number, weights: readonly number[], min: number): number[] {
  const free = total - min * weights.length;
  if (free < 0) throw new Error(`cannot split ${total} into ${weights.length} parts of at least ${min}`);
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (sum === 0 ? free / weights.length : (free * w) / sum));
  const parts = exact.map((x) => Math.floor(x));
  let left = free - parts.reduce((s, p) => s + p, 0);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % byRemainder.length, left--) parts[byRemainder[k].i]++;
  return parts.map((p) => p + min);
}

function baseCost(protection: NamespaceProtection): number {
  // default-deny-ingress + allow-from-monitoring, and default-deny-egress + allow-dns.
  if (protection === 'ingress-deny') return 2;
  if (protection === 'ingress-egress-deny') return 4;
  return 0;
}

export function validateSize(size: ClusterSize): void {
  const appNamespaces = size.namespaces - SYSTEM_NAMESPACES.length;
  if (!Number.isInteger(size.pods) || !Number.isInteger(size.policies) || !Number.isInteger(size.namespaces)) {
    throw new Error('pods, policies and namespaces must be integers');
  }
  if (appNamespaces < 1) throw new Error(`at least ${SYSTEM_NAMESPACES.length + 1} namespaces are needed (kube-system, monitoring and one more)`);
  if (size.pods - systemPodCount(size.pods) < appNamespaces) {
    throw new Error(`${size.pods} pods cannot fill ${appNamespaces} application namespaces with one pod each`);
  }
  if (size.policies < 0) throw new Error('policies must not be negative');
}

/**
 * Decides the shape of the cluster before any object is written: namespace names, labels and
 * protection, pods and extra policies per namespace. Counts come out exactly as requested.
 */
export function planCluster(options: GenerateOptions): ClusterPlan {
  validateSize(options);
  const seed = options.seed ?? DEFAULT_SEED;
  const rng = Random.derive(seed, -1);
  const appCount = options.namespaces - SYSTEM_NAMESPACES.length;
  const adminPolicies = adminPolicyCount(options.policies);
  const budget = options.policies - adminPolicies;

  // Namespace sizes are skewed, as in real clusters: a few big ones, many small ones.
  const weights = Array.from({ length: appCount }, () => 0.2 + rng.next() * rng.next() * 4);
  const appPods = apportion(options.pods - systemPodCount(options.pods), weights, 1);

  const protections: NamespaceProtection[] = Array.from({ length: appCount }, () => {
    if (rng.chance(0.15)) return 'unprotected';
    return rng.chance(0.4) ? 'ingress-egress-deny' : 'ingress-deny';
  });
  // Small clusters still show both kinds of namespace.
  if (appCount >= 2 && !protections.includes('unprotected')) protections[appCount - 1] = 'unprotected';
  if (appCount >= 2 && !protections.some((p) => p !== 'unprotected')) protections[0] = 'ingress-deny';
  // The policy budget decides how many namespaces can be protected at all.
  let cost = protections.reduce((sum, p) => sum + baseCost(p), 0);
  for (let i = appCount - 1; i >= 0 && cost > budget; i--) {
    if (protections[i] === 'ingress-egress-deny') {
      protections[i] = 'ingress-deny';
      cost -= 2;
    }
  }
  for (let i = appCount - 1; i >= 0 && cost > budget; i--) {
    if (protections[i] === 'ingress-deny') {
      protections[i] = 'unprotected';
      cost -= 2;
    }
  }
  const protectedIndices = protections.flatMap((p, i) => (p === 'unprotected' ? [] : [i]));
  const extras = new Array<number>(appCount).fill(0);
  if (protectedIndices.length > 0) {
    const split = apportion(budget - cost, protectedIndices.map((i) => appPods[i]), 0);
    protectedIndices.forEach((i, k) => (extras[i] = split[k]));
  }

  const teams = Math.max(2, Math.ceil(appCount / 8));
  const namespaces: NamespacePlan[] = [];
  const system = systemPods(options.pods);
  let firstPod = 0;
  namespaces.push(systemNamespace(0, 'kube-system', system.coredns, firstPod));
  firstPod += system.coredns;
  namespaces.push(systemNamespace(1, 'monitoring', system.prometheus + 2, firstPod));
  firstPod += system.prometheus + 2;
  for (let i = 0; i < appCount; i++) {
    const teamIndex = rng.int(0, teams - 1);
    const team = `${TEAM_WORDS[teamIndex % TEAM_WORDS.length]}${teamIndex >= TEAM_WORDS.length ? `-${Math.floor(teamIndex / TEAM_WORDS.length)}` : ''}`;
    const protection = protections[i];
    // Forgotten namespaces are prod ones; staging namespaces get the baseline deny (see admin policies).
    const env = protection === 'unprotected' || rng.chance(0.7) ? 'prod' : 'staging';
    const name = `${team}-${env}-${String(i + 1).padStart(4, '0')}`;
    const labels: Record<string, string> = { [NAMESPACE_NAME_LABEL]: name, team, env };
    if (protection !== 'unprotected' && rng.chance(0.05)) labels['compliance'] = 'pci';
    namespaces.push({ index: namespaces.length, name, team, labels, protection, pods: appPods[i], firstPod, extraPolicies: extras[i] });
    firstPod += appPods[i];
  }
  return { seed, size: options, namespaces, adminPolicies, networkPolicies: cost + extras.reduce((s, e) => s + e, 0) };
}

function systemNamespace(index: number, name: string, pods: number, firstPod: number): NamespacePlan {
  return {
    index,
    name,
    team: 'platform',
    labels: { [NAMESPACE_NAME_LABEL]: name },
    protection: 'system',
    pods,
    firstPod,
    extraPolicies: 0,
  };
}
