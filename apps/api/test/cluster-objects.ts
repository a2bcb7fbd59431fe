import type { FakeKubeApiServer } from '@palisade/k8s-testing';

/** Objects as a real cluster holds them: Deployment -> ReplicaSet -> Pods with owner references. */

let ipCounter = 10;

export function deployment(server: FakeKubeApiServer, namespace: string, name: string, options: { replicas?: number; port?: number; labels?: Record<string, string> } = {}): void {
  const labels = { app: name, ...(options.labels ?? {}) };
  const hash = 'abc123';
  const replicas = options.replicas ?? 1;
  const container = { name, image: `example/${name}:1`, ports: [{ name: 'http', containerPort: options.port ?? 8080, protocol: 'TCP' }] };
  const created = server.create({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { namespace, name, labels },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [container] } } },
  });
  const rs = server.create({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      namespace,
      name: `${name}-${hash}`,
      labels: { ...labels, 'pod-template-hash': hash },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name, uid: created.metadata.uid ?? '', controller: true }],
    },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [container] } } },
  });
  for (let i = 0; i < replicas; i++) {
    server.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        namespace,
        name: `${name}-${hash}-${i}`,
        labels: { ...labels, 'pod-template-hash': hash },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${name}-${hash}`, uid: rs.metadata.uid ?? '', controller: true }],
      },
      spec: { containers: [container], nodeName: 'node-1' },
      status: { phase: 'Running', podIP: `10.1.0.${ipCounter}`, podIPs: [{ ip: `10.1.0.${ipCounter++}` }] },
    });
  }
}

export function namespace(server: FakeKubeApiServer, name: string): void {
  server.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
}

export function defaultDeny(server: FakeKubeApiServer, ns: string): void {
  server.create({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { namespace: ns, name: 'default-deny' },
    spec: { podSelector: {}, policyTypes: ['Ingress'] },
  });
}

export function allowFrom(server: FakeKubeApiServer, ns: string, name: string, target: string, source: string): void {
  server.create({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { namespace: ns, name },
    spec: {
      podSelector: { matchLabels: { app: target } },
      ingress: [{ from: [{ podSelector: { matchLabels: { app: source } } }], ports: [{ port: 'http' }] }],
    },
  });
}
