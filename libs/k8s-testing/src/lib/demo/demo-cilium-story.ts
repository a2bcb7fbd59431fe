import type { KubeObject } from '../server/kube-object';
import {
  daemonSet,
  DEMO_NODES,
  deployment,
  loadBalancer,
  namespace,
  node,
  PodPlacement,
  service,
  statefulSet,
  type WorkloadDef,
} from './demo-objects';
import { storyOf, type DemoChange, type DemoStep, type DemoStory } from './demo-story';

/**
 * The second demo cluster: one that runs Cilium and writes most of its policy as Cilium
 * resources, so the dashboard shows both kinds side by side. It holds what a Cilium cluster
 * shows Palisade (the agent DaemonSet, the node annotations, the cilium.io CRDs), policies whose
 * verdicts only Cilium's semantics give (entities, L7 rules, DNS names, deny rules,
 * cluster-wide policies), and two that are not enforced there: an AdminNetworkPolicy (Cilium
 * does not implement them) and a host policy.
 */

const placement = new PodPlacement();
const apply = (object: KubeObject): DemoChange => ({ op: 'apply', object });

function cnp(ns: string, name: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'cilium.io/v2', kind: 'CiliumNetworkPolicy', metadata: { name, namespace: ns }, spec };
}

function ccnp(name: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'cilium.io/v2', kind: 'CiliumClusterwideNetworkPolicy', metadata: { name }, spec };
}

/** What Cilium's agent writes on each node it runs on. */
function ciliumNode(def: (typeof DEMO_NODES)[number]): KubeObject {
  const obj = node(def);
  obj.metadata.annotations = {
    'io.cilium.network.ipv4-cilium-host': `${def.podNet}.1`,
    'io.cilium.network.ipv4-pod-cidr': `${def.podNet}.0/24`,
  };
  return obj;
}

const web = (name: string, ns: string, port: number, extra: Partial<WorkloadDef> = {}): WorkloadDef => ({
  namespace: ns,
  name,
  containers: [{ name, image: `ghcr.io/example/${ns}-${name}:1.0.0`, ports: [{ name: 'http', containerPort: port }] }],
  ...extra,
});

const cilium: WorkloadDef = {
  namespace: 'kube-system',
  name: 'cilium',
  labels: { 'k8s-app': 'cilium' },
  containers: [{ name: 'cilium-agent', image: 'quay.io/cilium/cilium:v1.16.3' }],
};
const coredns: WorkloadDef = {
  namespace: 'kube-system',
  name: 'coredns',
  labels: { 'k8s-app': 'kube-dns' },
  containers: [
    {
      name: 'coredns',
      image: 'registry.k8s.io/coredns/coredns:v1.11.1',
      ports: [
        { name: 'dns', containerPort: 53, protocol: 'UDP' },
        { name: 'dns-tcp', containerPort: 53 },
      ],
    },
  ],
};
const storefront = web('storefront', 'store', 8080, { replicas: 2 });
const catalog = web('catalog', 'store', 8080);
const billingApi = web('api', 'billing', 8443);
const billingDb: WorkloadDef & { serviceName: string } = {
  namespace: 'billing',
  name: 'db',
  serviceName: 'db',
  containers: [{ name: 'postgres', image: 'docker.io/library/postgres:16.4', ports: [{ name: 'postgres', containerPort: 5432 }] }],
};
const thumbnailer = web('thumbnailer', 'media', 8080);
const uploader = web('uploader', 'media', 8080);

const dnsEgress = {
  toEndpoints: [{ matchLabels: { 'k8s:io.kubernetes.pod.namespace': 'kube-system', 'k8s:k8s-app': 'kube-dns' } }],
  toPorts: [{ ports: [{ port: '53', protocol: 'ANY' }], rules: { dns: [{ matchPattern: '*' }] } }],
};

const policies: KubeObject[] = [
  // The storefront takes traffic from outside the cluster, on its port only.
  cnp('store', 'storefront-from-world', {
    endpointSelector: { matchLabels: { app: 'storefront' } },
    ingress: [{ fromEntities: ['world'], toPorts: [{ ports: [{ port: '8080', protocol: 'TCP' }] }] }],
  }),
  // The catalog answers the storefront's GETs only: an L7 rule, so a conditional verdict.
  cnp('store', 'catalog-read-only', {
    endpointSelector: { matchLabels: { app: 'catalog' } },
    ingress: [
      {
        fromEndpoints: [{ matchLabels: { app: 'storefront' } }],
        toPorts: [{ ports: [{ port: '8080', protocol: 'TCP' }], rules: { http: [{ method: 'GET', path: '/api/v1/.*' }] } }],
      },
    ],
  }),
  // The billing API: from the storefront in another namespace, to its database, DNS and one payment provider.
  cnp('billing', 'api', {
    endpointSelector: { matchLabels: { app: 'api' } },
    ingress: [
      {
        fromEndpoints: [{ matchLabels: { 'k8s:io.kubernetes.pod.namespace': 'store', app: 'storefront' } }],
        toPorts: [{ ports: [{ port: '8443', protocol: 'TCP' }] }],
      },
    ],
    egress: [
      { toEndpoints: [{ matchLabels: { app: 'db' } }], toPorts: [{ ports: [{ port: '5432', protocol: 'TCP' }] }] },
      dnsEgress,
      { toFQDNs: [{ matchName: 'api.stripe.com' }], toPorts: [{ ports: [{ port: '443', protocol: 'TCP' }] }] },
    ],
  }),
  cnp('billing', 'db', {
    endpointSelector: { matchLabels: { app: 'db' } },
    ingress: [{ fromEndpoints: [{ matchLabels: { app: 'api' } }], toPorts: [{ ports: [{ port: '5432', protocol: 'TCP' }] }] }],
    egress: [{}],
  }),
  // Whatever else allows it, nothing in media reaches billing.
  ccnp('media-never-reaches-billing', {
    endpointSelector: { matchLabels: { 'k8s:io.kubernetes.pod.namespace': 'billing' } },
    ingressDeny: [{ fromEndpoints: [{ matchLabels: { 'k8s:io.kubernetes.pod.namespace': 'media' } }] }],
  }),
  // A host policy: read and shown, not evaluated (it applies to nodes).
  ccnp('nodes-ssh-from-bastion', {
    nodeSelector: {},
    ingress: [{ fromCIDR: ['192.0.2.10/32'], toPorts: [{ ports: [{ port: '22', protocol: 'TCP' }] }] }],
  }),
  // Installed with the network-policy-api CRDs, but Cilium does not implement it: not enforced here.
  {
    apiVersion: 'policy.networking.k8s.io/v1alpha1',
    kind: 'AdminNetworkPolicy',
    metadata: { name: 'deny-media-egress' },
    spec: {
      priority: 20,
      subject: { namespaces: { matchLabels: { 'kubernetes.io/metadata.name': 'media' } } },
      egress: [{ name: 'deny-all', action: 'Deny', to: [{ namespaces: {} }] }],
    },
  },
];

const uploaderPolicy = cnp('media', 'uploader-from-storefront', {
  endpointSelector: { matchLabels: { app: 'uploader' } },
  ingress: [
    {
      fromEndpoints: [{ matchLabels: { 'k8s:io.kubernetes.pod.namespace': 'store', app: 'storefront' } }],
      toPorts: [{ ports: [{ port: '8080', protocol: 'TCP' }], rules: { http: [{ method: 'POST', path: '/upload' }] } }],
    },
  ],
});

const initial: KubeObject[] = [
  ...DEMO_NODES.map(ciliumNode),
  namespace('default'),
  namespace('kube-system'),
  namespace('store', { team: 'storefront' }),
  namespace('billing', { team: 'payments', compliance: 'pci' }),
  namespace('media', { team: 'media' }),
  ...daemonSet(cilium, placement),
  ...deployment(coredns, placement),
  service('kube-system', 'kube-dns', '10.96.0.10', [{ name: 'dns', port: 53, targetPort: 53, protocol: 'UDP' }], { 'k8s-app': 'kube-dns' }),
  ...deployment(storefront, placement),
  ...deployment(catalog, placement),
  ...deployment(billingApi, placement),
  ...statefulSet(billingDb, placement),
  ...deployment(thumbnailer, placement),
  // The storefront's load balancer keeps the client's address (Local), which its policy admits as world.
  loadBalancer(service('store', 'storefront', '10.96.80.10', [{ name: 'http', port: 80, targetPort: 'http' }]), '34.117.41.10', {
    firstNodePort: 31080,
    externalTrafficPolicy: 'Local',
  }),
  service('store', 'catalog', '10.96.80.11', [{ name: 'http', port: 8080, targetPort: 'http' }]),
  service('billing', 'api', '10.96.81.10', [{ name: 'https', port: 443, targetPort: 'http' }]),
  service('billing', 'db', 'None', [{ name: 'postgres', port: 5432, targetPort: 'postgres' }]),
  service('media', 'thumbnailer', '10.96.82.10', [{ name: 'http', port: 80, targetPort: 'http' }]),
  ...policies,
];

const uploaderObjects = deployment(uploader, placement);

const steps: DemoStep[] = [
  {
    id: 'media-deploys-uploader',
    title: 'The media team deploys uploader without a policy',
    changes: uploaderObjects.map(apply),
    derived: [{ kind: 'WORKLOAD_ADDED_UNPROTECTED', subject: 'media/Deployment/uploader' }],
    expect: { unprotected: ['media/Deployment/uploader'], pods: { 'media/Deployment/uploader': 1 } },
  },
  {
    id: 'media-protects-uploader',
    title: 'A CiliumNetworkPolicy lets only the storefront POST to uploader',
    changes: [apply(uploaderPolicy)],
    derived: [
      { kind: 'POLICY_ADDED', subject: 'CiliumNetworkPolicy/media/uploader-from-storefront' },
      { kind: 'WORKLOAD_PROTECTED', subject: 'media/Deployment/uploader' },
    ],
    expect: { protected: ['media/Deployment/uploader'], unprotected: ['media/Deployment/thumbnailer'] },
  },
];

/** The Cilium cluster's story: a cluster-wide deny and L7 rules from the start, then one workload arrives and is protected. */
export const DEMO_CILIUM_STORY: DemoStory = storyOf('demo-cilium', initial, steps, { cilium: true, adminNetworkPolicies: true });
