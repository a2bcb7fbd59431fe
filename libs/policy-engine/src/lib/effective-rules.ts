import type { CiliumSelector, PolicyDirection } from '@palisade/cluster-model';
import { withRequirements } from './cilium-labels';
import { CompiledPolicy, CompiledRule, CompiledTier, EndpointView, isolatesFor, peerMatches, PolicyRef, PolicySet, rulesFor } from './policy-set';

/**
 * What governs one direction of one pod, tier by tier: the rules of the policies that apply to
 * it, in evaluation order, as both evaluators walk them. Two things here depend on the pod and
 * not on a policy alone: the subject side of a Calico rule (an ingress rule's destination
 * selector, say), which keeps a rule for some pods only; and Cilium's fromRequires/toRequires,
 * which narrow the endpoint peers of every rule applying to the same pod.
 */
export interface EffectiveTier {
  readonly tier: CompiledTier;
  readonly index: number;
  readonly rules: readonly CompiledRule[];
  /** An isolating policy of the tier selects the pod: no decision means the tier's end action. */
  readonly isolated: boolean;
  /** The policies of the tier that apply to the pod (for explanations). */
  readonly policies: readonly PolicyRef[];
  /** The isolating ones among them. */
  readonly isolatedBy: readonly PolicyRef[];
}

/** Rules narrowed by requirements, one object per (rule, requirements) so caches keyed by rule hold. */
const narrowed = new WeakMap<CompiledRule, Map<string, CompiledRule>>();

function narrow(rule: CompiledRule, requires: readonly CiliumSelector[], key: string): CompiledRule {
  if (!rule.peers.some((p) => p.kind === 'cilium-endpoints')) return rule;
  let byKey = narrowed.get(rule);
  if (!byKey) narrowed.set(rule, (byKey = new Map()));
  let derived = byKey.get(key);
  if (!derived) {
    derived = {
      ...rule,
      peers: rule.peers.map((p) => (p.kind === 'cilium-endpoints' ? { kind: 'cilium-endpoints', selector: withRequirements(p.selector, requires) } : p)),
    };
    byKey.set(key, derived);
  }
  return derived;
}

/**
 * The effective tiers of a pod for a direction. `applying` are indices into `policies.all` of
 * the policies whose subject includes the pod, in any order.
 */
export function effectiveTiers(policies: PolicySet, applying: readonly number[], direction: PolicyDirection, subject: EndpointView): EffectiveTier[] {
  const byTier = new Map<number, CompiledPolicy[]>();
  for (const i of [...applying].sort((a, b) => a - b)) {
    const policy = policies.all[i];
    if (rulesFor(policy, direction) === null) continue;
    const list = byTier.get(policy.tier);
    if (list) list.push(policy);
    else byTier.set(policy.tier, [policy]);
  }
  const tiers: EffectiveTier[] = [];
  for (const [index, members] of [...byTier].sort((a, b) => a[0] - b[0])) {
    let rules = members.flatMap((p) => (rulesFor(p, direction) ?? []).filter((r) => r.subjectSide === undefined || peerMatches(r.subjectSide, subject)));
    const requires = rules.flatMap((r) => r.requires ?? []);
    if (requires.length > 0) {
      const key = requires.map((r) => r.text).join('\u0000');
      rules = rules.map((r) => narrow(r, requires, key));
    }
    const isolating = members.filter((p) => isolatesFor(p, direction));
    tiers.push({
      tier: policies.tiers[index],
      index,
      rules,
      isolated: isolating.length > 0,
      policies: unique(members.map((p) => p.ref)),
      isolatedBy: unique(isolating.map((p) => p.ref)),
    });
  }
  return tiers;
}

function unique(refs: readonly PolicyRef[]): PolicyRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
}

/**
 * Whether the pod is isolated in the direction: a tier ends with Deny for it, or some rule
 * applying to it denies (an admin or Cilium deny counts).
 */
export function tiersIsolate(tiers: readonly EffectiveTier[]): boolean {
  return tiers.some((t) => (t.isolated && t.tier.endAction === 'Deny') || t.rules.some((r) => r.action === 'Deny'));
}

/** The policies that isolate: those of tiers ending with Deny for the pod. */
export function isolatingPolicies(tiers: readonly EffectiveTier[]): PolicyRef[] {
  return unique(tiers.filter((t) => t.tier.endAction === 'Deny').flatMap((t) => t.isolatedBy));
}
