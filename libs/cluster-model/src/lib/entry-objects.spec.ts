import { FILE, readYaml } from '../../test/read-manifest';
import type { GatewayRouteKind, ReadResult } from './types';

/**
 * The objects that let traffic into a cluster: host ports, Services' load balancers, Ingresses
 * and their classes, and the Gateway API kinds.
 */

/** Reads a manifest that must be clean. */
function readClean(text: string): ReadResult['model'] {
  const { model, problems } = readYaml(text);
  expect(problems).toEqual([]);
  return model;
}

describe('container host ports', () => {
  it('reads hostPort and hostIP, with 0 or absent meaning no host port', () => {
    const model = readClean(`
      kind: Pod
      metadata: {name: proxy, namespace: edge}
      spec:
        containers:
          - ports:
              - {containerPort: 8443, hostPort: 443, hostIP: 10.0.0.5}
              - {containerPort: 8080, hostPort: 0}
              - {containerPort: 9090, hostIP: 10.0.0.5}
              - {containerPort: 53, hostPort: 53, protocol: UDP, hostIP: ""}
    `);
    expect(model.pods[0]?.ports).toEqual([
      { port: 8443, protocol: 'TCP', hostPort: 443, hostIP: '10.0.0.5' },
      { port: 8080, protocol: 'TCP' },
      // hostIP alone binds nothing on the node.
      { port: 9090, protocol: 'TCP' },
      { port: 53, protocol: 'UDP', hostPort: 53 },
    ]);
  });

  it('defaults hostPort to containerPort on the node network, in pods and pod templates', () => {
    const model = readClean(`
      kind: Pod
      metadata: {name: exporter, namespace: mon}
      spec:
        hostNetwork: true
        containers: [{ports: [{containerPort: 9100, name: metrics}, {containerPort: 9101, hostPort: 9101}]}]
      ---
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: agent, namespace: mon}
      spec:
        template:
          metadata: {labels: {app: agent}}
          spec: {hostNetwork: true, containers: [{ports: [{containerPort: 4240}]}]}
    `);
    const ports = Object.fromEntries(model.pods.map((pod) => [pod.name, pod.ports]));
    expect(ports).toEqual({
      exporter: [
        { name: 'metrics', port: 9100, protocol: 'TCP', hostPort: 9100 },
        { port: 9101, protocol: 'TCP', hostPort: 9101 },
      ],
      'agent-synthetic-0': [{ port: 4240, protocol: 'TCP', hostPort: 4240 }],
    });
  });

  it('does not give pods off the node network a host port they did not ask for', () => {
    const model = readClean(`
      kind: Pod
      metadata: {name: web}
      spec: {containers: [{ports: [{containerPort: 80}]}]}
    `);
    expect(model.pods[0]?.ports).toEqual([{ port: 80, protocol: 'TCP' }]);
  });
});

describe('pod readiness', () => {
  const pod = (name: string, conditions: string): string =>
    `kind: Pod\nmetadata: {name: ${name}}\nstatus: {phase: Running, conditions: ${conditions}}\n---\n`;

  it('reads the Ready condition: True is ready, False and Unknown are not, none is absent', () => {
    const model = readClean(
      pod('up', '[{type: Initialized, status: "True"}, {type: Ready, status: "True"}]') +
        pod('down', '[{type: Ready, status: "False"}]') +
        pod('lost', '[{type: Ready, status: "Unknown"}]') +
        pod('starting', '[{type: PodScheduled, status: "True"}]') +
        'kind: Pod\nmetadata: {name: manifest}\n',
    );
    expect(Object.fromEntries(model.pods.map((p) => [p.name, p.ready]))).toEqual({
      up: true,
      down: false,
      lost: false,
      starting: undefined,
      manifest: undefined,
    });
    expect(model.pods.filter((p) => 'ready' in p).map((p) => p.name)).toEqual([
      'up',
      'down',
      'lost',
    ]);
  });

  it('carries readiness through workload assembly, and leaves synthetic pods without it', () => {
    const model = readClean(`
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata: {name: web-5d8f, namespace: shop}
      spec: {replicas: 1, template: {metadata: {labels: {app: web}}, spec: {containers: [{}]}}}
      ---
      kind: Pod
      metadata:
        name: web-5d8f-x1
        namespace: shop
        ownerReferences: [{kind: ReplicaSet, name: web-5d8f, controller: true}]
      status: {phase: Running, conditions: [{type: Ready, status: "False"}]}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: api, namespace: shop}
      spec: {template: {metadata: {labels: {app: api}}, spec: {containers: [{}]}}}
    `);
    const web = model.pods.find((p) => p.name === 'web-5d8f-x1');
    expect(web).toMatchObject({ ready: false, workload: { kind: 'ReplicaSet', name: 'web-5d8f' } });
    const synthetic = model.pods.find((p) => p.synthetic);
    expect(synthetic?.name).toBe('api-synthetic-0');
    expect(synthetic).not.toHaveProperty('ready');
  });
});

describe('Service load balancer fields', () => {
  const service = (spec: string, annotations = '{}'): string =>
    `kind: Service\nmetadata: {name: s, namespace: n, annotations: ${annotations}}\nspec: ${spec}\n`;

  it('defaults a plain Service: not headless, Cluster policy, no ranges, no class', () => {
    const service_ = readClean(service('{ports: [{port: 80}]}')).services[0];
    expect(service_).toMatchObject({
      headless: false,
      externalTrafficPolicy: 'Cluster',
      loadBalancerSourceRanges: [],
    });
    expect(service_).not.toHaveProperty('loadBalancerClass');
    expect(service_).not.toHaveProperty('internalLoadBalancer');
  });

  it.each([
    ['clusterIP None', '{clusterIP: None}'],
    ['clusterIPs [None]', '{clusterIPs: [None]}'],
  ])('is headless with %s', (_name, spec) => {
    expect(readClean(service(spec)).services[0]).toMatchObject({ headless: true, clusterIPs: [] });
  });

  it.each([
    ['absent', '{type: LoadBalancer}', 'Cluster'],
    ['Cluster', '{type: LoadBalancer, externalTrafficPolicy: Cluster}', 'Cluster'],
    ['Local', '{type: LoadBalancer, externalTrafficPolicy: Local}', 'Local'],
    ['the deprecated Global', '{type: NodePort, externalTrafficPolicy: Global}', 'Cluster'],
  ])('reads externalTrafficPolicy %s', (_name, spec, expected) => {
    expect(readClean(service(spec)).services[0]?.externalTrafficPolicy).toBe(expected);
  });

  it('reports an unknown externalTrafficPolicy', () => {
    const { problems, model } = readYaml(
      service('{type: LoadBalancer, externalTrafficPolicy: Nearest}'),
    );
    expect(problems).toEqual([
      {
        file: FILE,
        object: 'Service/n/s',
        field: 'spec.externalTrafficPolicy',
        message: 'unsupported value "Nearest": must be Cluster or Local',
      },
    ]);
    expect(model.services).toEqual([]);
  });

  it('reads loadBalancerSourceRanges, space-padded entries and IPv6 in canonical form', () => {
    const model = readClean(
      service(
        '{type: LoadBalancer, loadBalancerSourceRanges: [" 203.0.113.0/24 ", "2001:DB8::/32"]}',
      ),
    );
    expect(model.services[0]?.loadBalancerSourceRanges).toEqual([
      '203.0.113.0/24',
      '2001:db8::/32',
    ]);
  });

  it('falls back to the source-ranges annotation, comma-separated, and prefers the field', () => {
    const annotation =
      '{service.beta.kubernetes.io/load-balancer-source-ranges: "10.0.0.0/8, 192.168.0.0/16"}';
    expect(
      readClean(service('{type: LoadBalancer}', annotation)).services[0]?.loadBalancerSourceRanges,
    ).toEqual(['10.0.0.0/8', '192.168.0.0/16']);
    const both = service(
      '{type: LoadBalancer, loadBalancerSourceRanges: [172.16.0.0/12]}',
      annotation,
    );
    expect(readClean(both).services[0]?.loadBalancerSourceRanges).toEqual(['172.16.0.0/12']);
    const blank = '{service.beta.kubernetes.io/load-balancer-source-ranges: "  "}';
    expect(
      readClean(service('{type: LoadBalancer}', blank)).services[0]?.loadBalancerSourceRanges,
    ).toEqual([]);
  });

  it('reports bad source ranges in the field and in the annotation, by where they are', () => {
    const fromSpec = readYaml(
      service('{type: LoadBalancer, loadBalancerSourceRanges: [10.0.0.0/8, 10.0.0.1]}'),
    );
    expect(fromSpec.problems).toEqual([
      expect.objectContaining({
        field: 'spec.loadBalancerSourceRanges[1]',
        message: expect.stringContaining('invalid CIDR "10.0.0.1"'),
      }),
    ]);
    const fromAnnotation = readYaml(
      service(
        '{type: LoadBalancer}',
        '{service.beta.kubernetes.io/load-balancer-source-ranges: "10.0.0.0/8,,300.0.0.0/8"}',
      ),
    );
    expect(fromAnnotation.problems.map((p) => [p.field, p.message.slice(0, 17)])).toEqual([
      [
        'metadata.annotations.service.beta.kubernetes.io/load-balancer-source-ranges',
        'invalid CIDR "": ',
      ],
      [
        'metadata.annotations.service.beta.kubernetes.io/load-balancer-source-ranges',
        'invalid CIDR "300',
      ],
    ]);
    expect(fromAnnotation.model.services).toEqual([]);
  });

  it('reads loadBalancerClass, empty meaning none', () => {
    const model = readClean(
      `${service('{type: LoadBalancer, loadBalancerClass: example.com/lb}')}---\n` +
        'kind: Service\nmetadata: {name: t, namespace: n}\nspec: {type: LoadBalancer, loadBalancerClass: ""}\n',
    );
    expect(model.services.map((s) => s.loadBalancerClass)).toEqual(['example.com/lb', undefined]);
  });

  it('reports annotations that are not strings', () => {
    const { problems } = readYaml(
      service(
        '{type: LoadBalancer}',
        '{service.beta.kubernetes.io/azure-load-balancer-internal: true}',
      ),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'metadata.annotations.service.beta.kubernetes.io/azure-load-balancer-internal',
        message: 'must be a string, got true (quote it)',
      }),
    ]);
  });
});

describe('internal load balancers', () => {
  type Case = readonly [
    description: string,
    annotations: Record<string, string>,
    loadBalancerClass: string | undefined,
    reason: string | undefined,
  ];
  const AWS = 'service.beta.kubernetes.io/aws-load-balancer-internal';
  const AWS_TYPE = 'service.beta.kubernetes.io/aws-load-balancer-type';
  const AWS_SCHEME = 'service.beta.kubernetes.io/aws-load-balancer-scheme';
  const LBC_BY_CLASS =
    'AWS Load Balancer Controller (loadBalancerClass service.k8s.aws/nlb) without aws-load-balancer-scheme: internet-facing';
  const cases: Case[] = [
    ['AWS in-tree, "true"', { [AWS]: 'true' }, undefined, `annotation ${AWS}: "true"`],
    [
      'AWS in-tree, any other non-empty value',
      { [AWS]: '0.0.0.0/0' },
      undefined,
      `annotation ${AWS}: "0.0.0.0/0"`,
    ],
    ['AWS in-tree, "false"', { [AWS]: 'false' }, undefined, undefined],
    ['AWS in-tree, empty', { [AWS]: '' }, undefined, undefined],
    [
      'AWS Load Balancer Controller by class, internal by default',
      {},
      'service.k8s.aws/nlb',
      LBC_BY_CLASS,
    ],
    [
      'AWS Load Balancer Controller by class, internet-facing',
      { [AWS_SCHEME]: 'internet-facing' },
      'service.k8s.aws/nlb',
      undefined,
    ],
    [
      'AWS Load Balancer Controller by class, scheme internal',
      { [AWS_SCHEME]: 'internal' },
      'service.k8s.aws/nlb',
      LBC_BY_CLASS,
    ],
    [
      'AWS Load Balancer Controller by type external',
      { [AWS_TYPE]: 'external' },
      undefined,
      `AWS Load Balancer Controller (annotation ${AWS_TYPE}: "external") without aws-load-balancer-scheme: internet-facing`,
    ],
    [
      'AWS Load Balancer Controller by type nlb-ip',
      { [AWS_TYPE]: 'nlb-ip' },
      undefined,
      `AWS Load Balancer Controller (annotation ${AWS_TYPE}: "nlb-ip") without aws-load-balancer-scheme: internet-facing`,
    ],
    [
      'AWS Load Balancer Controller by type, internet-facing',
      { [AWS_TYPE]: 'external', [AWS_SCHEME]: 'internet-facing' },
      undefined,
      undefined,
    ],
    [
      'AWS Load Balancer Controller, the deprecated internal annotation beats the scheme',
      { [AWS]: 'true', [AWS_SCHEME]: 'internet-facing' },
      'service.k8s.aws/nlb',
      `annotation ${AWS}: "true"`,
    ],
    ['AWS in-tree NLB type stays public', { [AWS_TYPE]: 'nlb' }, undefined, undefined],
    [
      'GKE',
      { 'networking.gke.io/load-balancer-type': 'Internal' },
      undefined,
      'annotation networking.gke.io/load-balancer-type: "Internal"',
    ],
    [
      'GKE, deprecated annotation and spelling',
      { 'cloud.google.com/load-balancer-type': 'internal' },
      undefined,
      'annotation cloud.google.com/load-balancer-type: "internal"',
    ],
    [
      'GKE, a spelling the provider does not read',
      { 'networking.gke.io/load-balancer-type': 'INTERNAL' },
      undefined,
      undefined,
    ],
    [
      'GKE, only the first annotation set counts',
      {
        'networking.gke.io/load-balancer-type': 'External',
        'cloud.google.com/load-balancer-type': 'Internal',
      },
      undefined,
      undefined,
    ],
    [
      'GKE by class',
      {},
      'networking.gke.io/l4-regional-internal',
      'loadBalancerClass networking.gke.io/l4-regional-internal',
    ],
    ['GKE external class', {}, 'networking.gke.io/l4-regional-external', undefined],
    [
      'Azure',
      { 'service.beta.kubernetes.io/azure-load-balancer-internal': 'true' },
      undefined,
      'annotation service.beta.kubernetes.io/azure-load-balancer-internal: "true"',
    ],
    [
      'Azure, not exactly "true"',
      { 'service.beta.kubernetes.io/azure-load-balancer-internal': 'True' },
      undefined,
      undefined,
    ],
    [
      'IBM Cloud',
      { 'service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type': 'private' },
      undefined,
      'annotation service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type: "private"',
    ],
    [
      'IBM Cloud public',
      { 'service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type': 'public' },
      undefined,
      undefined,
    ],
    [
      'OpenStack',
      { 'service.beta.kubernetes.io/openstack-internal-load-balancer': 'true' },
      undefined,
      'annotation service.beta.kubernetes.io/openstack-internal-load-balancer: "true"',
    ],
    [
      'Baidu CCE',
      { 'service.beta.kubernetes.io/cce-load-balancer-internal-vpc': 'true' },
      undefined,
      'annotation service.beta.kubernetes.io/cce-load-balancer-internal-vpc: "true"',
    ],
    [
      'Tencent TKE',
      { 'service.kubernetes.io/qcloud-loadbalancer-internal-subnetid': 'subnet-1234' },
      undefined,
      'annotation service.kubernetes.io/qcloud-loadbalancer-internal-subnetid: "subnet-1234"',
    ],
    [
      'Tencent TKE, empty subnet',
      { 'service.kubernetes.io/qcloud-loadbalancer-internal-subnetid': '' },
      undefined,
      undefined,
    ],
    [
      'Alibaba Cloud',
      { 'service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type': 'intranet' },
      undefined,
      'annotation service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type: "intranet"',
    ],
    [
      'Alibaba Cloud internet',
      { 'service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type': 'internet' },
      undefined,
      undefined,
    ],
    [
      'OCI',
      { 'service.beta.kubernetes.io/oci-load-balancer-internal': 'true' },
      undefined,
      'annotation service.beta.kubernetes.io/oci-load-balancer-internal: "true"',
    ],
    ['no annotation', {}, undefined, undefined],
    [
      'a provider annotation on a Service another class handles',
      { 'service.beta.kubernetes.io/azure-load-balancer-internal': 'true' },
      'metallb.io/l2',
      undefined,
    ],
  ];

  it.each(cases)('%s', (_description, annotations, loadBalancerClass, reason) => {
    const manifest = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'lb', namespace: 'n', annotations },
      spec: {
        type: 'LoadBalancer',
        ...(loadBalancerClass !== undefined && { loadBalancerClass }),
        ports: [{ port: 80 }],
      },
    };
    const service = readClean(JSON.stringify(manifest)).services[0];
    expect(service?.internalLoadBalancer).toBe(reason);
  });

  it('says nothing for Services that have no load balancer', () => {
    const model = readClean(`
      kind: Service
      metadata: {name: s, annotations: {service.beta.kubernetes.io/aws-load-balancer-internal: "true"}}
      spec: {type: NodePort, ports: [{port: 80}]}
    `);
    expect(model.services[0]).not.toHaveProperty('internalLoadBalancer');
  });
});

describe('Ingress routes and TLS', () => {
  it('reads a route per rule path with its host, the default backend last, and TLS hosts', () => {
    const model = readClean(`
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: shop, namespace: web, annotations: {kubernetes.io/ingress.class: nginx}}
      spec:
        ingressClassName: public
        defaultBackend: {service: {name: fallback, port: {number: 80}}}
        tls:
          - {hosts: [shop.example.com, api.example.com], secretName: a}
          - {hosts: [shop.example.com], secretName: b}
        rules:
          - host: shop.example.com
            http:
              paths:
                - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
                - {path: /static, pathType: Prefix, backend: {resource: {kind: Bucket, name: static}}}
          - http:
              paths:
                - {pathType: ImplementationSpecific, backend: {service: {name: any, port: {name: http}}}}
    `);
    expect(model.ingresses[0]).toEqual({
      namespace: 'web',
      name: 'shop',
      ingressClassName: 'public',
      classAnnotation: 'nginx',
      backends: [
        { service: 'fallback', port: 80 },
        { service: 'web', port: 80 },
        { service: 'any', port: 'http' },
      ],
      routes: [
        { host: 'shop.example.com', path: '/', backend: { service: 'web', port: 80 } },
        { backend: { service: 'any', port: 'http' } },
        { backend: { service: 'fallback', port: 80 } },
      ],
      tlsHosts: ['shop.example.com', 'api.example.com'],
      tlsAllHosts: false,
      source: { file: FILE, document: 0 },
    });
  });

  it('reads the legacy spec.backend, the class annotation alone, and a TLS entry without hosts', () => {
    const model = readClean(`
      apiVersion: extensions/v1beta1
      kind: Ingress
      metadata: {name: old, namespace: web, annotations: {kubernetes.io/ingress.class: traefik}}
      spec:
        backend: {serviceName: legacy, servicePort: 8080}
        tls: [{secretName: wildcard}]
    `);
    expect(model.ingresses[0]).toMatchObject({
      ingressClassName: 'traefik',
      classAnnotation: 'traefik',
      routes: [{ backend: { service: 'legacy', port: 8080 } }],
      tlsHosts: [],
      tlsAllHosts: true,
    });
  });

  it('has no class annotation when only the field names the class', () => {
    const model = readClean(
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec: {ingressClassName: nginx, tls: [{hosts: []}]}\n',
    );
    expect(model.ingresses[0]).not.toHaveProperty('classAnnotation');
    expect(model.ingresses[0]).toMatchObject({
      ingressClassName: 'nginx',
      routes: [],
      tlsAllHosts: true,
    });
  });
});

describe('IngressClass', () => {
  it('reads the controller, the default-class annotation (exactly "true") and the creation time', () => {
    const model = readClean(`
      apiVersion: networking.k8s.io/v1
      kind: IngressClass
      metadata:
        name: nginx
        namespace: ignored
        creationTimestamp: "2024-05-01T10:00:00Z"
        annotations: {ingressclass.kubernetes.io/is-default-class: "true"}
      spec: {controller: k8s.io/ingress-nginx}
      ---
      apiVersion: networking.k8s.io/v1beta1
      kind: IngressClass
      metadata: {name: other, annotations: {ingressclass.kubernetes.io/is-default-class: "True"}}
      spec: {controller: example.com/other}
    `);
    expect(model.ingressClasses).toEqual([
      {
        name: 'nginx',
        controller: 'k8s.io/ingress-nginx',
        isDefault: true,
        createdAt: '2024-05-01T10:00:00Z',
        source: { file: FILE, document: 0 },
      },
      {
        name: 'other',
        controller: 'example.com/other',
        isDefault: false,
        source: { file: FILE, document: 1 },
      },
    ]);
    // Cluster-scoped: it implies no namespace.
    expect(model.namespaces).toEqual([]);
  });
});

describe('GatewayClass and Gateway', () => {
  it('reads a GatewayClass controller', () => {
    const model = readClean(`
      apiVersion: gateway.networking.k8s.io/v1
      kind: GatewayClass
      metadata: {name: eg}
      spec: {controllerName: gateway.envoyproxy.io/gatewayclass-controller}
    `);
    expect(model.gatewayClasses).toEqual([
      {
        name: 'eg',
        controllerName: 'gateway.envoyproxy.io/gatewayclass-controller',
        source: { file: FILE, document: 0 },
      },
    ]);
  });

  it('reads listeners with their defaults, addresses and labels', () => {
    const model = readClean(`
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: gw, namespace: infra, labels: {team: net}}
      spec:
        gatewayClassName: eg
        listeners:
          - {name: http, port: 80, protocol: HTTP}
          - name: https
            port: 443
            protocol: HTTPS
            hostname: "*.example.com"
            tls: {certificateRefs: [{name: cert}]}
            allowedRoutes:
              namespaces: {from: Selector, selector: {matchLabels: {gateway-access: "true"}}}
              kinds: [{kind: HTTPRoute}, {group: example.com, kind: CustomRoute}]
          - {name: tls, port: 8443, protocol: TLS, tls: {mode: Passthrough}, allowedRoutes: {namespaces: {from: All}}}
          - {name: plain, port: 8080, protocol: HTTP, tls: {mode: Passthrough}, allowedRoutes: {namespaces: {from: Same, selector: {}}}}
      status:
        addresses: [{type: IPAddress, value: 34.120.0.1}, {type: Hostname, value: gw.example.net}]
    `);
    expect(model.gateways).toEqual([
      {
        namespace: 'infra',
        name: 'gw',
        gatewayClassName: 'eg',
        listeners: [
          { name: 'http', port: 80, protocol: 'HTTP', allowedRoutes: { from: 'Same', kinds: [] } },
          {
            name: 'https',
            port: 443,
            protocol: 'HTTPS',
            hostname: '*.example.com',
            tlsMode: 'Terminate',
            allowedRoutes: {
              from: 'Selector',
              selector: { matchLabels: { 'gateway-access': 'true' }, matchExpressions: [] },
              kinds: [
                { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute' },
                { group: 'example.com', kind: 'CustomRoute' },
              ],
            },
          },
          {
            name: 'tls',
            port: 8443,
            protocol: 'TLS',
            tlsMode: 'Passthrough',
            allowedRoutes: { from: 'All', kinds: [] },
          },
          // TLS settings mean nothing to an HTTP listener; the API ignores a selector unless from is Selector.
          {
            name: 'plain',
            port: 8080,
            protocol: 'HTTP',
            allowedRoutes: { from: 'Same', kinds: [] },
          },
        ],
        addresses: ['34.120.0.1', 'gw.example.net'],
        labels: { team: 'net' },
        source: { file: FILE, document: 0 },
      },
    ]);
  });

  it('leaves Gateways of other API groups to be skipped under their group', () => {
    const result = readYaml(`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: istio-gw, namespace: istio-system}
      spec: {selector: {istio: ingressgateway}}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: gw, namespace: infra}
      spec: {gatewayClassName: istio, listeners: [{name: http, port: 80, protocol: HTTP}]}
    `);
    expect(result.problems).toEqual([]);
    expect(result.skipped).toEqual({ 'Gateway.networking.istio.io': 1 });
    expect(result.counts).toEqual({ Gateway: 1 });
    expect(result.model.gateways.map((g) => g.name)).toEqual(['gw']);
  });
});

describe('Gateway API routes', () => {
  const route = (kind: GatewayRouteKind, apiVersion: string, spec: string): string =>
    `apiVersion: gateway.networking.k8s.io/${apiVersion}\nkind: ${kind}\nmetadata: {name: r, namespace: apps}\nspec: ${spec}\n`;
  const SPEC =
    '{hostnames: [a.example.com], parentRefs: [{name: gw}], rules: [{backendRefs: [{name: svc, port: 8080}]}]}';

  it.each([
    ['HTTPRoute', 'v1', ['a.example.com']],
    ['HTTPRoute', 'v1beta1', ['a.example.com']],
    ['GRPCRoute', 'v1', ['a.example.com']],
    ['GRPCRoute', 'v1alpha2', ['a.example.com']],
    ['TLSRoute', 'v1alpha2', ['a.example.com']],
    ['TLSRoute', 'v1alpha3', ['a.example.com']],
    ['TCPRoute', 'v1alpha2', []],
    ['UDPRoute', 'v1alpha2', []],
  ] as const)(
    'reads a %s of %s with the defaults of its references',
    (kind, apiVersion, hostnames) => {
      const model = readClean(route(kind, apiVersion, SPEC));
      expect(model.gatewayRoutes).toEqual([
        {
          kind,
          namespace: 'apps',
          name: 'r',
          hostnames,
          parentRefs: [
            { group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: 'apps', name: 'gw' },
          ],
          backendRefs: [
            { group: '', kind: 'Service', namespace: 'apps', name: 'svc', port: 8080, weight: 1 },
          ],
          source: { file: FILE, document: 0 },
        },
      ]);
    },
  );

  it('keeps what references say explicitly, and every backend of every rule', () => {
    const model = readClean(`
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: r, namespace: apps}
      spec:
        parentRefs:
          - {group: gateway.networking.k8s.io, kind: Gateway, namespace: infra, name: shared, sectionName: https, port: 443}
          - {group: "", kind: Service, name: mesh-svc}
        rules:
          - backendRefs: [{name: a, port: 80, weight: 90}, {name: b, namespace: other, port: 80, weight: 0}]
          - backendRefs: [{group: example.com, kind: Bucket, name: static}]
          - matches: [{path: {type: PathPrefix, value: /health}}]
    `);
    expect(model.gatewayRoutes[0]).toMatchObject({
      parentRefs: [
        {
          group: 'gateway.networking.k8s.io',
          kind: 'Gateway',
          namespace: 'infra',
          name: 'shared',
          sectionName: 'https',
          port: 443,
        },
        { group: '', kind: 'Service', namespace: 'apps', name: 'mesh-svc' },
      ],
      backendRefs: [
        { group: '', kind: 'Service', namespace: 'apps', name: 'a', port: 80, weight: 90 },
        { group: '', kind: 'Service', namespace: 'other', name: 'b', port: 80, weight: 0 },
        { group: 'example.com', kind: 'Bucket', namespace: 'apps', name: 'static', weight: 1 },
      ],
    });
  });

  it('keeps routes of different kinds with the same name apart', () => {
    const model = readClean(
      `${route('HTTPRoute', 'v1', SPEC)}---\n${route('GRPCRoute', 'v1', SPEC)}`,
    );
    expect(model.gatewayRoutes.map((r) => r.kind)).toEqual(['HTTPRoute', 'GRPCRoute']);
  });
});

describe('ReferenceGrant', () => {
  it('reads from and to, group "" being the core group', () => {
    const model = readClean(`
      apiVersion: gateway.networking.k8s.io/v1beta1
      kind: ReferenceGrant
      metadata: {name: allow-routes, namespace: backends}
      spec:
        from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: apps}]
        to: [{group: "", kind: Service}, {group: "", kind: Service, name: orders}]
    `);
    expect(model.referenceGrants).toEqual([
      {
        namespace: 'backends',
        name: 'allow-routes',
        from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'apps' }],
        to: [
          { group: '', kind: 'Service' },
          { group: '', kind: 'Service', name: 'orders' },
        ],
        source: { file: FILE, document: 0 },
      },
    ]);
  });
});

describe('reading entry objects into the model', () => {
  it('counts the new kinds and lets a later object replace an earlier one', () => {
    const result = readYaml(`
      apiVersion: networking.k8s.io/v1
      kind: IngressClass
      metadata: {name: nginx}
      spec: {controller: k8s.io/ingress-nginx}
      ---
      apiVersion: networking.k8s.io/v1
      kind: IngressClass
      metadata: {name: nginx}
      spec: {controller: k8s.io/ingress-nginx-v2}
      ---
      apiVersion: gateway.networking.k8s.io/v1alpha2
      kind: ReferenceGrant
      metadata: {name: g, namespace: a}
      spec: {from: [{group: "", kind: Pod, namespace: b}], to: [{group: "", kind: Service}]}
      ---
      apiVersion: example.com/v1
      kind: HTTPRoute
      metadata: {name: foreign}
    `);
    expect(result.problems).toEqual([]);
    expect(result.counts).toEqual({ IngressClass: 2, ReferenceGrant: 1 });
    expect(result.skipped).toEqual({ 'HTTPRoute.example.com': 1 });
    expect(result.model.ingressClasses.map((c) => c.controller)).toEqual([
      'k8s.io/ingress-nginx-v2',
    ]);
  });
});
