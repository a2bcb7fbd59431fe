import { detailHref, policyHref, policyPageHref, workloadHref } from './detail-links';

describe('workload detail links', () => {
  it('links a workload by namespace, kind and name, encoded', () => {
    expect(workloadHref('c1', { namespace: 'shop', kind: 'Deployment', name: 'frontend' })).toBe(
      '/clusters/c1/workloads/shop/Deployment/frontend',
    );
    expect(workloadHref('c 1', { namespace: 'a/b', kind: 'Pod', name: 'x?y' })).toBe(
      '/clusters/c%201/workloads/a%2Fb/Pod/x%3Fy',
    );
  });

  it('links a NetworkPolicy to its namespace and a cluster-wide policy to its kind', () => {
    expect(policyHref('c1', 'payments/default-deny', 'NetworkPolicy')).toBe(
      '/clusters/c1/policies?namespace=payments',
    );
    expect(policyHref('c1', 'AdminNetworkPolicy/deny-analytics', 'AdminNetworkPolicy')).toBe(
      '/clusters/c1/policies?kind=AdminNetworkPolicy',
    );
    // The explain API names rules' policies by id only.
    expect(policyHref('c1', 'BaselineAdminNetworkPolicy/default')).toBe(
      '/clusters/c1/policies?kind=BaselineAdminNetworkPolicy',
    );
    expect(policyHref('c1', 'shop/allow-web')).toBe('/clusters/c1/policies?namespace=shop');
    expect(policyHref('c1', 'CiliumNetworkPolicy/store/catalog')).toBe('/clusters/c1/policies?namespace=store');
    expect(policyHref('c1', 'CalicoGlobalNetworkPolicy/deny')).toBe('/clusters/c1/policies?kind=CalicoGlobalNetworkPolicy');
    expect(policyHref('c1', 'not an id')).toBe('/clusters/c1/policies');
  });

  it('links a policy named by its id to its own page', () => {
    expect(policyPageHref('c1', 'payments/default-deny')).toBe(
      '/clusters/c1/policies/NetworkPolicy/payments/default-deny',
    );
    expect(policyPageHref('c1', 'AdminNetworkPolicy/deny-analytics')).toBe(
      '/clusters/c1/policies/AdminNetworkPolicy/deny-analytics',
    );
    expect(policyPageHref('c1', 'no-slash')).toBe('/clusters/c1/policies');
    expect(policyPageHref('c1', 'CiliumNetworkPolicy/store/catalog')).toBe('/clusters/c1/policies/CiliumNetworkPolicy/store/catalog');
  });

  it('keeps the explain question when the range changes, leaving defaults out', () => {
    const base = '/clusters/c1/workloads/shop/Deployment/frontend';
    expect(detailHref(base, { range: 'week' })).toBe(base);
    expect(
      detailHref(base, { range: 'month', explain: { peer: '', direction: 'out', port: '80/TCP' } }),
    ).toBe(`${base}?range=month`);
    expect(
      detailHref(base, {
        range: 'day',
        explain: { peer: 'analytics/Deployment/x', direction: 'out', port: '80/TCP' },
      }),
    ).toBe(`${base}?range=day&peer=analytics%2FDeployment%2Fx&direction=out&port=80%2FTCP`);
  });
});
