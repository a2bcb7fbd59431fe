import { readYaml } from '../../test/read-manifest';
import { buildModel } from './build-model';

describe('buildModel', () => {
  describe('namespaces', () => {
    it('adds namespaces that objects live in but nobody declared, and labels every one with its name', () => {
      const { model } = readYaml(`
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop, labels: {team: a}}
        ---
        kind: Pod
        metadata: {name: p, namespace: billing}
        ---
        kind: Service
        metadata: {name: s}
        ---
        kind: Pod
        metadata: {name: q, namespace: shop}
      `);
      expect(model.namespaces).toEqual([
        {
          name: 'shop',
          labels: { team: 'a', 'kubernetes.io/metadata.name': 'shop' },
          implicit: false,
        },
        { name: 'billing', labels: { 'kubernetes.io/metadata.name': 'billing' }, implicit: true },
        { name: 'default', labels: { 'kubernetes.io/metadata.name': 'default' }, implicit: true },
      ]);
    });

    it('overrides a wrong name label, as the API server does', () => {
      const { model } = readYaml(`
        kind: Namespace
        metadata: {name: shop, labels: {kubernetes.io/metadata.name: other}}
      `);
      expect(model.namespaces[0]?.labels).toEqual({ 'kubernetes.io/metadata.name': 'shop' });
    });

    it('puts objects without a namespace in the default namespace it is given', () => {
      const { model } = readYaml('kind: Pod\nmetadata: {name: p}\n', {
        defaultNamespace: 'team-a',
      });
      expect(model.pods[0]?.namespace).toBe('team-a');
      expect(model.namespaces.map((n) => n.name)).toEqual(['team-a']);
    });

    it('does not give cluster-scoped objects a namespace', () => {
      const { model } = readYaml(`
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: AdminNetworkPolicy
        metadata: {name: a, namespace: ignored}
        spec: {priority: 1, subject: {namespaces: {}}}
      `);
      expect(model.namespaces).toEqual([]);
      expect((model.adminPolicies[0]?.raw as { metadata: object }).metadata).toEqual({ name: 'a' });
    });
  });

  it('skips and counts kinds it does not read, and counts the kinds it reads', () => {
    const result = readYaml(`
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: a}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: b}
      ---
      apiVersion: v1
      kind: Secret
      metadata: {name: s}
      ---
      apiVersion: projectcalico.org/v3
      kind: NetworkPolicy
      metadata: {name: calico}
      spec: {selector: all()}
      ---
      apiVersion: example.com/v1
      kind: NetworkPolicy
      metadata: {name: foreign}
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: k8s}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
    `);
    expect(result.problems).toEqual([]);
    expect(result.skipped).toEqual({
      ConfigMap: 2,
      Secret: 1,
      'NetworkPolicy.example.com': 1,
    });
    // Kind names are read per API group: Calico's NetworkPolicy is not Kubernetes' one.
    expect(result.counts).toEqual({ NetworkPolicy: 1, 'NetworkPolicy.projectcalico.org': 1, Pod: 1 });
    expect(result.model.networkPolicies.map((p) => p.name)).toEqual(['k8s']);
    expect(result.model.calicoPolicies.map((p) => p.name)).toEqual(['calico']);
  });

  it('lets a later object replace an earlier one of the same kind and name, as a second apply would', () => {
    const { model } = readYaml(`
      kind: NetworkPolicy
      metadata: {name: p, namespace: n}
      spec: {policyTypes: [Ingress]}
      ---
      kind: NetworkPolicy
      metadata: {name: p, namespace: n}
      spec: {policyTypes: [Egress]}
    `);
    expect(model.networkPolicies.map((p) => p.policyTypes)).toEqual([['Egress']]);
  });

  it('reports objects that are not Kubernetes objects instead of throwing', () => {
    const result = buildModel([
      { obj: 'text', source: { file: 'x.json' } },
      { obj: { metadata: {} } },
      { obj: null },
    ]);
    expect(result.problems).toEqual([
      { file: 'x.json', field: 'kind', message: 'is required: not a Kubernetes object' },
      { field: 'kind', message: 'is required: not a Kubernetes object' },
      { field: 'kind', message: 'is required: not a Kubernetes object' },
    ]);
  });

  it('reads objects built by code, without apiVersion or source', () => {
    const result = buildModel([
      {
        obj: {
          kind: 'Pod',
          metadata: { name: 'a', namespace: 'x' },
          status: { podIP: '10.0.1.1' },
        },
      },
    ]);
    expect(result.problems).toEqual([]);
    expect(result.model.pods[0]).toMatchObject({ namespace: 'x', name: 'a', ips: ['10.0.1.1'] });
  });

  it('reads nodes with their IP addresses', () => {
    const { model } = readYaml(`
      kind: Node
      metadata: {name: n1, labels: {zone: a}}
      status:
        addresses:
          - {type: InternalIP, address: 192.168.1.10}
          - {type: Hostname, address: n1}
          - {type: InternalIP, address: "fd00::10"}
    `);
    expect(model.nodes).toEqual([
      { name: 'n1', labels: { zone: 'a' }, addresses: ['192.168.1.10', 'fd00::10'] },
    ]);
  });

  describe('services', () => {
    it('defaults type, target port and protocol, and reads addresses', () => {
      const { model } = readYaml(`
        kind: Service
        metadata: {name: web, namespace: shop}
        spec:
          selector: {app: web}
          clusterIP: 10.96.0.10
          externalIPs: [203.0.113.7]
          ports:
            - {name: http, port: 80, targetPort: http}
            - {port: 53, protocol: UDP}
            - {port: 443, targetPort: 8443, nodePort: 30443}
        status:
          loadBalancer: {ingress: [{ip: 198.51.100.1}, {hostname: lb.example.com}]}
      `);
      expect(model.services).toEqual([
        {
          namespace: 'shop',
          name: 'web',
          labels: {},
          type: 'ClusterIP',
          selector: { app: 'web' },
          ports: [
            { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
            { port: 53, targetPort: 53, protocol: 'UDP' },
            { port: 443, targetPort: 8443, protocol: 'TCP', nodePort: 30443 },
          ],
          clusterIPs: ['10.96.0.10'],
          headless: false,
          externalIPs: ['203.0.113.7'],
          loadBalancerIngress: ['198.51.100.1', 'lb.example.com'],
          externalTrafficPolicy: 'Cluster',
          loadBalancerSourceRanges: [],
          source: { file: 'manifest.yaml', document: 0 },
        },
      ]);
    });

    it.each([
      ['absent', '{type: LoadBalancer}'],
      ['empty', '{selector: {}}'],
    ])('has no selector when it is %s', (_name, spec) => {
      const { model } = readYaml(`kind: Service\nmetadata: {name: s}\nspec: ${spec}\n`);
      expect(model.services[0]?.selector).toBeNull();
    });

    it('prefers clusterIPs and drops None (headless)', () => {
      const { model } = readYaml(`
        kind: Service
        metadata: {name: a}
        spec: {clusterIP: 10.96.0.1, clusterIPs: [10.96.0.1, "fd00::1"]}
        ---
        kind: Service
        metadata: {name: b}
        spec: {clusterIP: None}
      `);
      expect(model.services.map((s) => s.clusterIPs)).toEqual([['10.96.0.1', 'fd00::1'], []]);
      expect(model.services.map((s) => s.headless)).toEqual([false, true]);
    });
  });

  it('reads Ingress class and service backends', () => {
    const { model } = readYaml(`
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: i, namespace: shop}
      spec:
        ingressClassName: nginx
        defaultBackend: {service: {name: fallback, port: {number: 80}}}
        rules:
          - host: shop.example.com
            http:
              paths:
                - {path: /, pathType: Prefix, backend: {service: {name: web, port: {name: http}}}}
                - {path: /img, pathType: Prefix, backend: {resource: {kind: Bucket, name: images}}}
    `);
    expect(model.ingresses).toEqual([
      {
        namespace: 'shop',
        name: 'i',
        ingressClassName: 'nginx',
        backends: [
          { service: 'fallback', port: 80 },
          { service: 'web', port: 'http' },
        ],
        routes: [
          { host: 'shop.example.com', path: '/', backend: { service: 'web', port: 'http' } },
          { backend: { service: 'fallback', port: 80 } },
        ],
        tlsHosts: [],
        tlsAllHosts: false,
        source: { file: 'manifest.yaml', document: 0 },
      },
    ]);
  });
});

describe('buildModel for a live cluster', () => {
  it('does not synthesize pods when asked not to', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'idle', namespace: 'prod' },
      spec: { replicas: 0, selector: { matchLabels: { app: 'idle' } }, template: { metadata: { labels: { app: 'idle' } }, spec: { containers: [{ name: 'c', image: 'x' }] } } },
    };
    const cron = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'nightly', namespace: 'prod' },
      spec: { schedule: '0 0 * * *', jobTemplate: { spec: { template: { metadata: { labels: { app: 'nightly' } }, spec: { containers: [{ name: 'c', image: 'x' }] } } } } },
    };
    const live = buildModel([{ obj: deployment }, { obj: cron }], { synthesizePods: false });
    expect(live.model.pods).toEqual([]);
    expect(live.model.workloads.map((w) => w.name).sort()).toEqual(['idle', 'nightly']);
    const manifests = buildModel([{ obj: deployment }, { obj: cron }]);
    expect(manifests.model.pods.map((p) => p.name)).toEqual(['nightly-synthetic-0']);
  });
});
