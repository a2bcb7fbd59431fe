import type { ExplainDirection } from '@palisade/api-contract';
import { decidedByText, ruleText } from './explain-text';

const direction = (over: Partial<ExplainDirection>): ExplainDirection => ({
  allowed: true,
  verdict: 'allowed',
  decidedBy: 'default',
  endOfTier: false,
  rules: [],
  isolatedBy: [],
  passedBy: [],
  conditionalBy: [],
  ...over,
});

describe('explain text', () => {
  it('names the deciding tier, and says when isolation denies with no rule', () => {
    expect(decidedByText(direction({ decidedBy: 'admin', allowed: false }))).toBe(
      'AdminNetworkPolicy (admin tier)',
    );
    expect(decidedByText(direction({ decidedBy: 'networkPolicy' }))).toBe('NetworkPolicy');
    expect(
      decidedByText(
        direction({
          decidedBy: 'networkPolicy',
          allowed: false,
          verdict: 'denied',
          endOfTier: true,
          isolatedBy: ['payments/default-deny'],
        }),
      ),
    ).toBe('NetworkPolicy isolation: no rule allows it');
    expect(decidedByText(direction({}))).toBe('No policy: allowed by default');
    expect(decidedByText(direction({ decidedBy: 'calico', allowed: false, verdict: 'denied', endOfTier: true, tier: 'security' }))).toBe(
      'End of Calico tier security: no rule allows it',
    );
    expect(decidedByText(direction({ decidedBy: 'cilium', allowed: false, verdict: 'denied', endOfTier: true }))).toBe('Cilium isolation: no rule allows it');
    expect(decidedByText(direction({ decidedBy: 'cilium', allowed: false, verdict: 'conditional' }))).toBe(
      'Cilium and Kubernetes policies: allowed only for some requests',
    );
  });

  it('places a rule in its policy', () => {
    expect(
      ruleText({
        policy: 'shop/web',
        direction: 'Ingress',
        index: 2,
        name: 'from-lb',
        action: 'Allow',
      }),
    ).toBe('ingress[2] "from-lb" (Allow)');
    expect(
      ruleText({ policy: 'AdminNetworkPolicy/x', direction: 'Egress', index: 0, action: 'Deny' }),
    ).toBe('egress[0] (Deny)');
    expect(
      ruleText({ policy: 'CiliumNetworkPolicy/shop/api', direction: 'Ingress', index: 1, list: 'ingressDeny', action: 'Deny' }),
    ).toBe('ingressDeny[1] (Deny)');
    expect(
      ruleText({ policy: 'NetworkPolicy.projectcalico.org/shop/api', direction: 'Ingress', index: 0, action: 'Allow', tier: 'security', order: 100, conditional: 'an HTTP match' }),
    ).toBe('ingress[0] (Allow, order 100, only an HTTP match)');
  });
});
