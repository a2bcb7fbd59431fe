import { parsePolicyId, POLICY_KINDS } from '@palisade/api-contract';
import { policyIdOf, type PolicyKind } from '@palisade/policy-engine';

describe('policy ids', () => {
  it('the API names every kind the engine reads', () => {
    const engineKinds: Record<PolicyKind, true> = {
      NetworkPolicy: true,
      AdminNetworkPolicy: true,
      BaselineAdminNetworkPolicy: true,
      ClusterNetworkPolicy: true,
      CiliumNetworkPolicy: true,
      CiliumClusterwideNetworkPolicy: true,
      CalicoNetworkPolicy: true,
      CalicoGlobalNetworkPolicy: true,
      CalicoStagedNetworkPolicy: true,
      CalicoStagedGlobalNetworkPolicy: true,
      CalicoStagedKubernetesNetworkPolicy: true,
    };
    expect([...POLICY_KINDS].sort()).toEqual(Object.keys(engineKinds).sort());
  });

  it('read back as the kind, namespace and name the engine made them of', () => {
    const cases: [PolicyKind, string, string | undefined, string][] = [
      ['NetworkPolicy', 'db', 'shop', 'shop/db'],
      ['AdminNetworkPolicy', 'tenants', undefined, 'AdminNetworkPolicy/tenants'],
      ['CiliumNetworkPolicy', 'db', 'shop', 'CiliumNetworkPolicy/shop/db'],
      ['CiliumClusterwideNetworkPolicy', 'world', undefined, 'CiliumClusterwideNetworkPolicy/world'],
      ['CalicoGlobalNetworkPolicy', 'security.deny-all', undefined, 'CalicoGlobalNetworkPolicy/security.deny-all'],
      ['CalicoStagedNetworkPolicy', 'try', 'shop', 'CalicoStagedNetworkPolicy/shop/try'],
      ['CalicoStagedKubernetesNetworkPolicy', 'try', 'shop', 'CalicoStagedKubernetesNetworkPolicy/shop/try'],
    ];
    for (const [kind, name, namespace, id] of cases) {
      expect(policyIdOf(kind, name, namespace)).toBe(id);
      expect(parsePolicyId(id)).toEqual(namespace === undefined ? { kind, name } : { kind, namespace, name });
    }
  });

  it('refuses anything else', () => {
    for (const bad of ['', 'shop', 'shop/', '/db', 'NetworkPolicy/shop/db', 'a/b/c', 'CiliumNetworkPolicy/', 'CiliumNetworkPolicy/a', 'CiliumNetworkPolicy/a/b/c', 'AdminNetworkPolicy/a/b']) {
      expect(parsePolicyId(bad)).toBeUndefined();
    }
  });
});
