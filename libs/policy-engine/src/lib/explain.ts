import type { ClusterModel } from '@palisade/cluster-model';
import { addressKey } from './addresses';
import { externalEndpoint, namespaceLabelsOf, podEndpoint, podId } from './endpoints';
import { DirectionOutcome, DirectionVerdict, evaluateConnection } from './pairwise';
import { CompiledRule, compilePolicies, EndpointView } from './policy-set';
import { describePortSpec, formatPort, PortRef } from './ports';

/** One end of a connection: a pod as `namespace/name`, or an IP address. */
export type PeerQuery = string;

export interface Explanation {
  readonly from: string;
  readonly to: string;
  readonly port: PortRef;
  readonly allowed: boolean;
  /** True when source and destination are the same pod: not judged by network policy. */
  readonly self: boolean;
  /** Per direction, what decided; null when that end is outside the cluster (or for self). */
  readonly egress: DirectionSummary | null;
  readonly ingress: DirectionSummary | null;
  /** The decision in sentences, most important first. */
  readonly lines: readonly string[];
}

/** A rule as data: which policy, which list, which entry. */
export interface RuleRef {
  readonly policy: string;
  readonly direction: 'Ingress' | 'Egress';
  readonly index: number;
  readonly name?: string;
  readonly action: 'Allow' | 'Deny' | 'Pass';
}

export interface DirectionSummary {
  readonly allowed: boolean;
  readonly decidedBy: DirectionOutcome['decidedBy'];
  /** The rule that decided (admin or baseline tier) or the NetworkPolicy rules that allow. */
  readonly rules: readonly RuleRef[];
  /** NetworkPolicies isolating the pod in this direction. */
  readonly isolatedBy: readonly string[];
  readonly passedBy: readonly RuleRef[];
}

function ruleRef(rule: CompiledRule): RuleRef {
  return { policy: rule.policy.id, direction: rule.direction, index: rule.index, ...(rule.name ? { name: rule.name } : {}), action: rule.action };
}

function summarize(verdict: DirectionVerdict): DirectionSummary {
  const o = verdict.outcome;
  return {
    allowed: o.allowed,
    decidedBy: o.decidedBy,
    rules: o.decidedBy === 'admin' || o.decidedBy === 'baseline' ? [ruleRef(o.rule)] : o.decidedBy === 'networkPolicy' ? o.allowedBy.map(ruleRef) : [],
    isolatedBy: o.decidedBy === 'networkPolicy' ? o.isolatedBy.map((p) => p.id) : [],
    passedBy: verdict.passedBy.map(ruleRef),
  };
}

export type ExplainResult =
  | { readonly ok: true; readonly explanation: Explanation }
  | { readonly ok: false; readonly error: 'unknown-peer'; readonly message: string };

interface ResolvedPeer {
  readonly label: string;
  readonly view: EndpointView;
  readonly podKey?: string;
}

function resolvePeer(model: ClusterModel, query: PeerQuery): ResolvedPeer | string {
  const namespaceLabels = namespaceLabelsOf(model);
  const nodeLabels = new Map(model.nodes.map((n) => [n.name, n.labels]));
  const outside = externalEndpoint(query);
  if (outside) {
    // An address that belongs to a pod is that pod.
    const key = outside.addresses[0];
    const pod = model.pods.find((p) => p.ips.some((ip) => addressKey(ip) === key));
    if (pod) return { label: `${podId(pod)} (${query})`, view: podEndpoint(pod, namespaceLabels, nodeLabels), podKey: podId(pod) };
    return { label: query, view: outside };
  }
  const slash = query.indexOf('/');
  if (slash < 0) return `"${query}" is neither namespace/pod nor an IP address`;
  const namespace = query.slice(0, slash);
  const name = query.slice(slash + 1);
  const pod = model.pods.find((p) => p.namespace === namespace && p.name === name);
  if (!pod) return `no pod ${query} in the input`;
  return { label: query, view: podEndpoint(pod, namespaceLabels, nodeLabels), podKey: query };
}

function describeRule(rule: CompiledRule): string {
  const name = rule.name ? ` "${rule.name}"` : '';
  const list = rule.direction === 'Ingress' ? 'ingress' : 'egress';
  return `${rule.policy.kind === 'NetworkPolicy' ? 'NetworkPolicy ' : ''}${rule.policy.id} ${list}[${rule.index}]${name}`;
}

function describeDirection(verdict: DirectionVerdict, subject: string, peer: string, port: PortRef): string[] {
  const lines: string[] = [];
  const side = verdict.direction === 'Egress' ? `Egress from ${subject}` : `Ingress to ${subject}`;
  const what = verdict.direction === 'Egress' ? `to ${peer}` : `from ${peer}`;
  for (const rule of verdict.passedBy) {
    lines.push(`  ${describeRule(rule)} (Pass) matched and handed the decision to the next tier.`);
  }
  const outcome = verdict.outcome;
  switch (outcome.decidedBy) {
    case 'admin':
    case 'baseline': {
      const tier = outcome.decidedBy === 'admin' ? 'Admin tier' : 'Baseline tier';
      const final =
        outcome.decidedBy === 'admin'
          ? 'Admin-tier decisions are final: no NetworkPolicy can override them.'
          : 'No NetworkPolicy selects the pod for this direction, so the baseline applies.';
      lines.unshift(
        `${side}: ${outcome.allowed ? 'ALLOWED' : 'DENIED'} by ${describeRule(outcome.rule)} ` +
          `(${tier}, action ${outcome.rule.action}, ports: ${describePortSpec(outcome.rule.ports)}). ${final}`,
      );
      break;
    }
    case 'networkPolicy': {
      const isolating = outcome.isolatedBy.map((p) => p.id).join(', ');
      if (outcome.allowed) {
        lines.unshift(
          `${side}: ALLOWED. ${subject} is isolated for ${verdict.direction.toLowerCase()} by ${isolating}; ` +
            `allowed by ${outcome.allowedBy.map(describeRule).join(', ')}.`,
        );
      } else {
        lines.unshift(
          `${side}: DENIED. ${subject} is isolated for ${verdict.direction.toLowerCase()} by ${isolating}, ` +
            `and no rule of those policies allows traffic ${what} on ${formatPort(port)}.`,
          `  To allow it, add an ${verdict.direction.toLowerCase()} rule to one of them with a peer matching ${peer} and port ${formatPort(port)}.`,
        );
      }
      break;
    }
    case 'default':
      lines.unshift(
        verdict.passedBy.length > 0
          ? `${side}: ALLOWED: after the Pass, no NetworkPolicy or baseline rule decides, and Kubernetes allows by default.`
          : `${side}: ALLOWED: no policy restricts ${verdict.direction.toLowerCase()} of ${subject} (Kubernetes allows by default).`,
      );
      break;
  }
  return lines;
}

/** Allowed or denied, and the policies and rules that decide it in each direction and tier. */
export function explain(model: ClusterModel, from: PeerQuery, to: PeerQuery, port: PortRef): ExplainResult {
  const source = resolvePeer(model, from);
  if (typeof source === 'string') return { ok: false, error: 'unknown-peer', message: `--from: ${source}` };
  const destination = resolvePeer(model, to);
  if (typeof destination === 'string') return { ok: false, error: 'unknown-peer', message: `--to: ${destination}` };

  if (source.podKey !== undefined && source.podKey === destination.podKey) {
    return {
      ok: true,
      explanation: {
        from: source.label,
        to: destination.label,
        port,
        allowed: true,
        self: true,
        egress: null,
        ingress: null,
        lines: [`ALLOWED: ${source.label} to itself on ${formatPort(port)} never leaves the pod; network policy does not judge it.`],
      },
    };
  }

  const verdict = evaluateConnection(compilePolicies(model), source.view, destination.view, port);
  const header = `${verdict.allowed ? 'ALLOWED' : 'DENIED'}: ${source.label} -> ${destination.label} on ${formatPort(port)}`;
  const egressLines =
    source.view.kind === 'external'
      ? [`Egress from ${source.label}: not governed by cluster policy (outside the cluster).`]
      : describeDirection(verdict.egress, source.label, destination.label, port);
  const ingressLines =
    destination.view.kind === 'external'
      ? [`Ingress to ${destination.label}: not governed by cluster policy (outside the cluster).`]
      : describeDirection(verdict.ingress, destination.label, source.label, port);
  return {
    ok: true,
    explanation: {
      from: source.label,
      to: destination.label,
      port,
      allowed: verdict.allowed,
      self: false,
      egress: source.view.kind === 'external' ? null : summarize(verdict.egress),
      ingress: destination.view.kind === 'external' ? null : summarize(verdict.ingress),
      lines: [header, ...egressLines, ...ingressLines],
    },
  };
}
