import { isRecord, type JsonRecord, type KubeObject } from './kube-object';
import type { ResourceType } from './resource-types';

/**
 * Server-side defaulting copied from the API server (pkg/apis/<group>/v1/defaults.go and the
 * generated defaulters), limited to what a reader of these objects can observe. Mutates `obj`,
 * which the caller has already copied.
 */

export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

function record(parent: JsonRecord, key: string): JsonRecord {
  const value = parent[key];
  if (isRecord(value)) return value;
  const created: JsonRecord = {};
  parent[key] = created;
  return created;
}

function records(value: unknown): JsonRecord[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function setDefault(target: JsonRecord, key: string, value: unknown): void {
  if (target[key] === undefined || target[key] === null) target[key] = value;
}

function defaultProtocols(ports: unknown): void {
  for (const port of records(ports)) setDefault(port, 'protocol', 'TCP');
}

function imageIsLatest(image: unknown): boolean {
  if (typeof image !== 'string' || image.includes('@')) return false;
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  return !lastSegment.includes(':') || lastSegment.endsWith(':latest');
}

function defaultContainer(container: JsonRecord): void {
  defaultProtocols(container['ports']);
  setDefault(
    container,
    'imagePullPolicy',
    imageIsLatest(container['image']) ? 'Always' : 'IfNotPresent',
  );
  setDefault(container, 'terminationMessagePath', '/dev/termination-log');
  setDefault(container, 'terminationMessagePolicy', 'File');
  setDefault(container, 'resources', {});
}

function defaultPodSpec(spec: JsonRecord): void {
  for (const key of ['containers', 'initContainers', 'ephemeralContainers']) {
    records(spec[key]).forEach(defaultContainer);
  }
  setDefault(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefault(spec, 'schedulerName', 'default-scheduler');
  setDefault(spec, 'securityContext', {});
}

function defaultPod(obj: KubeObject): void {
  const spec = record(obj, 'spec');
  defaultPodSpec(spec);
  // Admission (the ServiceAccount plugin), not defaulting, but every served pod shows these.
  setDefault(spec, 'serviceAccountName', 'default');
  setDefault(spec, 'serviceAccount', spec['serviceAccountName']);
  setDefault(spec, 'enableServiceLinks', true);
  setDefault(record(obj, 'status'), 'phase', 'Pending');
}

function defaultTemplate(spec: JsonRecord): void {
  if (isRecord(spec['template'])) defaultPodSpec(record(spec['template'], 'spec'));
}

/** What the server needs to allocate while defaulting: cluster IPs and node ports. */
export interface Allocators {
  nextClusterIp(): string;
  nextNodePort(): number;
}

function defaultService(obj: KubeObject, allocators: Allocators): void {
  const spec = record(obj, 'spec');
  setDefault(spec, 'type', 'ClusterIP');
  setDefault(spec, 'sessionAffinity', 'None');
  const type = spec['type'];
  for (const port of records(spec['ports'])) {
    setDefault(port, 'protocol', 'TCP');
    if (type !== 'ExternalName') setDefault(port, 'targetPort', port['port']);
    if ((type === 'NodePort' || type === 'LoadBalancer') && port['nodePort'] === undefined) {
      port['nodePort'] = allocators.nextNodePort();
    }
  }
  if (type === 'ExternalName') return;
  if (spec['clusterIP'] === undefined || spec['clusterIP'] === '') {
    spec['clusterIP'] = allocators.nextClusterIp();
  }
  setDefault(spec, 'clusterIPs', [spec['clusterIP']]);
  if (spec['clusterIP'] !== 'None') {
    setDefault(spec, 'ipFamilies', ['IPv4']);
    setDefault(spec, 'ipFamilyPolicy', 'SingleStack');
  }
  setDefault(spec, 'internalTrafficPolicy', 'Cluster');
  if (type === 'NodePort' || type === 'LoadBalancer') {
    setDefault(spec, 'externalTrafficPolicy', 'Cluster');
  }
  if (type === 'LoadBalancer') setDefault(record(obj, 'status'), 'loadBalancer', {});
}

/** policyTypes: Ingress, plus Egress when the policy has egress rules; rule ports default to TCP. */
function defaultNetworkPolicy(obj: KubeObject): void {
  const spec = record(obj, 'spec');
  setDefault(spec, 'podSelector', {});
  for (const direction of ['ingress', 'egress']) {
    for (const rule of records(spec[direction])) defaultProtocols(rule['ports']);
  }
  const policyTypes = spec['policyTypes'];
  if (!Array.isArray(policyTypes) || policyTypes.length === 0) {
    const egress = spec['egress'];
    spec['policyTypes'] =
      Array.isArray(egress) && egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
  }
}

function defaultNamespace(obj: KubeObject): void {
  const name = obj.metadata.name ?? '';
  obj.metadata.labels = { ...obj.metadata.labels, [NAMESPACE_NAME_LABEL]: name };
  setDefault(record(obj, 'spec'), 'finalizers', ['kubernetes']);
  setDefault(record(obj, 'status'), 'phase', 'Active');
}

const ROLLING = {
  type: 'RollingUpdate',
  rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
};

export function applyDefaults(type: ResourceType, obj: KubeObject, allocators: Allocators): void {
  switch (type.kind) {
    case 'Namespace':
      return defaultNamespace(obj);
    case 'Pod':
      return defaultPod(obj);
    case 'Service':
      return defaultService(obj, allocators);
    case 'NetworkPolicy':
      return defaultNetworkPolicy(obj);
    case 'Deployment': {
      const spec = record(obj, 'spec');
      setDefault(spec, 'replicas', 1);
      setDefault(spec, 'revisionHistoryLimit', 10);
      setDefault(spec, 'progressDeadlineSeconds', 600);
      setDefault(spec, 'strategy', structuredClone(ROLLING));
      return defaultTemplate(spec);
    }
    case 'ReplicaSet': {
      const spec = record(obj, 'spec');
      setDefault(spec, 'replicas', 1);
      return defaultTemplate(spec);
    }
    case 'StatefulSet': {
      const spec = record(obj, 'spec');
      setDefault(spec, 'replicas', 1);
      setDefault(spec, 'podManagementPolicy', 'OrderedReady');
      setDefault(spec, 'revisionHistoryLimit', 10);
      setDefault(spec, 'updateStrategy', {
        type: 'RollingUpdate',
        rollingUpdate: { partition: 0 },
      });
      return defaultTemplate(spec);
    }
    case 'DaemonSet': {
      const spec = record(obj, 'spec');
      setDefault(spec, 'revisionHistoryLimit', 10);
      setDefault(spec, 'updateStrategy', {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: 0, maxUnavailable: 1 },
      });
      return defaultTemplate(spec);
    }
    case 'Job': {
      const spec = record(obj, 'spec');
      setDefault(spec, 'completions', 1);
      setDefault(spec, 'parallelism', 1);
      setDefault(spec, 'backoffLimit', 6);
      return defaultTemplate(spec);
    }
    case 'CronJob': {
      const spec = record(obj, 'spec');
      setDefault(spec, 'concurrencyPolicy', 'Allow');
      setDefault(spec, 'suspend', false);
      setDefault(spec, 'successfulJobsHistoryLimit', 3);
      setDefault(spec, 'failedJobsHistoryLimit', 1);
      const jobTemplate = record(spec, 'jobTemplate');
      return defaultTemplate(record(jobTemplate, 'spec'));
    }
    default:
      return;
  }
}

/**
 * Built-in kinds are Go structs: nil fields and empty `omitempty` lists never reach the wire, and
 * neither do empty label or annotation maps. Custom resources are stored as sent.
 */
export function omitEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(omitEmpty);
  if (!isRecord(value)) return value;
  const out: JsonRecord = {};
  for (const [key, field] of Object.entries(value)) {
    if (field === null || field === undefined) continue;
    if (Array.isArray(field) && field.length === 0) continue;
    out[key] = omitEmpty(field);
  }
  return out;
}

export function omitEmptyMetadataMaps(obj: KubeObject): void {
  for (const key of ['labels', 'annotations'] as const) {
    const map = obj.metadata[key];
    if (map !== undefined && Object.keys(map).length === 0) delete obj.metadata[key];
  }
}
