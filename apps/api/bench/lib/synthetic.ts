import type {
  ClusterModel,
  Ingress,
  LabelSelector,
  Namespace,
  NetworkPolicy,
  Node,
  Pod,
  Service,
  Workload,
  WorkloadKind,
} from '@palisade/cluster-model';
import type { AuditReport, NamespaceFinding, WorkloadFinding } from '@palisade/policy-engine';
import type { ClusterSize } from './args';

/**
 * A synthetic cluster as the snapshot writer receives it: the normalized model (what the
 * collector keeps) and an audit report (what the evaluation computed). Shapes and sizes are those
 * of a real cluster: Deployments of 1-5 replicas (3 on average, so workloads = pods / 3), a
 * Service per long-running workload, 110 pods per node, an Ingress per namespace, NetworkPolicies
 * as full Kubernetes objects (a default deny in most namespaces, allow rules per app).
 */
export interface SyntheticCluster {
  readonly model: ClusterModel;
  readonly report: AuditReport;
}

/** mulberry32: the same seed gives the same cluster, so runs compare. */
class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  token(length: number): string {
    const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet[Math.floor(this.next() * alphabet.length)];
    return s;
  }
}

const WORDS = ['orders', 'cart', 'accounts', 'users', 'auth', 'profile', 'invoices', 'stock', 'rates', 'tracking', 'emails', 'push', 'reports', 'feeds', 'images', 'sessions', 'ledger', 'refunds', 'offers', 'ranking', 'indexer', 'events', 'webhooks', 'files', 'geo', 'tax'];
const ROLES = ['api', 'web', 'worker', 'db', 'cache', 'gateway'];
const TEAMS = ['payments', 'growth', 'platform', 'search', 'identity', 'data', 'mobile', 'ops'];
const REPLICAS = [3, 1, 4, 2, 5];
const PODS_PER_NODE = 110;

const selector = (matchLabels: Record<string, string>): LabelSelector => ({ matchLabels, matchExpressions: [] });
const everything: LabelSelector = selector({});

function ip(prefix: number, n: number): string {
  return `10.${prefix}.${(n >>> 8) & 255}.${n & 255}`;
}

/** How many of `total` go to item `i` of `parts` when spread evenly. */
function share(total: number, parts: number, i: number): number {
  return Math.floor(total / parts) + (i < total % parts ? 1 : 0);
}

export function syntheticCluster(size: ClusterSize, seed = 42): SyntheticCluster {
  const rng = new Random(seed);
  const namespaces: Namespace[] = [];
  const nodes: Node[] = [];
  const pods: Pod[] = [];
  const workloads: Workload[] = [];
  const services: Service[] = [];
  const ingresses: Ingress[] = [];
  const networkPolicies: NetworkPolicy[] = [];
  const workloadFindings: WorkloadFinding[] = [];
  const namespaceFindings: NamespaceFinding[] = [];

  const nodeCount = Math.max(1, Math.ceil(size.pods / PODS_PER_NODE));
  for (let i = 0; i < nodeCount; i++) {
    nodes.push({
      name: `node-${i}`,
      labels: { 'kubernetes.io/hostname': `node-${i}`, 'kubernetes.io/os': 'linux', 'topology.kubernetes.io/zone': `eu-west-1${'abc'[i % 3]}`, 'node.kubernetes.io/instance-type': 'm6i.4xlarge' },
      addresses: [ip(0, i + 10), `ip-10-0-${i >> 8}-${i & 255}.eu-west-1.compute.internal`],
    });
  }

  let podNumber = 0;
  let serviceNumber = 0;
  let scoreSum = 0;
  let ingressIsolatedPods = 0;
  let egressIsolatedPods = 0;
  let unprotectedWorkloads = 0;
  let exposedWorkloads = 0;
  for (let n = 0; n < size.namespaces; n++) {
    const nsName = `${rng.pick(TEAMS)}-${rng.pick(WORDS)}-${n}`;
    const team = rng.pick(TEAMS);
    namespaces.push({ name: nsName, labels: { 'kubernetes.io/metadata.name': nsName, team, env: rng.pick(['prod', 'staging']) }, implicit: false });
    const defaultDenyIngress = rng.chance(0.85);
    const defaultDenyEgress = defaultDenyIngress && rng.chance(0.3);
    const nsPolicies = share(size.policies, size.namespaces, n);
    const nsPolicyIds: string[] = [];
    const addPolicy = (name: string, podSelector: LabelSelector, ingressFrom: string | null, egress: boolean) => {
      const raw = {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name, namespace: nsName, labels: { 'app.kubernetes.io/managed-by': 'helm', team }, annotations: { 'meta.helm.sh/release-name': nsName } },
        spec: {
          podSelector: { matchLabels: podSelector.matchLabels },
          policyTypes: egress ? ['Ingress', 'Egress'] : ['Ingress'],
          ...(ingressFrom !== null
            ? { ingress: [{ from: [{ podSelector: { matchLabels: { app: ingressFrom } } }, { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }], ports: [{ protocol: 'TCP', port: 'http' }, { protocol: 'TCP', port: 9090 }] }] }
            : {}),
          ...(egress ? { egress: [{ to: [{ namespaceSelector: {}, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ protocol: 'UDP', port: 53 }] }] } : {}),
        },
      };
      networkPolicies.push({
        kind: 'NetworkPolicy',
        namespace: nsName,
        name,
        podSelector,
        policyTypes: egress ? ['Ingress', 'Egress'] : ['Ingress'],
        ingress: ingressFrom !== null ? [{ peers: [{ podSelector: selector({ app: ingressFrom }) }], ports: [{ protocol: 'TCP', port: 'http' }] }] : [],
        egress: egress ? [{ peers: [{ namespaceSelector: everything, podSelector: selector({ 'k8s-app': 'kube-dns' }) }], ports: [{ protocol: 'UDP', port: 53 }] }] : [],
        raw,
      });
      nsPolicyIds.push(`${nsName}/${name}`);
    };
    if (defaultDenyIngress && nsPolicies > 0) addPolicy('default-deny', everything, null, defaultDenyEgress);

    const nsPods = share(size.pods, size.namespaces, n);
    const nsWorkloads: { name: string; kind: WorkloadKind; replicas: number }[] = [];
    for (let left = nsPods, w = 0; left > 0; w++) {
      const replicas = Math.min(left, REPLICAS[(n + w) % REPLICAS.length]);
      left -= replicas;
      const kind: WorkloadKind = w % 10 === 7 ? 'StatefulSet' : w % 25 === 11 ? 'Job' : 'Deployment';
      nsWorkloads.push({ name: `${rng.pick(WORDS)}-${rng.pick(ROLES)}-${w}`, kind, replicas });
    }
    // The remaining policies allow traffic to one app each (from the previous app).
    for (let p = nsPolicyIds.length; p < nsPolicies; p++) {
      const target = nsWorkloads[p % nsWorkloads.length];
      const from = nsWorkloads[(p + nsWorkloads.length - 1) % nsWorkloads.length];
      addPolicy(`allow-${target.name}-${p}`, selector({ app: target.name }), from.name, false);
    }

    let nsScore = 0;
    let nsIngressIsolated = 0;
    let nsEgressIsolated = 0;
    let nsUnprotected = 0;
    let nsExposed = 0;
    for (const w of nsWorkloads) {
      const labels = { app: w.name, team, tier: w.name.split('-')[1] ?? 'api', 'app.kubernetes.io/version': `1.${rng.int(0, 40)}.${rng.int(0, 9)}` };
      workloads.push({ namespace: nsName, kind: w.kind, name: w.name, labels });
      const hash = rng.token(10);
      for (let r = 0; r < w.replicas; r++) {
        const podName = w.kind === 'StatefulSet' ? `${w.name}-${r}` : `${w.name}-${hash}-${rng.token(5)}`;
        pods.push({
          namespace: nsName,
          name: podName,
          labels: { ...labels, ...(w.kind === 'Deployment' ? { 'pod-template-hash': hash } : {}) },
          ips: [ip(100 + (podNumber >>> 16), podNumber & 0xffff)],
          ports: [
            { name: 'http', port: 8080, protocol: 'TCP' },
            { name: 'metrics', port: 9090, protocol: 'TCP' },
          ],
          phase: 'Running',
          hostNetwork: false,
          nodeName: `node-${podNumber % nodeCount}`,
          serviceAccount: 'default',
          workload: { kind: w.kind, name: w.name },
          synthetic: false,
        });
        podNumber++;
      }
      if (w.kind !== 'Job') {
        const lb = rng.chance(0.01);
        services.push({
          namespace: nsName,
          name: w.name,
          labels: { app: w.name },
          type: lb ? 'LoadBalancer' : 'ClusterIP',
          headless: false,
          externalTrafficPolicy: 'Cluster',
          loadBalancerSourceRanges: [],
          selector: { app: w.name },
          ports: [
            { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
            { name: 'metrics', port: 9090, targetPort: 9090, protocol: 'TCP' },
          ],
          clusterIPs: [ip(96, serviceNumber++)],
          externalIPs: [],
          loadBalancerIngress: lb ? [`34.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`] : [],
        });
      }
      const policies = nsPolicyIds.filter((id) => id.endsWith('/default-deny') || id.includes(`/allow-${w.name}-`));
      const ingressIsolated = policies.length > 0;
      const egressIsolated = ingressIsolated && defaultDenyEgress;
      const reachableFrom = ingressIsolated ? rng.int(0, 40) : size.pods - w.replicas;
      const internetIngress = !ingressIsolated && rng.chance(0.05);
      const published = internetIngress && services.at(-1)?.type === 'LoadBalancer';
      const exposed = !ingressIsolated && (published || rng.chance(0.5));
      const ingressScore = ingressIsolated ? 1 - reachableFrom / size.pods : 0;
      const egressScore = egressIsolated ? 0.9 : 0;
      const score = Math.round(100 * (0.7 * ingressScore + 0.3 * egressScore));
      workloadFindings.push({
        namespace: nsName,
        kind: w.kind,
        name: w.name,
        pods: w.replicas,
        ingressIsolated,
        egressIsolated,
        reachableFrom,
        reachableTo: egressIsolated ? rng.int(0, 20) : size.pods - 1,
        internetIngress,
        internetEgress: !egressIsolated,
        internetExposure: published ? 'published' : internetIngress ? 'policy-only' : 'none',
        entryPoints: published ? [{ kind: 'LoadBalancer', name: `${nsName}/${w.name}`, port: 80, protocol: 'TCP', targetPort: 8080, admitted: true }] : [],
        reachableFromConditional: 0,
        internetIngressConditional: false,
        unprotected: !ingressIsolated,
        exposed,
        policies,
        score,
      });
      nsScore += score * w.replicas;
      if (ingressIsolated) nsIngressIsolated += w.replicas;
      if (egressIsolated) nsEgressIsolated += w.replicas;
      if (!ingressIsolated) nsUnprotected++;
      if (exposed) nsExposed++;
    }
    namespaceFindings.push({
      name: nsName,
      pods: nsPods,
      workloads: nsWorkloads.length,
      networkPolicies: nsPolicyIds.length,
      defaultDenyIngress,
      defaultDenyEgress,
      ingressIsolatedPods: nsIngressIsolated,
      egressIsolatedPods: nsEgressIsolated,
      unprotectedWorkloads: nsUnprotected,
      exposedWorkloads: nsExposed,
      score: nsPods === 0 ? null : Math.round((10 * nsScore) / nsPods) / 10,
    });
    const publicBackend = { service: nsWorkloads[0].name, port: 80 };
    ingresses.push({ namespace: nsName, name: `${nsName}-public`, ingressClassName: 'nginx', backends: [publicBackend], routes: [{ host: `${nsName}.example.com`, path: '/', backend: publicBackend }], tlsHosts: [], tlsAllHosts: false });
    scoreSum += nsScore;
    ingressIsolatedPods += nsIngressIsolated;
    egressIsolatedPods += nsEgressIsolated;
    unprotectedWorkloads += nsUnprotected;
    exposedWorkloads += nsExposed;
  }

  const percent = (part: number) => Math.round((1000 * part) / size.pods) / 10;
  const report: AuditReport = {
    pods: [], // The snapshot stores workload and namespace findings only.
    workloads: workloadFindings,
    namespaces: namespaceFindings,
    cluster: {
      score: Math.round((10 * scoreSum) / size.pods) / 10,
      pods: size.pods,
      workloads: workloads.length,
      namespaces: namespaces.length,
      ingressIsolatedPercent: percent(ingressIsolatedPods),
      egressIsolatedPercent: percent(egressIsolatedPods),
      unprotectedPods: size.pods - ingressIsolatedPods,
      exposedPods: 0,
      unprotectedWorkloads,
      exposedWorkloads,
      publishedWorkloads: workloadFindings.filter((w) => w.internetExposure === 'published').length,
      namespacesWithoutDefaultDenyIngress: namespaceFindings.filter((f) => !f.defaultDenyIngress).length,
      namespacesWithoutDefaultDenyEgress: namespaceFindings.filter((f) => !f.defaultDenyEgress).length,
      policies: {
        networkPolicies: networkPolicies.length,
        adminNetworkPolicies: 0,
        baselineAdminNetworkPolicies: 0,
        clusterNetworkPolicies: 0,
        ciliumNetworkPolicies: 0,
        ciliumClusterwideNetworkPolicies: 0,
        calicoPolicies: 0,
        notEnforced: 0,
      },
      podsInCluster: size.pods,
      excludedNamespaces: [],
    },
    cni: 'generic',
    notEnforced: [],
  };
  const none = { serviceAccounts: [], endpointSlices: [], ingressClasses: [], gatewayClasses: [], gateways: [], gatewayRoutes: [], referenceGrants: [] };
  const noCni = { ciliumPolicies: [], ciliumCidrGroups: [], calicoPolicies: [], calicoTiers: [], networkSets: [] };
  return { model: { namespaces, nodes, pods, workloads, services, ingresses, networkPolicies, adminPolicies: [], ...none, ...noCni }, report };
}
