import type { NamespacePlan } from './plan';
import { PODS_PER_NODE } from './plan';
import { Random } from './random';

export type Protocol = 'TCP' | 'UDP';

export interface PortSpec {
  readonly name?: string;
  readonly port: number;
  readonly protocol: Protocol;
}

export interface ContainerSpec {
  readonly name: string;
  readonly image: string;
  readonly ports: readonly PortSpec[];
}

/** The role of a workload: what it listens on and whom it calls. */
export type Tier = 'web' | 'gateway' | 'api' | 'worker' | 'cache' | 'db' | 'queue' | 'batch' | 'system';

/** One Deployment, its current ReplicaSet and what its pods look like. */
export interface AppSpec {
  readonly name: string;
  readonly tier: Tier;
  /** Pod template labels, without pod-template-hash. */
  readonly labels: Readonly<Record<string, string>>;
  readonly containers: readonly ContainerSpec[];
  readonly replicas: number;
  readonly hash: string;
  readonly deploymentUid: string;
  readonly replicaSetUid: string;
  readonly created: string;
  /** Index of the app's first pod within its namespace. */
  readonly firstPod: number;
  /** Seeds the per-pod details, so pods can be written without regenerating the rest. */
  readonly podSeed: number;
}

interface Archetype {
  readonly tier: Tier;
  readonly suffix: string;
  readonly weight: number;
  readonly containers: (rng: Random, name: string, team: string) => ContainerSpec[];
}

const APP_WORDS = [
  'orders', 'cart', 'accounts', 'users', 'auth', 'profile', 'invoices', 'quotes', 'stock', 'rates',
  'tracking', 'emails', 'sms', 'push', 'reports', 'exports', 'imports', 'feeds', 'ratings', 'images',
  'thumbnails', 'sessions', 'tokens', 'ledger', 'refunds', 'coupons', 'offers', 'recs', 'ranking',
  'indexer', 'crawler', 'audit', 'events', 'webhooks', 'scheduler', 'files', 'geo', 'tax', 'fx',
];

const TIER_LABEL = 'tier';

function appImage(team: string, name: string, rng: Random): string {
  return `registry.example.com/${team}/${name}:1.${rng.int(0, 40)}.${rng.int(0, 9)}`;
}

/** Sometimes a port is left unnamed, as it often is: named-port rules then do not match it. */
function maybeNamed(rng: Random, name: string, port: number, protocol: Protocol = 'TCP'): PortSpec {
  return rng.chance(0.9) ? { name, port, protocol } : { port, protocol };
}

const ARCHETYPES: readonly Archetype[] = [
  {
    tier: 'web',
    suffix: 'web',
    weight: 2,
    containers: (rng, name, team) => [
      { name: 'web', image: appImage(team, name, rng), ports: [maybeNamed(rng, 'http', 8080), { name: 'metrics', port: 9113, protocol: 'TCP' }] },
    ],
  },
  {
    tier: 'gateway',
    suffix: 'gateway',
    weight: 1,
    containers: () => [
      {
        name: 'envoy',
        image: 'envoyproxy/envoy:v1.31.2',
        ports: [
          { name: 'http', port: 8080, protocol: 'TCP' },
          { name: 'https', port: 8443, protocol: 'TCP' },
          { name: 'admin', port: 9901, protocol: 'TCP' },
          { name: 'metrics', port: 9102, protocol: 'TCP' },
        ],
      },
    ],
  },
  {
    tier: 'api',
    suffix: 'api',
    weight: 4,
    containers: (rng, name, team) => {
      const ports: PortSpec[] = [maybeNamed(rng, 'http', 8080), { name: 'metrics', port: 9090, protocol: 'TCP' }];
      if (rng.chance(0.5)) ports.splice(1, 0, { name: 'grpc', port: 9000, protocol: 'TCP' });
      const containers: ContainerSpec[] = [{ name: 'app', image: appImage(team, name, rng), ports }];
      if (rng.chance(0.2)) {
        containers.push({ name: 'istio-proxy', image: 'istio/proxyv2:1.23.2', ports: [{ name: 'http-envoy-prom', port: 15090, protocol: 'TCP' }] });
      }
      return containers;
    },
  },
  {
    tier: 'worker',
    suffix: 'worker',
    weight: 3,
    containers: (rng, name, team) => {
      const ports: PortSpec[] = [{ name: 'metrics', port: 9090, protocol: 'TCP' }];
      if (rng.chance(0.2)) ports.push({ name: 'statsd', port: 8125, protocol: 'UDP' });
      return [{ name: 'worker', image: appImage(team, name, rng), ports }];
    },
  },
  {
    tier: 'cache',
    suffix: 'redis',
    weight: 1,
    containers: () => [
      { name: 'redis', image: 'redis:7.4.1', ports: [{ name: 'redis', port: 6379, protocol: 'TCP' }] },
      { name: 'exporter', image: 'oliver006/redis_exporter:v1.66.0', ports: [{ name: 'metrics', port: 9121, protocol: 'TCP' }] },
    ],
  },
  {
    tier: 'db',
    suffix: 'postgres',
    weight: 1,
    containers: () => [
      { name: 'postgres', image: 'postgres:16.4', ports: [{ name: 'postgres', port: 5432, protocol: 'TCP' }] },
      { name: 'exporter', image: 'quay.io/prometheuscommunity/postgres-exporter:v0.15.0', ports: [{ name: 'metrics', port: 9187, protocol: 'TCP' }] },
    ],
  },
  {
    tier: 'queue',
    suffix: 'rabbitmq',
    weight: 1,
    containers: () => [
      {
        name: 'rabbitmq',
        image: 'rabbitmq:3.13-management',
        ports: [
          { name: 'amqp', port: 5672, protocol: 'TCP' },
          { name: 'management', port: 15672, protocol: 'TCP' },
          { name: 'metrics', port: 15692, protocol: 'TCP' },
        ],
      },
    ],
  },
  {
    // Pods with no declared port at all: common for batch-like consumers.
    tier: 'batch',
    suffix: 'sync',
    weight: 1,
    containers: (rng, name, team) => [{ name: 'sync', image: appImage(team, name, rng), ports: [] }],
  },
];

/** Which tiers each tier calls: the allow rules follow these edges. */
export const CALLS: Readonly<Record<Tier, readonly Tier[]>> = {
  web: ['api'],
  gateway: ['web', 'api'],
  api: ['api', 'db', 'cache', 'queue'],
  worker: ['queue', 'db', 'cache', 'api'],
  batch: ['api', 'db'],
  cache: [],
  db: [],
  queue: [],
  system: [],
};

const REPLICAS = [
  { weight: 25, value: [1, 1] },
  { weight: 30, value: [2, 2] },
  { weight: 25, value: [3, 3] },
  { weight: 15, value: [4, 6] },
  { weight: 5, value: [7, 12] },
] as const;

const BASE_TIME = Date.UTC(2025, 0, 1);

export function timestamp(rng: Random): string {
  return new Date(BASE_TIME + rng.int(0, 90 * 24 * 3600) * 1000).toISOString().replace('.000Z', 'Z');
}

function newApp(
  rng: Random,
  name: string,
  tier: Tier,
  labels: Record<string, string>,
  containers: ContainerSpec[],
  replicas: number,
  firstPod: number,
): AppSpec {
  return {
    name,
    tier,
    labels,
    containers,
    replicas,
    hash: rng.token(10),
    deploymentUid: rng.uuid(),
    replicaSetUid: rng.uuid(),
    created: timestamp(rng),
    firstPod,
    podSeed: rng.int(0, 0x7fffffff),
  };
}

/** The Deployments of one namespace, filling exactly its share of pods. */
export function appsOf(ns: NamespacePlan, rng: Random, systemReplicas: { coredns: number; prometheus: number }): AppSpec[] {
  if (ns.name === 'kube-system') {
    return [
      newApp(rng, 'coredns', 'system', { 'k8s-app': 'kube-dns' }, [
        {
          name: 'coredns',
          image: 'registry.k8s.io/coredns/coredns:v1.11.3',
          ports: [
            { name: 'dns', port: 53, protocol: 'UDP' },
            { name: 'dns-tcp', port: 53, protocol: 'TCP' },
            { name: 'metrics', port: 9153, protocol: 'TCP' },
          ],
        },
      ], systemReplicas.coredns, 0),
    ];
  }
  if (ns.name === 'monitoring') {
    const p = systemReplicas.prometheus;
    return [
      newApp(rng, 'prometheus', 'system', { app: 'prometheus' }, [
        { name: 'prometheus', image: 'quay.io/prometheus/prometheus:v2.54.1', ports: [{ name: 'web', port: 9090, protocol: 'TCP' }] },
      ], p, 0),
      newApp(rng, 'kube-state-metrics', 'system', { app: 'kube-state-metrics' }, [
        {
          name: 'kube-state-metrics',
          image: 'registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.13.0',
          ports: [{ name: 'http-metrics', port: 8080, protocol: 'TCP' }, { name: 'telemetry', port: 8081, protocol: 'TCP' }],
        },
      ], 1, p),
      newApp(rng, 'grafana', 'system', { app: 'grafana' }, [
        { name: 'grafana', image: 'grafana/grafana:11.2.0', ports: [{ name: 'http', port: 3000, protocol: 'TCP' }] },
      ], 1, p + 1),
    ];
  }
  const apps: AppSpec[] = [];
  const taken = new Set<string>();
  let placed = 0;
  while (placed < ns.pods) {
    const archetype = rng.weighted(ARCHETYPES.map((a) => ({ weight: a.weight, value: a })));
    const [lo, hi] = rng.weighted(REPLICAS.map((r) => ({ weight: r.weight, value: r.value })));
    const replicas = Math.min(rng.int(lo, hi), ns.pods - placed);
    const base = `${rng.pick(APP_WORDS)}-${archetype.suffix}`;
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
    taken.add(name);
    const labels = { app: name, [TIER_LABEL]: archetype.tier, 'app.kubernetes.io/part-of': ns.team };
    apps.push(newApp(rng, name, archetype.tier, labels, archetype.containers(rng, name, ns.team), replicas, placed));
    placed += replicas;
  }
  return apps;
}

/** The cluster-wide pod index decides the node and the address: 10.244.0.0/16 and onwards. */
export function podAddress(globalIndex: number): { ip: string; node: number; hostIP: string } {
  const node = Math.floor(globalIndex / PODS_PER_NODE);
  const host = (globalIndex % PODS_PER_NODE) + 2;
  const ip = `10.${244 + Math.floor(node / 256)}.${node % 256}.${host}`;
  const hostIP = `10.0.${Math.floor(node / 250)}.${(node % 250) + 4}`;
  return { ip, node, hostIP };
}

export function nodeName(node: number): string {
  return `node-${String(node + 1).padStart(4, '0')}`;
}
