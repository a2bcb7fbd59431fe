import type { ExplainDirection } from '@palisade/api-contract';
import { decidedByText, ruleText } from './explain-text';

const direction = (over: Partial<ExplainDirection>): ExplainDirection => ({
  allowed: true,
  decidedBy: 'default',
  rules: [],
  isolatedBy: [],
  passedBy: [],
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
          isolatedBy: ['payments/default-deny'],
        }),
      ),
    ).toBe('NetworkPolicy isolation: no rule allows it');
    expect(decidedByText(direction({}))).toBe('No policy: Kubernetes allows by default');
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
  });
});
