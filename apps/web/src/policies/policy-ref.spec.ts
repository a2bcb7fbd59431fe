import { parsePolicyRef, policyKey, policyLabel, policyPath, policyRefOfId } from './policy-ref';

describe('policy pages', () => {
  it('reads a NetworkPolicy as kind, namespace and name', () => {
    expect(parsePolicyRef(['NetworkPolicy', 'shop', 'default-deny-ingress'])).toEqual({
      kind: 'NetworkPolicy',
      namespace: 'shop',
      name: 'default-deny-ingress',
    });
  });

  it('reads a cluster-wide policy as kind and name', () => {
    expect(parsePolicyRef(['AdminNetworkPolicy', 'allow-monitoring-scrape'])).toEqual({
      kind: 'AdminNetworkPolicy',
      name: 'allow-monitoring-scrape',
    });
    expect(parsePolicyRef(['BaselineAdminNetworkPolicy', 'default'])).toEqual({
      kind: 'BaselineAdminNetworkPolicy',
      name: 'default',
    });
  });

  it('reads the namespaced Cilium and Calico kinds with their namespace, and their cluster-wide kinds without', () => {
    expect(parsePolicyRef(['CiliumNetworkPolicy', 'store', 'catalog'])).toEqual({ kind: 'CiliumNetworkPolicy', namespace: 'store', name: 'catalog' });
    expect(parsePolicyRef(['CalicoStagedNetworkPolicy', 'bank', 'trial'])).toEqual({ kind: 'CalicoStagedNetworkPolicy', namespace: 'bank', name: 'trial' });
    expect(parsePolicyRef(['CiliumClusterwideNetworkPolicy', 'deny'])).toEqual({ kind: 'CiliumClusterwideNetworkPolicy', name: 'deny' });
    expect(parsePolicyRef(['CiliumNetworkPolicy', 'catalog'])).toBeUndefined();
    expect(policyPath('c1', { kind: 'CiliumNetworkPolicy', namespace: 'store', name: 'catalog' })).toBe('/clusters/c1/policies/CiliumNetworkPolicy/store/catalog');
  });

  it('is no policy when the kind is unknown or the segments do not fit the kind', () => {
    expect(parsePolicyRef(['Deployment', 'shop', 'web'])).toBeUndefined();
    expect(parsePolicyRef(['NetworkPolicy', 'default-deny'])).toBeUndefined();
    expect(parsePolicyRef(['AdminNetworkPolicy', 'shop', 'x'])).toBeUndefined();
    expect(parsePolicyRef(['NetworkPolicy', 'shop', ''])).toBeUndefined();
    expect(parsePolicyRef(['NetworkPolicy', '%E0%A4%A', 'x'])).toBeUndefined();
    expect(parsePolicyRef([])).toBeUndefined();
  });

  it('builds the page path that parses back to the same policy', () => {
    const ref = { kind: 'NetworkPolicy', namespace: 'shop', name: 'default-deny-ingress' } as const;
    const path = policyPath('c1', ref);
    expect(path).toBe('/clusters/c1/policies/NetworkPolicy/shop/default-deny-ingress');
    expect(parsePolicyRef(path.split('/').slice(4))).toEqual(ref);
    expect(policyPath('c1', { kind: 'AdminNetworkPolicy', name: 'allow-monitoring-scrape' })).toBe(
      '/clusters/c1/policies/AdminNetworkPolicy/allow-monitoring-scrape',
    );
  });

  it('names a policy with its namespace when it has one', () => {
    expect(policyLabel({ kind: 'NetworkPolicy', namespace: 'shop', name: 'web' })).toBe(
      'NetworkPolicy shop/web',
    );
    expect(policyLabel({ kind: 'BaselineAdminNetworkPolicy', name: 'default' })).toBe(
      'BaselineAdminNetworkPolicy default',
    );
  });
});

describe('policyKey', () => {
  it('tells policies of the same name apart by kind and namespace', () => {
    const keys = [
      { kind: 'NetworkPolicy', namespace: 'shop', name: 'default' },
      { kind: 'NetworkPolicy', namespace: 'payments', name: 'default' },
      { kind: 'BaselineAdminNetworkPolicy', name: 'default' },
    ].map((ref) => policyKey(ref as Parameters<typeof policyKey>[0]));
    expect(keys).toEqual([
      'NetworkPolicy/shop/default',
      'NetworkPolicy/payments/default',
      'BaselineAdminNetworkPolicy/default',
    ]);
  });
});

describe('policyRefOfId', () => {
  it('reads the API id of a change event with the kind from its details', () => {
    expect(policyRefOfId('NetworkPolicy', 'shop/default-deny-ingress')).toEqual({
      kind: 'NetworkPolicy',
      namespace: 'shop',
      name: 'default-deny-ingress',
    });
    expect(policyRefOfId('AdminNetworkPolicy', 'AdminNetworkPolicy/allow-scrape')).toEqual({
      kind: 'AdminNetworkPolicy',
      name: 'allow-scrape',
    });
  });

  it('reads the ids of the namespaced Cilium and Calico kinds, and ids without a kind beside them', () => {
    expect(policyRefOfId(undefined, 'shop/x')).toEqual({ kind: 'NetworkPolicy', namespace: 'shop', name: 'x' });
    expect(policyRefOfId('CiliumNetworkPolicy', 'CiliumNetworkPolicy/store/catalog')).toEqual({
      kind: 'CiliumNetworkPolicy',
      namespace: 'store',
      name: 'catalog',
    });
    expect(policyRefOfId(undefined, 'CalicoGlobalNetworkPolicy/security.deny')).toEqual({
      kind: 'CalicoGlobalNetworkPolicy',
      name: 'security.deny',
    });
  });

  it('gives nothing for an unknown kind or an id that does not match it', () => {
    expect(policyRefOfId('Gateway', 'shop/x')).toBeUndefined();
    expect(policyRefOfId('CiliumNetworkPolicy', 'CiliumNetworkPolicy/no-namespace')).toBeUndefined();
    expect(
      policyRefOfId('AdminNetworkPolicy', 'BaselineAdminNetworkPolicy/default'),
    ).toBeUndefined();
    expect(policyRefOfId('NetworkPolicy', 'no-namespace')).toBeUndefined();
  });
});
