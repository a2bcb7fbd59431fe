import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The conformance cases of ./conformance (transcribed from upstream suites; SOURCES.md names
 * each suite and its licence), and their worlds turned into the Kubernetes objects they stand for.
 */
export interface ConformanceCase {
  readonly file: string;
  readonly name: string;
  readonly source: string;
  readonly world: {
    readonly namespaces: readonly { name: string; labels: Record<string, string> }[];
    readonly nodes?: readonly { name: string; labels: Record<string, string>; ip: string }[];
    readonly pods: readonly {
      namespace: string;
      name: string;
      labels: Record<string, string>;
      ip: string;
      ports: readonly { name?: string; port: number; protocol: string }[];
      serviceAccount?: string;
      nodeName?: string;
      hostNetwork?: boolean;
    }[];
    readonly policies: readonly { metadata: Record<string, unknown>; spec: unknown }[];
    readonly anps?: readonly { metadata: Record<string, unknown>; spec: unknown }[];
    readonly banp?: { metadata: Record<string, unknown>; spec: unknown } | null;
    readonly cnps?: readonly { metadata: Record<string, unknown>; spec: unknown }[];
    /** Other objects as written (Cilium and Calico policies, Services, ...). */
    readonly objects?: readonly Record<string, unknown>[];
    readonly externals: readonly { name: string; ip: string }[];
  };
  /** Which plugin the case is about (CNI case sets). */
  readonly cni?: 'cilium' | 'calico';
  readonly probes: readonly {
    readonly port: number;
    readonly protocol: 'TCP' | 'UDP' | 'SCTP';
    readonly expect: { readonly peers: readonly string[]; readonly allowed: readonly string[] };
  }[];
}

/** The repository's own copy of the cases. */
export const CONFORMANCE_DIR = path.resolve(__dirname, 'conformance');

export function loadConformanceCases(dir: string = CONFORMANCE_DIR): ConformanceCase[] {
  if (!fs.existsSync(dir)) {
    throw new Error(`conformance cases not found at ${dir}`);
  }
  const cases: ConformanceCase[] = [];
  for (const sub of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!sub.isDirectory()) continue;
    for (const file of fs.readdirSync(path.join(dir, sub.name)).sort()) {
      if (!file.endsWith('.json')) continue;
      const full = path.join(dir, sub.name, file);
      cases.push({ file: `${sub.name}/${file}`, ...JSON.parse(fs.readFileSync(full, 'utf8')) });
    }
  }
  return cases;
}

/** The Kubernetes objects a case's world stands for, as `kubectl get -o json` would print them. */
export function worldObjects(world: ConformanceCase['world']): Record<string, unknown>[] {
  const objects: Record<string, unknown>[] = [];
  for (const ns of world.namespaces) {
    objects.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns.name, labels: ns.labels } });
  }
  for (const node of world.nodes ?? []) {
    objects.push({ apiVersion: 'v1', kind: 'Node', metadata: { name: node.name, labels: node.labels }, status: { addresses: [{ type: 'InternalIP', address: node.ip }] } });
  }
  for (const pod of world.pods) {
    objects.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { namespace: pod.namespace, name: pod.name, labels: pod.labels },
      spec: {
        ...(pod.serviceAccount ? { serviceAccountName: pod.serviceAccount } : {}),
        ...(pod.nodeName ? { nodeName: pod.nodeName } : {}),
        ...(pod.hostNetwork ? { hostNetwork: true } : {}),
        containers: [
          {
            name: 'main',
            image: 'registry.k8s.io/e2e-test-images/agnhost:2.47',
            ports: pod.ports.map((p) => ({ ...(p.name ? { name: p.name } : {}), containerPort: p.port, protocol: p.protocol })),
          },
        ],
      },
      status: { phase: 'Running', podIP: pod.ip, podIPs: [{ ip: pod.ip }] },
    });
  }
  for (const policy of world.policies) {
    objects.push({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', ...policy });
  }
  for (const anp of world.anps ?? []) {
    objects.push({ apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'AdminNetworkPolicy', ...anp });
  }
  if (world.banp) {
    objects.push({ apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'BaselineAdminNetworkPolicy', ...world.banp });
  }
  for (const cnp of world.cnps ?? []) {
    objects.push({ apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy', ...cnp });
  }
  objects.push(...(world.objects ?? []));
  return objects;
}
