import type { PolicyDirection } from '@palisade/cluster-model';
import { effectiveTiers, EffectiveTier } from './effective-rules';
import { CompiledRule, CompiledTier, EndpointView, peerMatches, PolicyRef, PolicySet, subjectMatches } from './policy-set';
import { PortRef, portSpecMatches } from './ports';

/**
 * The straightforward evaluator: one connection, one direction, every policy looked at.
 * It is the reference the fast evaluator is tested against, and it records why it decided,
 * which is what `explain` shows.
 */

/** Allowed, denied, or allowed only for some requests or names (L7 rules, DNS names). */
export type Verdict = 'allowed' | 'conditional' | 'denied';

export type DirectionOutcome =
  /** A rule decided (first match): Allow or Deny. `alsoAllowedBy`: other Allow rules of the tier that match. */
  | {
      readonly decidedBy: 'rule';
      readonly tier: CompiledTier;
      readonly allowed: boolean;
      readonly rule: CompiledRule;
      readonly alsoAllowedBy: readonly CompiledRule[];
    }
  /** An isolating policy selects the pod and no rule of its tier matched: the tier's Deny. */
  | { readonly decidedBy: 'end-of-tier'; readonly tier: CompiledTier; readonly allowed: false; readonly isolatedBy: readonly PolicyRef[] }
  /** No tier decided: allowed by default (Kubernetes, Calico's namespace profile, Cilium's default). */
  | { readonly decidedBy: 'default'; readonly allowed: true };

export interface DirectionVerdict {
  readonly direction: PolicyDirection;
  readonly outcome: DirectionOutcome;
  readonly verdict: Verdict;
  /** Pass rules that sent the connection on to the next tier, in the order met. */
  readonly passedBy: readonly CompiledRule[];
  /** Allow rules that admit only some requests or names and were met before the decision. */
  readonly conditionalBy: readonly CompiledRule[];
  /** The tiers that applied to the subject. */
  readonly tiers: readonly EffectiveTier[];
}

export function ruleMatches(rule: CompiledRule, peer: EndpointView, port: PortRef, destination: EndpointView): boolean {
  if (!portSpecMatches(rule.ports, port, destination.ports)) return false;
  if (rule.notPorts !== undefined && portSpecMatches(rule.notPorts, port, destination.ports)) return false;
  return rule.peers.some((p) => peerMatches(p, peer));
}

/** Indices (into `policies.all`) of the policies whose subject includes the endpoint. */
export function applyingPolicies(policies: PolicySet, subject: EndpointView): number[] {
  const indices: number[] = [];
  policies.all.forEach((p, i) => {
    if (subjectMatches(p.subject, subject)) indices.push(i);
  });
  return indices;
}

/**
 * Whether `subject` lets the connection through in `direction`: for Egress the subject is the
 * source and `peer` the destination; for Ingress the subject is the destination.
 */
export function evaluateDirection(
  policies: PolicySet,
  direction: PolicyDirection,
  subject: EndpointView,
  peer: EndpointView,
  port: PortRef,
): DirectionVerdict {
  const destination = direction === 'Ingress' ? subject : peer;
  const tiers = subject.kind === 'pod' ? effectiveTiers(policies, applyingPolicies(policies, subject), direction, subject) : [];
  const passedBy: CompiledRule[] = [];
  const conditionalBy: CompiledRule[] = [];
  const done = (outcome: DirectionOutcome): DirectionVerdict => ({
    direction,
    outcome,
    verdict: outcome.allowed ? 'allowed' : conditionalBy.length > 0 ? 'conditional' : 'denied',
    passedBy,
    conditionalBy,
    tiers,
  });

  for (const effective of tiers) {
    let passed = false;
    for (const rule of effective.rules) {
      if (!ruleMatches(rule, peer, port, destination)) continue;
      if (rule.action === 'Log') continue;
      if (rule.action === 'Pass') {
        passedBy.push(rule);
        passed = true;
        break;
      }
      if (rule.action === 'Allow' && rule.conditional !== undefined) {
        // Allowed for some requests only; the others go on to the next rule.
        conditionalBy.push(rule);
        continue;
      }
      const alsoAllowedBy =
        rule.action === 'Allow'
          ? effective.rules.filter((r) => r !== rule && r.action === 'Allow' && r.conditional === undefined && ruleMatches(r, peer, port, destination))
          : [];
      return done({ decidedBy: 'rule', tier: effective.tier, allowed: rule.action === 'Allow', rule, alsoAllowedBy });
    }
    if (!passed && effective.isolated && effective.tier.endAction === 'Deny') {
      return done({ decidedBy: 'end-of-tier', tier: effective.tier, allowed: false, isolatedBy: effective.isolatedBy });
    }
  }
  return done({ decidedBy: 'default', allowed: true });
}

export interface ConnectionVerdict {
  /** Allowed for every request (a conditional connection is not). */
  readonly allowed: boolean;
  readonly verdict: Verdict;
  /** The source's egress; outside addresses are not governed by cluster policy (default). */
  readonly egress: DirectionVerdict;
  readonly ingress: DirectionVerdict;
}

const RANK: Record<Verdict, number> = { denied: 0, conditional: 1, allowed: 2 };

/** The lesser of two verdicts: a connection needs both ends. */
export function lesserVerdict(a: Verdict, b: Verdict): Verdict {
  return RANK[a] <= RANK[b] ? a : b;
}

/** A connection is allowed when the source's egress and the destination's ingress both allow it. */
export function evaluateConnection(
  policies: PolicySet,
  source: EndpointView,
  destination: EndpointView,
  port: PortRef,
): ConnectionVerdict {
  const egress = evaluateDirection(policies, 'Egress', source, destination, port);
  const ingress = evaluateDirection(policies, 'Ingress', destination, source, port);
  const verdict = lesserVerdict(egress.verdict, ingress.verdict);
  return { allowed: verdict === 'allowed', verdict, egress, ingress };
}
