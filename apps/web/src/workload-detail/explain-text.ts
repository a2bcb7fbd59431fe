import type { ExplainDirection, ExplainRule } from '@palisade/api-contract';

/** The explanation's parts in words (a plain module: tested, and read by server components). */

const tiers = {
  admin: 'AdminNetworkPolicy (admin tier)',
  networkPolicy: 'NetworkPolicy',
  baseline: 'BaselineAdminNetworkPolicy (baseline tier)',
  default: 'No policy: Kubernetes allows by default',
} as const satisfies Record<ExplainDirection['decidedBy'], string>;

export function decidedByText(direction: ExplainDirection): string {
  if (direction.decidedBy === 'networkPolicy' && !direction.allowed) {
    // Nothing matched: the isolation itself denies, so there is no deciding rule to show.
    return 'NetworkPolicy isolation: no rule allows it';
  }
  return tiers[direction.decidedBy];
}

/** `ingress[2] "from-web" (Allow)`: where the rule sits in its policy. */
export function ruleText(rule: ExplainRule): string {
  const name = rule.name ? ` "${rule.name}"` : '';
  return `${rule.direction.toLowerCase()}[${rule.index}]${name} (${rule.action})`;
}
