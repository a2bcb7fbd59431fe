import type { KubeObject } from '../server/kube-object';

/**
 * Builders for the demo cluster's objects, shaped as `kubectl get -o yaml` shows them on a real
 * cluster: controllers own their pods through ownerReferences (uids are filled in when applied),
 * Deployment pods carry `pod-template-hash`, pods run on nodes with IPs from the node's pod CIDR.
 */

export interface DemoNode {
  readonly name: string;
  readonly internalIp: string;
  /** The first three octets of the node's /24 pod CIDR. */
  readonly podNet: string;
  readonly controlPlane?: boolean;
}

export const DEMO_NODES: readonly DemoNode[] = [
  { name: 'demo-control-plane', internalIp: '172.18.0.2', podNet: '10.244.0', controlPlane: true },
  { name: 'demo-worker', internalIp: '172.18.0.3', podNet: '10.244.1' },
  { name: 'demo-worker2', internalIp: '172.18.0.4', podNet: '10.244.2' },
];

const WORKERS = DEMO_NODES.filter((node) => node.controlPlane !== true);

export interface ContainerDef {
  readonly name: string;
  readonly image: string;
  readonly ports?: readonly {
    readonly name: string;
    readonly containerPort: number;
    readonly protocol?: 'TCP' | 'UDP';
  }[];
  readonly args?: readonly string[];
}

export interface WorkloadDef {
  readonly namespace: string;
  readonly name: string;
  readonly containers: readonly ContainerDef[];
  /** Extra labels for the workload and its pods (`app: <name>` is always there). */
  readonly labels?: Readonly<Record<string, string>>;
  readonly replicas?: number;
}

const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** FNV-1a, 32 bits: what the controllers hash pod templates with. */
function fnv32a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** rand.SafeEncodeString(fmt.Sprint(hash)): the form of pod-template-hash and name suffixes. */
function safeEncode(text: string): string {
  return [...text]
    .map((c) => SAFE_ALPHABET.charAt(c.charCodeAt(0) % SAFE_ALPHABET.length))
    .join('');
}

export function templateHash(template: unknown): string {
  return safeEncode(String(fnv32a(JSON.stringify(template))));
}

/** The five-character suffix the API server's generateName would add; stable per seed. */
function nameSuffix(seed: string): string {
  return safeEncode(String(fnv32a(seed)))
    .slice(0, 5)
    .padEnd(5, 'x');
}

const STARTED_CONDITIONS = [
  'PodReadyToStartContainers',
  'Initialized',
  'Ready',
  'ContainersReady',
  'PodScheduled',
];

/**
 * Places pods on nodes and gives them IPs. A pod keeps its node and IP for as long as it keeps its
 * name; a new pod (a restart, a scale-up) gets the next free address of its node.
 */
export class PodPlacement {
  private readonly placed = new Map<string, { node: DemoNode; ip: string }>();
  private readonly nextHost = new Map<string, number>();
  private round = 0;

  place(podKey: string, node?: DemoNode): { node: DemoNode; ip: string } {
    const known = this.placed.get(podKey);
    if (known !== undefined) return known;
    const chosen = node ?? WORKERS[this.round++ % WORKERS.length];
    if (chosen === undefined) throw new Error('the demo cluster has no worker nodes');
    const host = this.nextHost.get(chosen.name) ?? 10;
    this.nextHost.set(chosen.name, host + 1);
    const placement = { node: chosen, ip: `${chosen.podNet}.${host}` };
    this.placed.set(podKey, placement);
    return placement;
  }
}

function containerSpecs(containers: readonly ContainerDef[]): Record<string, unknown>[] {
  return containers.map((c) => ({
    name: c.name,
    image: c.image,
    ...(c.args !== undefined && { args: [...c.args] }),
    ...(c.ports !== undefined && {
      ports: c.ports.map((p) => ({
        name: p.name,
        containerPort: p.containerPort,
        protocol: p.protocol ?? 'TCP',
      })),
    }),
    resources: { requests: { cpu: '50m', memory: '64Mi' } },
  }));
}

function podTemplate(
  def: WorkloadDef,
  annotations?: Record<string, string>,
): { metadata: Record<string, unknown>; spec: Record<string, unknown> } {
  return {
    metadata: {
      labels: { app: def.name, ...def.labels },
      ...(annotations !== undefined && { annotations }),
    },
    spec: { containers: containerSpecs(def.containers) },
  };
}

interface PodInput {
  readonly namespace: string;
  readonly name: string;
  readonly generateName?: string;
  readonly labels: Record<string, string>;
  readonly annotations?: Record<string, string>;
  readonly owner: { readonly apiVersion: string; readonly kind: string; readonly name: string };
  readonly spec: Record<string, unknown>;
  readonly containers: readonly ContainerDef[];
  readonly placement: { node: DemoNode; ip: string };
}

function pod(input: PodInput): KubeObject {
  const { node, ip } = input.placement;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: input.name,
      ...(input.generateName !== undefined && { generateName: input.generateName }),
      namespace: input.namespace,
      labels: input.labels,
      ...(input.annotations !== undefined && { annotations: input.annotations }),
      ownerReferences: [{ ...input.owner, controller: true, blockOwnerDeletion: true }],
    },
    spec: { ...input.spec, nodeName: node.name },
    status: {
      phase: 'Running',
      conditions: STARTED_CONDITIONS.map((type) => ({ type, status: 'True' })),
      hostIP: node.internalIp,
      hostIPs: [{ ip: node.internalIp }],
      podIP: ip,
      podIPs: [{ ip }],
      qosClass: 'Burstable',
      containerStatuses: input.containers.map((c) => ({
        name: c.name,
        image: c.image,
        imageID: `${c.image.split(':')[0] ?? c.image}@sha256:${fnv32a(c.image).toString(16).padStart(8, '0').repeat(8)}`,
        ready: true,
        started: true,
        restartCount: 0,
        state: { running: {} },
      })),
    },
  };
}

export interface DeploymentRevision {
  /** deployment.kubernetes.io/revision: bumped by every rollout. */
  readonly revision?: number;
  /** What `kubectl rollout restart` writes into the pod template. */
  readonly restartedAt?: string;
  readonly replicas?: number;
}

/** A Deployment, its current ReplicaSet and that ReplicaSet's pods. */
export function deployment(
  def: WorkloadDef,
  placement: PodPlacement,
  rollout: DeploymentRevision = {},
): KubeObject[] {
  const replicas = rollout.replicas ?? def.replicas ?? 1;
  const revision = rollout.revision ?? 1;
  const annotations =
    rollout.restartedAt === undefined
      ? undefined
      : { 'kubectl.kubernetes.io/restartedAt': rollout.restartedAt };
  const template = podTemplate(def, annotations);
  const hash = templateHash(template);
  const replicaSetName = `${def.name}-${hash}`;
  const podLabels = {
    ...(template.metadata['labels'] as Record<string, string>),
    'pod-template-hash': hash,
  };
  const labels = { app: def.name, ...def.labels };
  const status = { replicas, readyReplicas: replicas, availableReplicas: replicas };
  const deploymentObject: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: def.name,
      namespace: def.namespace,
      labels,
      annotations: { 'deployment.kubernetes.io/revision': String(revision) },
    },
    spec: { replicas, selector: { matchLabels: { app: def.name } }, template },
    status: {
      ...status,
      updatedReplicas: replicas,
      conditions: [
        {
          type: 'Available',
          status: 'True',
          reason: 'MinimumReplicasAvailable',
          message: 'Deployment has minimum availability.',
        },
        {
          type: 'Progressing',
          status: 'True',
          reason: 'NewReplicaSetAvailable',
          message: `ReplicaSet "${replicaSetName}" has successfully progressed.`,
        },
      ],
    },
  };
  const replicaSet = replicaSetObject(
    def,
    replicaSetName,
    hash,
    template,
    replicas,
    revision,
    replicas,
  );
  const pods = Array.from({ length: replicas }, (_, index) => {
    const name = `${replicaSetName}-${nameSuffix(`${replicaSetName}/${index}`)}`;
    return pod({
      namespace: def.namespace,
      name,
      generateName: `${replicaSetName}-`,
      labels: podLabels,
      ...(annotations !== undefined && { annotations }),
      owner: { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: replicaSetName },
      spec: template.spec,
      containers: def.containers,
      placement: placement.place(`${def.namespace}/${name}`),
    });
  });
  return [deploymentObject, replicaSet, ...pods];
}

function replicaSetObject(
  def: WorkloadDef,
  name: string,
  hash: string,
  template: ReturnType<typeof podTemplate>,
  replicas: number,
  revision: number,
  desired: number,
): KubeObject {
  const labels = {
    ...(template.metadata['labels'] as Record<string, string>),
    'pod-template-hash': hash,
  };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: def.namespace,
      labels,
      annotations: {
        'deployment.kubernetes.io/desired-replicas': String(desired),
        'deployment.kubernetes.io/max-replicas': String(desired + Math.ceil(desired / 4)),
        'deployment.kubernetes.io/revision': String(revision),
      },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: def.name,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      replicas,
      selector: { matchLabels: { app: def.name, 'pod-template-hash': hash } },
      template: { ...template, metadata: { ...template.metadata, labels } },
    },
    status:
      replicas === 0
        ? { replicas: 0 }
        : {
            replicas,
            fullyLabeledReplicas: replicas,
            readyReplicas: replicas,
            availableReplicas: replicas,
          },
  };
}

/** The ReplicaSet a rollout leaves behind: scaled to zero, kept for `kubectl rollout undo`. */
export function retiredReplicaSet(def: WorkloadDef, rollout: DeploymentRevision = {}): KubeObject {
  const desired = def.replicas ?? 1;
  const annotations =
    rollout.restartedAt === undefined
      ? undefined
      : { 'kubectl.kubernetes.io/restartedAt': rollout.restartedAt };
  const template = podTemplate(def, annotations);
  const hash = templateHash(template);
  return replicaSetObject(
    def,
    `${def.name}-${hash}`,
    hash,
    template,
    0,
    rollout.revision ?? 1,
    desired,
  );
}

/** A StatefulSet and its ordinal pods. */
export function statefulSet(
  def: WorkloadDef & { readonly serviceName: string },
  placement: PodPlacement,
): KubeObject[] {
  const replicas = def.replicas ?? 1;
  const template = podTemplate(def);
  const revision = `${def.name}-${templateHash(template).slice(0, 10)}`;
  const set: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: {
      name: def.name,
      namespace: def.namespace,
      labels: { app: def.name, ...def.labels },
    },
    spec: {
      replicas,
      serviceName: def.serviceName,
      selector: { matchLabels: { app: def.name } },
      template,
    },
    status: {
      replicas,
      readyReplicas: replicas,
      availableReplicas: replicas,
      currentReplicas: replicas,
      updatedReplicas: replicas,
      currentRevision: revision,
      updateRevision: revision,
      collisionCount: 0,
    },
  };
  const pods = Array.from({ length: replicas }, (_, index) => {
    const name = `${def.name}-${index}`;
    return pod({
      namespace: def.namespace,
      name,
      labels: {
        ...(template.metadata['labels'] as Record<string, string>),
        'apps.kubernetes.io/pod-index': String(index),
        'controller-revision-hash': revision,
        'statefulset.kubernetes.io/pod-name': name,
      },
      owner: { apiVersion: 'apps/v1', kind: 'StatefulSet', name: def.name },
      spec: { ...template.spec, hostname: name, subdomain: def.serviceName },
      containers: def.containers,
      placement: placement.place(`${def.namespace}/${name}`),
    });
  });
  return [set, ...pods];
}

/** A DaemonSet with one pod on every node. */
export function daemonSet(def: WorkloadDef, placement: PodPlacement): KubeObject[] {
  const template = podTemplate(def);
  template.spec['tolerations'] = [
    { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
  ];
  const hash = templateHash(template).slice(0, 10);
  const count = DEMO_NODES.length;
  const set: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: {
      name: def.name,
      namespace: def.namespace,
      labels: { app: def.name, ...def.labels },
      annotations: { 'deprecated.daemonset.template.generation': '1' },
    },
    spec: { selector: { matchLabels: { app: def.name } }, template },
    status: {
      currentNumberScheduled: count,
      desiredNumberScheduled: count,
      numberAvailable: count,
      numberMisscheduled: 0,
      numberReady: count,
      updatedNumberScheduled: count,
    },
  };
  const pods = DEMO_NODES.map((node) => {
    const name = `${def.name}-${nameSuffix(`${def.name}/${node.name}`)}`;
    return pod({
      namespace: def.namespace,
      name,
      generateName: `${def.name}-`,
      labels: {
        ...(template.metadata['labels'] as Record<string, string>),
        'controller-revision-hash': hash,
        'pod-template-generation': '1',
      },
      owner: { apiVersion: 'apps/v1', kind: 'DaemonSet', name: def.name },
      spec: template.spec,
      containers: def.containers,
      placement: placement.place(`${def.namespace}/${name}`, node),
    });
  });
  return [set, ...pods];
}

/** A CronJob between runs: no Job, no pods (readers stand in for the pods it will start). */
export function cronJob(def: WorkloadDef & { readonly schedule: string }): KubeObject {
  const template = podTemplate(def);
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: {
      name: def.name,
      namespace: def.namespace,
      labels: { app: def.name, ...def.labels },
    },
    spec: {
      schedule: def.schedule,
      jobTemplate: {
        metadata: { labels: { app: def.name } },
        spec: { template: { ...template, spec: { ...template.spec, restartPolicy: 'OnFailure' } } },
      },
    },
    status: {},
  };
}

export interface ServicePortDef {
  readonly name: string;
  readonly port: number;
  readonly targetPort: number | string;
  readonly protocol?: 'TCP' | 'UDP';
}

export function service(
  namespace: string,
  name: string,
  clusterIP: string,
  ports: readonly ServicePortDef[],
  selector: Readonly<Record<string, string>> = { app: name },
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, labels: { app: name } },
    spec: {
      selector: { ...selector },
      clusterIP,
      clusterIPs: [clusterIP],
      ports: ports.map((p) => ({
        name: p.name,
        port: p.port,
        targetPort: p.targetPort,
        protocol: p.protocol ?? 'TCP',
      })),
    },
    status: { loadBalancer: {} },
  };
}

/**
 * A Service made a LoadBalancer, as a cloud provider leaves it: node ports allocated (from
 * `firstNodePort` up) and the load balancer's address in its status.
 */
export function loadBalancer(
  svc: KubeObject,
  address: string,
  options: { readonly firstNodePort: number; readonly externalTrafficPolicy?: 'Cluster' | 'Local' },
): KubeObject {
  const spec = svc['spec'] as { ports: Record<string, unknown>[] } & Record<string, unknown>;
  return {
    ...svc,
    spec: {
      ...spec,
      type: 'LoadBalancer',
      ports: spec.ports.map((port, index) => ({ ...port, nodePort: options.firstNodePort + index })),
      externalTrafficPolicy: options.externalTrafficPolicy ?? 'Cluster',
    },
    status: { loadBalancer: { ingress: [{ ip: address, ipMode: 'VIP' }] } },
  };
}

export function namespace(name: string, labels: Readonly<Record<string, string>> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { ...labels } } };
}

export function node(def: DemoNode): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: def.name,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': def.name,
        'kubernetes.io/os': 'linux',
        ...(def.controlPlane === true && { 'node-role.kubernetes.io/control-plane': '' }),
      },
    },
    spec: {
      podCIDR: `${def.podNet}.0/24`,
      podCIDRs: [`${def.podNet}.0/24`],
      providerID: `kind://docker/demo/${def.name}`,
      ...(def.controlPlane === true && {
        taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
      }),
    },
    status: {
      addresses: [
        { type: 'InternalIP', address: def.internalIp },
        { type: 'Hostname', address: def.name },
      ],
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
        },
      ],
      nodeInfo: {
        architecture: 'amd64',
        containerRuntimeVersion: 'containerd://1.7.18',
        kernelVersion: '6.8.0-45-generic',
        kubeProxyVersion: 'v1.31.0',
        kubeletVersion: 'v1.31.0',
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
      },
    },
  };
}
