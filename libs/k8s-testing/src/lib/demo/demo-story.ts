import type { CrdOptions } from '../server/fake-kube-api-server';
import type { KubeObject } from '../server/kube-object';
import {
  cronJob,
  daemonSet,
  DEMO_NODES,
  deployment,
  loadBalancer,
  namespace,
  node,
  PodPlacement,
  retiredReplicaSet,
  service,
  statefulSet,
  type WorkloadDef,
} from './demo-objects';

/**
 * The demo cluster's story, as data: an initial state and the steps that change it. Tests assert
 * on it; the runner (startDemoCluster) plays it. Workloads are named `namespace/Kind/name`.
 */

/** A write the story makes. */
export type DemoChange =
  | { readonly op: 'apply'; readonly object: KubeObject }
  | {
      readonly op: 'delete';
      readonly kind: string;
      readonly namespace?: string;
      readonly name: string;
    };

/** A change Palisade derives from comparing snapshots (docs/design.md, change events). */
export interface DemoDerivedChange {
  readonly kind:
    | 'WORKLOAD_ADDED_UNPROTECTED'
    | 'WORKLOAD_EXPOSED'
    | 'WORKLOAD_PROTECTED'
    | 'WORKLOAD_REMOVED'
    | 'POLICY_ADDED'
    | 'POLICY_REMOVED';
  /** `namespace/Kind/name` for workloads, `namespace/name` for policies. */
  readonly subject: string;
}

/** What holds after a step (checked against the objects with buildModel and the audit). */
export interface DemoExpectation {
  /** Workloads that exist and are not ingress-isolated. */
  readonly unprotected?: readonly string[];
  /** Workloads that exist and are ingress-isolated. */
  readonly protected?: readonly string[];
  /** Workloads that no longer exist. */
  readonly absent?: readonly string[];
  /** Running pods per workload. */
  readonly pods?: Readonly<Record<string, number>>;
  /** Workloads the internet reaches through an admitted entry point. */
  readonly published?: readonly string[];
}

export interface DemoStep {
  readonly id: string;
  readonly title: string;
  readonly changes: readonly DemoChange[];
  /** The change events Palisade should report for this step (none for pure churn). */
  readonly derived: readonly DemoDerivedChange[];
  readonly expect: DemoExpectation;
}

const placement = new PodPlacement();
const apply = (object: KubeObject): DemoChange => ({ op: 'apply', object });
const applyAll = (objects: readonly KubeObject[]): DemoChange[] => objects.map(apply);
const remove = (kind: string, ns: string | undefined, name: string): DemoChange => ({
  op: 'delete',
  kind,
  ...(ns !== undefined && { namespace: ns }),
  name,
});

function networkPolicy(ns: string, name: string, spec: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace: ns },
    spec,
  };
}

const nsSelector = (name: string): Record<string, unknown> => ({
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': name } },
});

// ---- Workloads -------------------------------------------------------------------------------

const coredns: WorkloadDef = {
  namespace: 'kube-system',
  name: 'coredns',
  labels: { 'k8s-app': 'kube-dns' },
  replicas: 2,
  containers: [
    {
      name: 'coredns',
      image: 'registry.k8s.io/coredns/coredns:v1.11.1',
      args: ['-conf', '/etc/coredns/Corefile'],
      ports: [
        { name: 'dns', containerPort: 53, protocol: 'UDP' },
        { name: 'dns-tcp', containerPort: 53 },
        { name: 'metrics', containerPort: 9153 },
      ],
    },
  ],
};

const frontend: WorkloadDef = {
  namespace: 'shop',
  name: 'frontend',
  labels: { tier: 'web' },
  replicas: 2,
  containers: [
    {
      name: 'web',
      image: 'ghcr.io/example/shop-frontend:2.4.1',
      ports: [{ name: 'http', containerPort: 8080 }],
    },
  ],
};

const cart: WorkloadDef = {
  namespace: 'shop',
  name: 'cart',
  labels: { tier: 'backend' },
  containers: [
    {
      name: 'cart',
      image: 'ghcr.io/example/shop-cart:1.9.0',
      ports: [
        { name: 'http', containerPort: 8080 },
        { name: 'metrics', containerPort: 9100 },
      ],
    },
  ],
};

const mailer: WorkloadDef = {
  namespace: 'shop',
  name: 'mailer',
  labels: { tier: 'backend' },
  containers: [
    {
      name: 'mailer',
      image: 'ghcr.io/example/shop-mailer:0.7.3',
      ports: [{ name: 'smtp', containerPort: 2525 }],
    },
  ],
};

const paymentsApi: WorkloadDef = {
  namespace: 'payments',
  name: 'api',
  labels: { tier: 'backend' },
  replicas: 2,
  containers: [
    {
      name: 'api',
      image: 'ghcr.io/example/payments-api:3.2.0',
      ports: [
        { name: 'https', containerPort: 8443 },
        { name: 'metrics', containerPort: 9100 },
      ],
    },
  ],
};

const ledger: WorkloadDef & { serviceName: string } = {
  namespace: 'payments',
  name: 'ledger',
  serviceName: 'ledger',
  labels: { tier: 'database' },
  containers: [
    {
      name: 'postgres',
      image: 'postgres:16.4',
      ports: [{ name: 'postgres', containerPort: 5432 }],
    },
  ],
};

const eventsCollector: WorkloadDef = {
  namespace: 'analytics',
  name: 'events-collector',
  containers: [
    {
      name: 'collector',
      image: 'ghcr.io/example/events-collector:5.0.2',
      ports: [
        { name: 'http', containerPort: 8080 },
        { name: 'grpc', containerPort: 9000 },
      ],
    },
  ],
};

const nightlyReport: WorkloadDef & { schedule: string } = {
  namespace: 'analytics',
  name: 'nightly-report',
  schedule: '0 2 * * *',
  containers: [{ name: 'report', image: 'ghcr.io/example/nightly-report:1.1.0' }],
};

const reportApi: WorkloadDef = {
  namespace: 'analytics',
  name: 'report-api',
  replicas: 2,
  containers: [
    {
      name: 'api',
      image: 'ghcr.io/example/report-api:0.1.0',
      ports: [{ name: 'http', containerPort: 8080 }],
    },
  ],
};

const prometheus: WorkloadDef & { serviceName: string } = {
  namespace: 'monitoring',
  name: 'prometheus',
  serviceName: 'prometheus',
  containers: [
    {
      name: 'prometheus',
      image: 'quay.io/prometheus/prometheus:v2.54.1',
      ports: [{ name: 'web', containerPort: 9090 }],
    },
  ],
};

const nodeExporter: WorkloadDef = {
  namespace: 'monitoring',
  name: 'node-exporter',
  containers: [
    {
      name: 'node-exporter',
      image: 'quay.io/prometheus/node-exporter:v1.8.2',
      ports: [{ name: 'metrics', containerPort: 9100 }],
    },
  ],
};

/** ingress-nginx as its cloud manifest installs it: the controller behind a load balancer (Local). */
const ingressNginx: WorkloadDef = {
  namespace: 'ingress-nginx',
  name: 'ingress-nginx-controller',
  labels: {
    'app.kubernetes.io/name': 'ingress-nginx',
    'app.kubernetes.io/instance': 'ingress-nginx',
    'app.kubernetes.io/component': 'controller',
  },
  containers: [
    {
      name: 'controller',
      image: 'registry.k8s.io/ingress-nginx/controller:v1.11.2',
      ports: [
        { name: 'http', containerPort: 80 },
        { name: 'https', containerPort: 443 },
      ],
    },
  ],
};

const INGRESS_ADDRESS = '34.117.40.10';

const ingressClass: KubeObject = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'IngressClass',
  metadata: { name: 'nginx', annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } },
  spec: { controller: 'k8s.io/ingress-nginx' },
};

// ---- Policies ----------------------------------------------------------------------------------

const shopDefaultDeny = networkPolicy('shop', 'default-deny-ingress', {
  podSelector: {},
  policyTypes: ['Ingress'],
});

const shopPolicies: KubeObject[] = [
  shopDefaultDeny,
  networkPolicy('shop', 'allow-frontend-from-anywhere', {
    podSelector: { matchLabels: { app: 'frontend' } },
    ingress: [{ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 'http' }] }],
  }),
  networkPolicy('shop', 'allow-cart-from-frontend', {
    podSelector: { matchLabels: { app: 'cart' } },
    ingress: [
      { from: [{ podSelector: { matchLabels: { app: 'frontend' } } }], ports: [{ port: 8080 }] },
    ],
  }),
];

const paymentsPolicies: KubeObject[] = [
  networkPolicy('payments', 'default-deny', {
    podSelector: {},
    policyTypes: ['Ingress', 'Egress'],
  }),
  networkPolicy('payments', 'allow-dns', {
    podSelector: {},
    egress: [
      {
        to: [
          { ...nsSelector('kube-system'), podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } },
        ],
        ports: [{ protocol: 'UDP', port: 53 }, { port: 53 }],
      },
    ],
  }),
  networkPolicy('payments', 'allow-api-from-shop-cart', {
    podSelector: { matchLabels: { app: 'api' } },
    ingress: [
      {
        from: [{ ...nsSelector('shop'), podSelector: { matchLabels: { app: 'cart' } } }],
        ports: [{ port: 'https' }],
      },
    ],
  }),
  networkPolicy('payments', 'allow-api-to-ledger', {
    podSelector: { matchLabels: { app: 'api' } },
    policyTypes: ['Egress'],
    egress: [
      { to: [{ podSelector: { matchLabels: { app: 'ledger' } } }], ports: [{ port: 5432 }] },
    ],
  }),
  networkPolicy('payments', 'allow-ledger-from-api', {
    podSelector: { matchLabels: { app: 'ledger' } },
    ingress: [
      { from: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ port: 'postgres' }] },
    ],
  }),
];

const reportApiPolicy = networkPolicy('analytics', 'report-api-allow-frontend', {
  podSelector: { matchLabels: { app: 'report-api' } },
  ingress: [
    {
      from: [{ ...nsSelector('shop'), podSelector: { matchLabels: { app: 'frontend' } } }],
      ports: [{ port: 'http' }],
    },
  ],
});

/** Served only where the policy.networking.k8s.io CRDs are installed; the runner skips them elsewhere. */
const adminPolicies: KubeObject[] = [
  {
    apiVersion: 'policy.networking.k8s.io/v1alpha1',
    kind: 'AdminNetworkPolicy',
    metadata: { name: 'allow-monitoring-scrape' },
    spec: {
      priority: 10,
      subject: { namespaces: {} },
      ingress: [
        {
          name: 'allow-prometheus-scrape',
          action: 'Allow',
          from: [{ namespaces: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
          ports: [{ namedPort: 'metrics' }],
        },
      ],
    },
  },
  {
    apiVersion: 'policy.networking.k8s.io/v1alpha1',
    kind: 'BaselineAdminNetworkPolicy',
    metadata: { name: 'default' },
    spec: {
      subject: { namespaces: { matchLabels: { team: 'platform' } } },
      ingress: [
        {
          name: 'allow-same-team',
          action: 'Allow',
          from: [{ namespaces: { matchLabels: { team: 'platform' } } }],
        },
        { name: 'deny-everyone-else', action: 'Deny', from: [{ namespaces: {} }] },
      ],
    },
  },
];

// ---- The initial state -------------------------------------------------------------------------

const paymentsApiInitial = deployment(paymentsApi, placement);
const frontendInitial = deployment(frontend, placement);

/** Everything the cluster holds when the story starts (owners before what they own). */
export const DEMO_INITIAL_OBJECTS: readonly KubeObject[] = [
  ...DEMO_NODES.map(node),
  namespace('default'),
  namespace('kube-system'),
  namespace('shop', { team: 'storefront' }),
  namespace('payments', { team: 'payments', compliance: 'pci' }),
  namespace('analytics', { team: 'data' }),
  namespace('monitoring', { team: 'platform' }),
  namespace('ingress-nginx', { 'app.kubernetes.io/name': 'ingress-nginx' }),
  ingressClass,
  ...deployment(ingressNginx, placement),
  loadBalancer(
    service(
      'ingress-nginx',
      'ingress-nginx-controller',
      '10.96.30.10',
      [
        { name: 'http', port: 80, targetPort: 'http' },
        { name: 'https', port: 443, targetPort: 'https' },
      ],
      { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' },
    ),
    INGRESS_ADDRESS,
    { firstNodePort: 30080, externalTrafficPolicy: 'Local' },
  ),
  service(
    'default',
    'kubernetes',
    '10.96.0.1',
    [{ name: 'https', port: 443, targetPort: 6443 }],
    {},
  ),
  ...deployment(coredns, placement),
  service(
    'kube-system',
    'kube-dns',
    '10.96.0.10',
    [
      { name: 'dns', port: 53, targetPort: 53, protocol: 'UDP' },
      { name: 'dns-tcp', port: 53, targetPort: 53 },
      { name: 'metrics', port: 9153, targetPort: 9153 },
    ],
    { 'k8s-app': 'kube-dns' },
  ),
  ...frontendInitial,
  ...deployment(cart, placement),
  ...deployment(mailer, placement),
  service('shop', 'frontend', '10.96.40.10', [{ name: 'http', port: 80, targetPort: 'http' }]),
  service('shop', 'cart', '10.96.40.11', [{ name: 'http', port: 8080, targetPort: 'http' }]),
  // The mailer takes mail from the internet through its own load balancer; shop's default deny
  // (and no allow rule for it) keeps the traffic out.
  loadBalancer(service('shop', 'mailer', '10.96.40.12', [{ name: 'smtp', port: 25, targetPort: 'smtp' }]), '34.117.40.12', {
    firstNodePort: 30025,
  }),
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name: 'shop',
      namespace: 'shop',
      annotations: { 'nginx.ingress.kubernetes.io/ssl-redirect': 'true' },
    },
    spec: {
      ingressClassName: 'nginx',
      tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }],
      rules: [
        {
          host: 'shop.example.com',
          http: {
            paths: [
              {
                path: '/',
                pathType: 'Prefix',
                backend: { service: { name: 'frontend', port: { name: 'http' } } },
              },
            ],
          },
        },
      ],
    },
    status: { loadBalancer: { ingress: [{ ip: INGRESS_ADDRESS }] } },
  },
  ...shopPolicies,
  ...paymentsApiInitial,
  ...statefulSet(ledger, placement),
  service('payments', 'api', '10.96.50.10', [{ name: 'https', port: 443, targetPort: 'https' }]),
  service('payments', 'ledger', 'None', [{ name: 'postgres', port: 5432, targetPort: 'postgres' }]),
  ...paymentsPolicies,
  ...deployment(eventsCollector, placement),
  cronJob(nightlyReport),
  service('analytics', 'events-collector', '10.96.60.10', [
    { name: 'http', port: 80, targetPort: 'http' },
    { name: 'grpc', port: 9000, targetPort: 'grpc' },
  ]),
  ...statefulSet(prometheus, placement),
  ...daemonSet(nodeExporter, placement),
  service('monitoring', 'prometheus', '10.96.70.10', [
    { name: 'web', port: 9090, targetPort: 'web' },
  ]),
  ...adminPolicies,
];

// ---- The steps ---------------------------------------------------------------------------------

const reportApiObjects = deployment(reportApi, placement);
const eventsCollectorObjects = deployment(eventsCollector, placement);
const restartedAt = '2024-09-02T09:30:00Z';

function podNames(objects: readonly KubeObject[]): string[] {
  return objects.filter((o) => o.kind === 'Pod').map((o) => o.metadata.name ?? '');
}

function replicaSetName(objects: readonly KubeObject[]): string {
  return objects.find((o) => o.kind === 'ReplicaSet')?.metadata.name ?? '';
}

/** Steps in order; at speed 1 one every 5 s. */
export const DEMO_STEPS: readonly DemoStep[] = [
  {
    id: 'analytics-deploys-report-api',
    title: 'The data team deploys report-api to analytics without a NetworkPolicy',
    changes: [
      ...applyAll(reportApiObjects),
      apply(
        service('analytics', 'report-api', '10.96.60.11', [
          { name: 'http', port: 80, targetPort: 'http' },
        ]),
      ),
    ],
    derived: [{ kind: 'WORKLOAD_ADDED_UNPROTECTED', subject: 'analytics/Deployment/report-api' }],
    expect: {
      unprotected: ['analytics/Deployment/report-api'],
      pods: { 'analytics/Deployment/report-api': 2 },
    },
  },
  {
    id: 'analytics-protects-report-api',
    title: 'A NetworkPolicy arrives: report-api only accepts the shop frontend',
    changes: [apply(reportApiPolicy)],
    derived: [
      { kind: 'POLICY_ADDED', subject: 'analytics/report-api-allow-frontend' },
      { kind: 'WORKLOAD_PROTECTED', subject: 'analytics/Deployment/report-api' },
    ],
    expect: {
      protected: ['analytics/Deployment/report-api'],
      unprotected: ['analytics/Deployment/events-collector'],
    },
  },
  {
    id: 'shop-default-deny-deleted',
    title: "Someone deletes shop's default-deny policy: the mailer is exposed again",
    changes: [remove('NetworkPolicy', 'shop', 'default-deny-ingress')],
    derived: [
      { kind: 'POLICY_REMOVED', subject: 'shop/default-deny-ingress' },
      { kind: 'WORKLOAD_EXPOSED', subject: 'shop/Deployment/mailer' },
    ],
    expect: {
      unprotected: ['shop/Deployment/mailer'],
      published: ['shop/Deployment/mailer'],
      protected: ['shop/Deployment/frontend', 'shop/Deployment/cart'],
    },
  },
  {
    id: 'shop-frontend-scales-up',
    title: 'The shop frontend scales from 2 to 4 replicas',
    changes: applyAll(deployment(frontend, placement, { replicas: 4 })),
    derived: [],
    expect: { protected: ['shop/Deployment/frontend'], pods: { 'shop/Deployment/frontend': 4 } },
  },
  {
    id: 'payments-api-restarts',
    title: 'payments/api is restarted (kubectl rollout restart): new pods, new IPs',
    changes: (() => {
      const restarted = deployment(paymentsApi, placement, { revision: 2, restartedAt });
      return [
        ...applyAll(restarted),
        apply(retiredReplicaSet(paymentsApi)),
        ...podNames(paymentsApiInitial).map((name) => remove('Pod', 'payments', name)),
      ];
    })(),
    derived: [],
    expect: { protected: ['payments/Deployment/api'], pods: { 'payments/Deployment/api': 2 } },
  },
  {
    id: 'monitoring-prometheus-load-balancer',
    title: 'The platform team puts Prometheus behind a LoadBalancer: the internet reaches it',
    changes: [
      apply(
        loadBalancer(
          service('monitoring', 'prometheus', '10.96.70.10', [{ name: 'web', port: 9090, targetPort: 'web' }]),
          '34.117.40.20',
          { firstNodePort: 30990 },
        ),
      ),
    ],
    derived: [{ kind: 'WORKLOAD_EXPOSED', subject: 'monitoring/StatefulSet/prometheus' }],
    expect: { protected: ['monitoring/StatefulSet/prometheus'], published: ['monitoring/StatefulSet/prometheus'] },
  },
  {
    id: 'analytics-collector-removed',
    title: 'The data team removes events-collector',
    changes: [
      remove('Service', 'analytics', 'events-collector'),
      remove('Deployment', 'analytics', 'events-collector'),
      remove('ReplicaSet', 'analytics', replicaSetName(eventsCollectorObjects)),
      ...podNames(eventsCollectorObjects).map((name) => remove('Pod', 'analytics', name)),
    ],
    derived: [{ kind: 'WORKLOAD_REMOVED', subject: 'analytics/Deployment/events-collector' }],
    expect: { absent: ['analytics/Deployment/events-collector'] },
  },
];

/** The id of the step a looping demo plays to go back to the initial state. */
export const DEMO_RESET_STEP_ID = 'reset';

/** A demo cluster's story: its initial state, its steps, and the CRDs its server serves. */
export interface DemoStory {
  /** The cluster's name in Palisade. */
  readonly name: string;
  readonly initial: readonly KubeObject[];
  readonly steps: readonly DemoStep[];
  /** Every object the story ever writes: the runner touches nothing else when it resets. */
  readonly managed: readonly KubeObject[];
  readonly crds: CrdOptions;
}

export function storyOf(name: string, initial: readonly KubeObject[], steps: readonly DemoStep[], crds: CrdOptions): DemoStory {
  const written = steps.flatMap((step) => step.changes.flatMap((change) => (change.op === 'apply' ? [change.object] : [])));
  return { name, initial, steps, managed: [...initial, ...written], crds };
}

/** The main demo cluster: Kubernetes NetworkPolicies and the admin policies. */
export const DEMO_STORY: DemoStory = storyOf('demo', DEMO_INITIAL_OBJECTS, DEMO_STEPS, { adminNetworkPolicies: true, clusterNetworkPolicies: true });

/** Every object the main story ever writes. */
export const DEMO_MANAGED_OBJECTS: readonly KubeObject[] = DEMO_STORY.managed;

/** Pod names of the first rollout, so tests can tell a restart (new names) from a scale-up. */
export const DEMO_INITIAL_PAYMENTS_API_PODS: readonly string[] = podNames(paymentsApiInitial);
export const DEMO_INITIAL_FRONTEND_PODS: readonly string[] = podNames(frontendInitial);
