import type { ExplainDirection, ExplainRule } from '@palisade/api-contract';

/** The explanation's parts in words (a plain module: tested, and read by server components). */

const tiers = {
  admin: 'AdminNetworkPolicy (admin tier)',
  networkPolicy: 'NetworkPolicy',
  baseline: 'BaselineAdminNetworkPolicy (baseline tier)',
  cilium: 'Cilium and Kubernetes policies',
  calico: 'Calico policy',
  default: 'No policy: allowed by default',
} as const satisfies Record<ExplainDirection['decidedBy'], string>;

export function decidedByText(direction: ExplainDirection): string {
  if (direction.endOfTier) {
    // Nothing matched: the isolation itself denies, so there is no deciding rule to show.
    if (direction.decidedBy === 'calico') return `End of Calico tier ${direction.tier ?? ''}: no rule allows it`.replace('  ', ' ');
    return `${direction.decidedBy === 'cilium' ? 'Cilium' : 'NetworkPolicy'} isolation: no rule allows it`;
  }
  if (direction.decidedBy === 'calico' && direction.tier) return `Calico policy (tier ${direction.tier})`;
  if (direction.verdict === 'conditional') return `${tiers[direction.decidedBy]}: allowed only for some requests`;
  return tiers[direction.decidedBy];
}

/** `ingress[2] "from-web" (Allow)`: where the rule sits in its policy. */
export function ruleText(rule: ExplainRule): string {
  const name = rule.name ? ` "${rule.name}"` : '';
  const list = rule.list ?? rule.direction.toLowerCase();
  const order = rule.order !== undefined ? `, order ${rule.order}` : '';
  const conditional = rule.conditional ? `, only ${rule.conditional}` : '';
  return `${list}[${rule.index}]${name} (${rule.action}${order}${conditional})`;
}
