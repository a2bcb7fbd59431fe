import { parse } from 'yaml';
import { defaultDenyYaml } from './default-deny-example';

describe('the default-deny example shown when there are no policies', () => {
  it('is a NetworkPolicy for the namespace that selects every pod and allows no ingress', () => {
    const policy = parse(defaultDenyYaml('analytics')) as {
      kind: string;
      metadata: { namespace: string };
      spec: { podSelector: object; policyTypes: string[]; ingress?: unknown };
    };
    expect(policy.kind).toBe('NetworkPolicy');
    expect(policy.metadata.namespace).toBe('analytics');
    expect(policy.spec.podSelector).toEqual({});
    expect(policy.spec.policyTypes).toEqual(['Ingress']);
    expect(policy.spec.ingress).toBeUndefined();
  });
});
