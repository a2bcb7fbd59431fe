import { hashOf, objectStates } from './snapshot-state';

describe('snapshot states', () => {
  it('hash data independently of key order', () => {
    expect(hashOf({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(hashOf({ b: { d: 'x', c: [1, 2] }, a: 1 }));
    expect(hashOf({ a: 1 })).not.toBe(hashOf({ a: 2 }));
  });

  it('store pods as Palisade reads them, so status churn opens no new version', () => {
    const pod = {
      namespace: 'shop',
      name: 'web-1',
      labels: { app: 'web' },
      ips: ['10.0.0.1'],
      ports: [],
      phase: 'Running' as const,
      hostNetwork: false,
      serviceAccount: 'default',
      workload: { kind: 'Deployment' as const, name: 'web' },
      synthetic: false,
    };
    const empty = { namespaces: [], nodes: [], workloads: [], services: [], serviceAccounts: [], endpointSlices: [], ingresses: [], ingressClasses: [], gatewayClasses: [], gateways: [], gatewayRoutes: [], referenceGrants: [], networkPolicies: [], adminPolicies: [], ciliumPolicies: [], ciliumCidrGroups: [], calicoPolicies: [], calicoTiers: [], networkSets: [] };
    const [a] = objectStates({ ...empty, pods: [pod] });
    const [b] = objectStates({ ...empty, pods: [{ ...pod, source: { file: 'x', document: 3 } }] });
    expect(a.hash).toBe(b.hash);
    const [moved] = objectStates({ ...empty, pods: [{ ...pod, ips: ['10.0.0.9'] }] });
    expect(moved.hash).not.toBe(a.hash);
  });
});
