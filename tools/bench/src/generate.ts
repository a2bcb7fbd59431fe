import {
  NAMESPACE_NAME_LABEL,
  planCluster,
  systemPods,
  type ClusterCni,
  type ClusterPlan,
  type GenerateOptions,
  type NamespacePlan,
  type NamespaceProtection,
} from './plan';
import { adminPolicies, networkPoliciesOf, type NamedPolicy, type NetworkPolicySpec } from './policies';
import { calicoPolicyOf, ciliumPolicyOf, type PolicyBody } from './plugin-policies';
import { Random } from './random';
import { appsOf, nodeName, podAddress, timestamp, type AppSpec, type ContainerSpec } from './workloads';

export { CLUSTER_CNIS, DEFAULT_SEED, planCluster, type ClusterCni, type ClusterSize, type GenerateOptions } from './plan';

/** What was written, for checks and for the table. */
export interface ClusterSummary {
  readonly pods: number;
  readonly namespaces: number;
  readonly deployments: number;
  readonly networkPolicies: number;
  /** CiliumNetworkPolicies or Calico NetworkPolicies written in place of NetworkPolicies. */
  readonly pluginPolicies: number;
  readonly adminPolicies: number;
  readonly namespacesByProtection: Readonly<Record<NamespaceProtection, readonly string[]>>;
}

type KubeObject = Record<string, unknown>;

const POD_TEMPLATE_HASH = 'pod-template-hash';

interface NamespaceContent {
  readonly apps: readonly AppSpec[];
  readonly policies: readonly NamedPolicy<NetworkPolicySpec>[];
  /** Continues where the content left off: uids and timestamps of the policies. */
  readonly rng: Random;
}

/** Regenerated on demand from the plan, so the writer never holds more than one namespace. */
function namespaceContent(plan: ClusterPlan, ns: NamespacePlan, teams: readonly string[]): NamespaceContent {
  const rng = Random.derive(plan.seed, ns.index);
  const apps = appsOf(ns, rng, systemPods(plan.size.pods));
  const policies = networkPoliciesOf(rng, ns, apps, teams);
  return { apps, policies, rng };
}

/** The label the Deployment selects on: `k8s-app` for CoreDNS, `app` for everything else. */
function selectorOf(app: AppSpec): Record<string, string> {
  return app.labels['k8s-app'] !== undefined ? { 'k8s-app': app.labels['k8s-app'] } : { app: app.labels['app'] };
}

function containersJson(containers: readonly ContainerSpec[]): KubeObject[] {
  return containers.map((c) => ({
    name: c.name,
    image: c.image,
    imagePullPolicy: 'IfNotPresent',
    ...(c.ports.length > 0 && {
      ports: c.ports.map((p) => ({ ...(p.name !== undefined && { name: p.name }), containerPort: p.port, protocol: p.protocol })),
    }),
    resources: { requests: { cpu: '100m', memory: '128Mi' } },
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
  }));
}

function podTemplateSpec(app: AppSpec): KubeObject {
  return {
    containers: containersJson(app.containers),
    dnsPolicy: 'ClusterFirst',
    restartPolicy: 'Always',
    schedulerName: 'default-scheduler',
    serviceAccountName: 'default',
    terminationGracePeriodSeconds: 30,
  };
}

function namespaceObject(ns: NamespacePlan, rng: Random): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: ns.name,
      uid: rng.uuid(),
      resourceVersion: String(rng.int(1000, 9_999_999)),
      creationTimestamp: timestamp(rng),
      labels: { ...ns.labels, [NAMESPACE_NAME_LABEL]: ns.name },
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

function deploymentObject(ns: NamespacePlan, app: AppSpec): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: app.name,
      namespace: ns.name,
      uid: app.deploymentUid,
      resourceVersion: String(app.podSeed % 9_000_000),
      generation: 1,
      creationTimestamp: app.created,
      labels: app.labels,
      annotations: { 'deployment.kubernetes.io/revision': '1' },
    },
    spec: {
      replicas: app.replicas,
      revisionHistoryLimit: 10,
      selector: { matchLabels: selectorOf(app) },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template: { metadata: { labels: app.labels }, spec: podTemplateSpec(app) },
    },
    status: {
      observedGeneration: 1,
      replicas: app.replicas,
      updatedReplicas: app.replicas,
      readyReplicas: app.replicas,
      availableReplicas: app.replicas,
    },
  };
}

function replicaSetName(app: AppSpec): string {
  return `${app.name}-${app.hash}`;
}

function replicaSetObject(ns: NamespacePlan, app: AppSpec): KubeObject {
  const labels = { ...app.labels, [POD_TEMPLATE_HASH]: app.hash };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: replicaSetName(app),
      namespace: ns.name,
      uid: app.replicaSetUid,
      resourceVersion: String((app.podSeed % 9_000_000) + 1),
      generation: 1,
      creationTimestamp: app.created,
      labels,
      annotations: { 'deployment.kubernetes.io/desired-replicas': String(app.replicas), 'deployment.kubernetes.io/revision': '1' },
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'Deployment', name: app.name, uid: app.deploymentUid, controller: true, blockOwnerDeletion: true },
      ],
    },
    spec: {
      replicas: app.replicas,
      selector: { matchLabels: { ...selectorOf(app), [POD_TEMPLATE_HASH]: app.hash } },
      template: { metadata: { labels }, spec: podTemplateSpec(app) },
    },
    status: {
      observedGeneration: 1,
      replicas: app.replicas,
      fullyLabeledReplicas: app.replicas,
      readyReplicas: app.replicas,
      availableReplicas: app.replicas,
    },
  };
}

function podObjects(ns: NamespacePlan, app: AppSpec): KubeObject[] {
  const rng = new Random(app.podSeed);
  const rs = replicaSetName(app);
  const labels = { ...app.labels, [POD_TEMPLATE_HASH]: app.hash };
  const names = new Set<string>();
  const pods: KubeObject[] = [];
  for (let r = 0; r < app.replicas; r++) {
    let name = `${rs}-${rng.token(5)}`;
    while (names.has(name)) name = `${rs}-${rng.token(5)}`;
    names.add(name);
    const address = podAddress(ns.firstPod + app.firstPod + r);
    const started = timestamp(rng);
    pods.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        generateName: `${rs}-`,
        namespace: ns.name,
        uid: rng.uuid(),
        resourceVersion: String(rng.int(1000, 9_999_999)),
        creationTimestamp: started,
        labels,
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs, uid: app.replicaSetUid, controller: true, blockOwnerDeletion: true },
        ],
      },
      spec: { ...podTemplateSpec(app), nodeName: nodeName(address.node), enableServiceLinks: true, priority: 0 },
      status: {
        phase: 'Running',
        hostIP: address.hostIP,
        hostIPs: [{ ip: address.hostIP }],
        podIP: address.ip,
        podIPs: [{ ip: address.ip }],
        qosClass: 'Burstable',
        startTime: started,
      },
    });
  }
  return pods;
}

/**
 * Whether the namespace's `index`th policy is written as the plugin's own kind: a third of each
 * namespace's policies, the third chosen by the namespace's index, so default-deny and
 * allow-from-monitoring policies are among them in some namespaces and not in others.
 */
function writtenForPlugin(cni: ClusterCni, ns: NamespacePlan, index: number): boolean {
  return cni !== 'generic' && index % 3 === ns.index % 3;
}

/**
 * The NetworkPolicy, or its equivalent in the plugin's kind. `rng` gives the metadata, drawn
 * alike for every kind so the rest of the namespace is the same whatever the plugin; `l7Rng`
 * decides which Cilium rules get an L7 rule.
 */
function policyObject(
  ns: NamespacePlan,
  policy: NamedPolicy<NetworkPolicySpec>,
  writtenAs: ClusterCni,
  rng: Random,
  l7Rng: Random,
): KubeObject {
  const metadata = {
    name: policy.name,
    namespace: ns.name,
    uid: rng.uuid(),
    resourceVersion: String(rng.int(1000, 9_999_999)),
    generation: 1,
    creationTimestamp: timestamp(rng),
  };
  const { apiVersion, kind, spec } = policyOfKind(writtenAs, policy.spec, l7Rng);
  return { apiVersion, kind, metadata, spec };
}

function policyOfKind(writtenAs: ClusterCni, spec: NetworkPolicySpec, l7Rng: Random): PolicyBody {
  if (writtenAs === 'cilium') return ciliumPolicyOf(spec, l7Rng);
  if (writtenAs === 'calico') return calicoPolicyOf(spec);
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', spec };
}

/** Streams -1 to -3 are the plan's, the namespaces' and the admin policies'; L7 choices come after. */
function l7Stream(plan: ClusterPlan, ns: NamespacePlan): Random {
  return Random.derive(plan.seed, -4 - ns.index);
}

/**
 * Writes the cluster as `kubectl get ns,deploy,rs,pods,netpol,anp,banp -A -o json` prints it: one
 * `kind: List`, objects grouped by kind (Cilium or Calico policies among the NetworkPolicies).
 * Streams in chunks so 150,000 pods never sit in memory as objects; `write` receives the text
 * piece by piece.
 */
export function writeClusterList(options: GenerateOptions, write: (chunk: string) => void): ClusterSummary {
  const plan = planCluster(options);
  const cni = options.cni ?? 'generic';
  const teams = [...new Set(plan.namespaces.filter((ns) => ns.protection !== 'system').map((ns) => ns.team))].sort();
  let first = true;
  const emit = (obj: KubeObject): void => {
    write((first ? '\n' : ',\n') + JSON.stringify(obj));
    first = false;
  };
  const counts = { pods: 0, deployments: 0, networkPolicies: 0, pluginPolicies: 0, adminPolicies: 0 };
  const forEachNamespace = (fn: (ns: NamespacePlan, content: NamespaceContent) => void) => {
    for (const ns of plan.namespaces) fn(ns, namespaceContent(plan, ns, teams));
  };

  write('{"apiVersion":"v1","kind":"List","items":[');
  const nsRng = Random.derive(plan.seed, -2);
  for (const ns of plan.namespaces) emit(namespaceObject(ns, nsRng));
  forEachNamespace((ns, { apps }) => {
    for (const app of apps) emit(deploymentObject(ns, app));
    counts.deployments += apps.length;
  });
  forEachNamespace((ns, { apps }) => apps.forEach((app) => emit(replicaSetObject(ns, app))));
  forEachNamespace((ns, { apps }) => {
    for (const app of apps) {
      for (const pod of podObjects(ns, app)) emit(pod);
      counts.pods += app.replicas;
    }
  });
  forEachNamespace((ns, { policies, rng }) => {
    const l7Rng = l7Stream(plan, ns);
    policies.forEach((policy, index) => {
      const asPlugin = writtenForPlugin(cni, ns, index);
      emit(policyObject(ns, policy, asPlugin ? cni : 'generic', rng, l7Rng));
      if (asPlugin) counts.pluginPolicies++;
      else counts.networkPolicies++;
    });
  });
  const adminRng = Random.derive(plan.seed, -3);
  for (const policy of adminPolicies().slice(0, plan.adminPolicies)) {
    emit({
      apiVersion: 'policy.networking.k8s.io/v1alpha1',
      kind: policy.kind,
      metadata: { name: policy.name, uid: adminRng.uuid(), resourceVersion: String(adminRng.int(1000, 9_999_999)), generation: 1, creationTimestamp: timestamp(adminRng) },
      spec: policy.spec,
    });
    counts.adminPolicies++;
  }
  write('\n],"metadata":{"resourceVersion":""}}\n');

  const namespacesByProtection: Record<NamespaceProtection, string[]> = {
    system: [],
    unprotected: [],
    'ingress-deny': [],
    'ingress-egress-deny': [],
  };
  for (const ns of plan.namespaces) namespacesByProtection[ns.protection].push(ns.name);
  return { ...counts, namespaces: plan.namespaces.length, namespacesByProtection };
}

/** The whole List as one string: for tests and small clusters. */
export function generateClusterList(options: GenerateOptions): { text: string; summary: ClusterSummary } {
  const chunks: string[] = [];
  const summary = writeClusterList(options, (chunk) => chunks.push(chunk));
  return { text: chunks.join(''), summary };
}
