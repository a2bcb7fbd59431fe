import { manifestYaml } from './manifest-yaml';

describe('manifestYaml', () => {
  it('prints a policy as kubectl users read it, whatever order its keys were stored in', () => {
    // The order jsonb gives back: shorter keys first.
    const stored = {
      kind: 'NetworkPolicy',
      spec: { ingress: [{ ports: [{ port: 80 }], from: [{ podSelector: {} }] }], podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'] },
      metadata: { namespace: 'shop', name: 'allow-web', labels: { zeta: '1', alpha: '2' } },
      apiVersion: 'networking.k8s.io/v1',
    };

    expect(manifestYaml(stored)).toBe(
      [
        'apiVersion: networking.k8s.io/v1',
        'kind: NetworkPolicy',
        'metadata:',
        '  name: allow-web',
        '  namespace: shop',
        '  labels:',
        '    alpha: "2"',
        '    zeta: "1"',
        'spec:',
        '  podSelector:',
        '    matchLabels:',
        '      app: web',
        '  policyTypes:',
        '    - Ingress',
        '  ingress:',
        '    - from:',
        '        - podSelector: {}',
        '      ports:',
        '        - port: 80',
        '',
      ].join('\n'),
    );
  });
});
