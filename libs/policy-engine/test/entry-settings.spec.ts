import { buildModel } from '@palisade/cluster-model';
import { audit, parseControllerSetting } from '../src';

describe('ingress controller settings', () => {
  it('read CONTROLLER=LABEL=VALUE[,LABEL=VALUE][@NAMESPACE]', () => {
    expect(parseControllerSetting('example.com/edge-proxy=app=edge-proxy,tier=edge@edge')).toEqual({
      controller: 'example.com/edge-proxy',
      podLabels: { app: 'edge-proxy', tier: 'edge' },
      namespace: 'edge',
    });
    expect(parseControllerSetting('example.com/p=app=p')).toEqual({ controller: 'example.com/p', podLabels: { app: 'p' } });
    for (const bad of ['', 'example.com/p', '=app=p', 'example.com/p=app', 'example.com/p=app=', 'example.com/p=app=p@']) {
      expect(parseControllerSetting(bad)).toMatch(/^an ingress controller is CONTROLLER=LABEL=VALUE/);
    }
  });

  const objects = [
    { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' }, status: { addresses: [{ type: 'InternalIP', address: '10.0.0.11' }] } },
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'edge' } },
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { namespace: 'edge', name: 'edge-proxy-0', labels: { app: 'edge-proxy' } },
      spec: { nodeName: 'n1', containers: [{ name: 'p', ports: [{ name: 'http', containerPort: 8080 }] }] },
      status: { phase: 'Running', podIP: '10.244.0.5' },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { namespace: 'edge', name: 'edge-proxy' },
      spec: { type: 'LoadBalancer', externalTrafficPolicy: 'Local', selector: { app: 'edge-proxy' }, ports: [{ port: 80, targetPort: 'http', nodePort: 30080 }] },
      status: { loadBalancer: { ingress: [{ ip: '34.117.50.10' }] } },
    },
    { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'edge' }, spec: { controller: 'example.com/edge-proxy' } },
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { namespace: 'shop', name: 'web-0', labels: { app: 'web' } },
      spec: { nodeName: 'n1', containers: [{ name: 'w', ports: [{ name: 'http', containerPort: 3000 }] }] },
      status: { phase: 'Running', podIP: '10.244.0.6' },
    },
    { apiVersion: 'v1', kind: 'Service', metadata: { namespace: 'shop', name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] } },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { namespace: 'shop', name: 'web' },
      spec: { ingressClassName: 'edge', rules: [{ host: 'www.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] },
    },
  ];

  it('a controller the table does not know publishes its Ingresses once a setting names its pods', () => {
    const { model, problems } = buildModel(objects.map((obj) => ({ obj })), { synthesizePods: false });
    expect(problems).toEqual([]);
    const web = (controllers: Parameters<typeof audit>[1]) => audit(model, controllers).pods.find((p) => p.name === 'web-0');
    expect(web({})).toMatchObject({ internetExposure: 'policy-only', entryPoints: [] });
    const setting = parseControllerSetting('example.com/edge-proxy=app=edge-proxy@edge');
    if (typeof setting === 'string') throw new Error(setting);
    expect(web({ controllers: [setting] })).toMatchObject({
      internetExposure: 'published',
      entryPoints: [{ kind: 'Ingress', name: 'shop/web', port: 80, host: 'www.example.com', targetPort: 3000, admitted: true, controller: 'example.com/edge-proxy' }],
    });
    // The namespace narrows the proxies: pods elsewhere with the labels do not count.
    const elsewhere = parseControllerSetting('example.com/edge-proxy=app=edge-proxy@other');
    if (typeof elsewhere === 'string') throw new Error(elsewhere);
    expect(web({ controllers: [elsewhere] })?.internetExposure).toBe('policy-only');
  });
});

describe('entry points when the nodes are not listed (RBAC hides them)', () => {
  const objects = (policy: boolean) => [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { namespace: 'shop', name: 'web-0', labels: { app: 'web' } },
      spec: { containers: [{ name: 'w', ports: [{ name: 'http', containerPort: 8080 }] }] },
      status: { phase: 'Running', podIP: '10.244.0.6' },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { namespace: 'shop', name: 'web' },
      spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] },
      status: { loadBalancer: { ingress: [{ ip: '34.117.50.20' }] } },
    },
    ...(policy
      ? [
          {
            apiVersion: 'networking.k8s.io/v1',
            kind: 'NetworkPolicy',
            metadata: { namespace: 'shop', name: 'from-node-subnet' },
            spec: { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/24' } }] }] },
          },
        ]
      : []),
  ];
  const exposureOf = (policy: boolean) => {
    const { model } = buildModel(objects(policy).map((obj) => ({ obj })), { synthesizePods: false });
    return audit(model).pods[0].internetExposure;
  };

  it('still publishes an unprotected pod behind a Cluster load balancer: some node forwards to it', () => {
    expect(exposureOf(false)).toBe('published');
  });

  it('cannot tell a policy admitting the node subnet admits the unknown nodes, and says none', () => {
    expect(exposureOf(true)).toBe('none');
  });
});
