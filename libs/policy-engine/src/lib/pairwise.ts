import type { PolicyDirection } from '@palisade/cluster-model';
import {
  CompiledPolicy,
  CompiledRule,
  EndpointView,
  peerMatches,
  PolicyRef,
  PolicySet,
  rulesFor,
  subjectMatches,
} from './policy-set';
import { PortRef, portSpecMatches } from './ports';

/**
 * The straightforward evaluator: one connection, one direction, every policy looked at.
 * It is the reference the fast evaluator is tested against, and it records why it decided,
 * which is what `explain` shows.
 */

export type DirectionOutcome =
  /** An Admin- or Baseline-tier rule with action Allow or Deny decided. */
  | { readonly decidedBy: 'admin' | 'baseline'; readonly allowed: boolean; readonly rule: CompiledRule }
  /** NetworkPolicies select the pod for this direction: allowed only if one of their rules matches. */
  | {
      readonly decidedBy: 'networkPolicy';
      readonly allowed: boolean;
      readonly isolatedBy: readonly PolicyRef[];
      readonly allowedBy: readonly CompiledRule[];
    }
  /** No tier decided: Kubernetes allows by default. */
  | { readonly decidedBy: 'default'; readonly allowed: true };

export interface DirectionVerdict {
  readonly direction: PolicyDirection;
  readonly outcome: DirectionOutcome;
  /** Pass rules that sent the connection on to the next tier, in the order met. */
  readonly passedBy: readonly CompiledRule[];
}

function ruleMatches(rule: CompiledRule, peer: EndpointView, port: PortRef, destination: EndpointView): boolean {
  return portSpecMatches(rule.ports, port, destination.ports) && rule.peers.some((p) => peerMatches(p, peer));
}

/** Policies of one tier that apply to the subject in this direction, in evaluation order. */
function applying(
  policies: readonly CompiledPolicy[],
  direction: PolicyDirection,
  subject: EndpointView,
): CompiledPolicy[] {
  return policies.filter((p) => rulesFor(p, direction) !== null && subjectMatches(p.subject, subject));
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
  const passedBy: CompiledRule[] = [];

  adminTier: for (const policy of applying(policies.admin, direction, subject)) {
    for (const rule of rulesFor(policy, direction) ?? []) {
      if (!ruleMatches(rule, peer, port, destination)) continue;
      if (rule.action === 'Pass') {
        passedBy.push(rule);
        break adminTier;
      }
      return { direction, passedBy, outcome: { decidedBy: 'admin', allowed: rule.action === 'Allow', rule } };
    }
  }

  const isolating = applying(policies.networkPolicies, direction, subject);
  if (isolating.length > 0) {
    const allowedBy = isolating.flatMap((p) =>
      (rulesFor(p, direction) ?? []).filter((rule) => ruleMatches(rule, peer, port, destination)),
    );
    return {
      direction,
      passedBy,
      outcome: {
        decidedBy: 'networkPolicy',
        allowed: allowedBy.length > 0,
        isolatedBy: isolating.map((p) => p.ref),
        allowedBy,
      },
    };
  }

  baselineTier: for (const policy of applying(policies.baseline, direction, subject)) {
    for (const rule of rulesFor(policy, direction) ?? []) {
      if (!ruleMatches(rule, peer, port, destination)) continue;
      if (rule.action === 'Pass') {
        passedBy.push(rule);
        break baselineTier;
      }
      return { direction, passedBy, outcome: { decidedBy: 'baseline', allowed: rule.action === 'Allow', rule } };
    }
  }

  return { direction, passedBy, outcome: { decidedBy: 'default', allowed: true } };
}

export interface ConnectionVerdict {
  readonly allowed: boolean;
  /** The source's egress; outside addresses are not governed by cluster policy (default). */
  readonly egress: DirectionVerdict;
  readonly ingress: DirectionVerdict;
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
  return { allowed: egress.outcome.allowed && ingress.outcome.allowed, egress, ingress };
}
