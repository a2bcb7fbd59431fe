import type { ClusterModel } from '@palisade/cluster-model';
import { addressKey } from './addresses';
import type { CniMode } from './cni';
import { externalEndpoint, namespaceLabelsOf, podEndpoint, podId, serviceAccountLabelsOf } from './endpoints';
import { DirectionOutcome, DirectionVerdict, evaluateConnection, Verdict } from './pairwise';
import { CompiledRule, CompiledTier, compilePolicies, EndpointView, PolicySet, TierKind } from './policy-set';
import { describePortSpec, formatPort, PortRef } from './ports';

/** One end of a connection: a pod as `namespace/name`, or an IP address. */
export type PeerQuery = string;

export interface Explanation {
  readonly from: string;
  readonly to: string;
  readonly port: PortRef;
  /** Allowed for every request. */
  readonly allowed: boolean;
  /** Allowed, denied, or allowed only for some requests or names. */
  readonly verdict: Verdict;
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
  /** The list when it is not `ingress`/`egress` (`ingressDeny`, `specs[1].egress`). */
  readonly list?: string;
  readonly name?: string;
  readonly action: 'Allow' | 'Deny' | 'Pass' | 'Log';
  /** Calico: the policy's tier and order. */
  readonly tier?: string;
  readonly order?: number;
  /** Why the rule allows only some requests. */
  readonly conditional?: string;
}

/** Which layer decided: the Kubernetes tiers, Cilium's or Calico's policies, or nothing. */
export type DecidedBy = 'admin' | 'networkPolicy' | 'baseline' | 'cilium' | 'calico' | 'default';

export interface DirectionSummary {
  readonly allowed: boolean;
  readonly verdict: Verdict;
  readonly decidedBy: DecidedBy;
  /** The tier that decided (Calico's tier name; `default` when none). */
  readonly tier?: string;
  /** True when no rule matched and the isolation itself denied (the tier's end). */
  readonly endOfTier: boolean;
  /** The rule that decided, or the rules that allow (NetworkPolicy and Cilium allows add up). */
  readonly rules: readonly RuleRef[];
  /** Policies isolating the pod in this direction, in the deciding tier. */
  readonly isolatedBy: readonly string[];
  readonly passedBy: readonly RuleRef[];
  /** Rules that allow only some requests, met before the decision. */
  readonly conditionalBy: readonly RuleRef[];
}

const DECIDED_BY: Record<TierKind, DecidedBy> = {
  admin: 'admin',
  networkPolicy: 'networkPolicy',
  baseline: 'baseline',
  calico: 'calico',
  cilium: 'cilium',
  'cilium-deny': 'cilium',
};

function orderOf(policies: PolicySet, rule: CompiledRule): number | undefined {
  const policy = policies.all.find((p) => p.ref.id === rule.policy.id);
  return policy?.priority ?? undefined;
}

function ruleRef(policies: PolicySet, rule: CompiledRule): RuleRef {
  const tier = policies.all.find((p) => p.ref.id === rule.policy.id);
  const calico = policies.cni === 'calico' && tier !== undefined;
  const order = orderOf(policies, rule);
  return {
    policy: rule.policy.id,
    direction: rule.direction,
    index: rule.index,
    ...(rule.list ? { list: rule.list } : {}),
    ...(rule.name ? { name: rule.name } : {}),
    action: rule.action,
    ...(calico ? { tier: policies.tiers[tier.tier].name } : {}),
    ...(calico && order !== undefined ? { order } : {}),
    ...(rule.conditional ? { conditional: rule.conditional } : {}),
  };
}

function decidingTier(outcome: DirectionOutcome): CompiledTier | undefined {
  return outcome.decidedBy === 'default' ? undefined : outcome.tier;
}

function summarize(policies: PolicySet, verdict: DirectionVerdict): DirectionSummary {
  const o = verdict.outcome;
  const tier = decidingTier(o);
  const effective = tier ? verdict.tiers.find((t) => t.tier === tier) : undefined;
  // Where allows add up (NetworkPolicies, Cilium), every matching allow is a reason.
  const unionTier = tier !== undefined && (tier.kind === 'networkPolicy' || tier.kind === 'cilium');
  const rules = o.decidedBy === 'rule' ? [o.rule, ...(o.allowed && unionTier ? o.alsoAllowedBy : [])] : [];
  return {
    allowed: o.allowed,
    verdict: verdict.verdict,
    decidedBy: tier ? DECIDED_BY[tier.kind] : 'default',
    ...(tier ? { tier: tier.name } : {}),
    endOfTier: o.decidedBy === 'end-of-tier',
    rules: rules.map((r) => ruleRef(policies, r)),
    isolatedBy: (effective?.isolatedBy ?? []).map((p) => p.id),
    passedBy: verdict.passedBy.map((r) => ruleRef(policies, r)),
    conditionalBy: verdict.conditionalBy.map((r) => ruleRef(policies, r)),
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
  const accounts = serviceAccountLabelsOf(model);
  const outside = externalEndpoint(query);
  if (outside) {
    // An address that belongs to a pod is that pod.
    const key = outside.addresses[0];
    const pod = model.pods.find((p) => p.ips.some((ip) => addressKey(ip) === key));
    if (pod) return { label: `${podId(pod)} (${query})`, view: podEndpoint(pod, namespaceLabels, nodeLabels, accounts), podKey: podId(pod) };
    return { label: query, view: outside };
  }
  const slash = query.indexOf('/');
  if (slash < 0) return `"${query}" is neither namespace/pod nor an IP address`;
  const namespace = query.slice(0, slash);
  const name = query.slice(slash + 1);
  const pod = model.pods.find((p) => p.namespace === namespace && p.name === name);
  if (!pod) return `no pod ${query} in the input`;
  return { label: query, view: podEndpoint(pod, namespaceLabels, nodeLabels, accounts), podKey: query };
}

function listOf(rule: CompiledRule): string {
  return rule.list ?? (rule.direction === 'Ingress' ? 'ingress' : 'egress');
}

function describeRule(policies: PolicySet, rule: CompiledRule): string {
  const name = rule.name ? ` "${rule.name}"` : '';
  const kind = rule.policy.kind === 'NetworkPolicy' ? 'NetworkPolicy ' : '';
  const order = policies.cni === 'calico' ? orderOf(policies, rule) : undefined;
  const at = policies.cni === 'calico' ? ` (tier ${tierNameOf(policies, rule)}${order === undefined ? '' : `, order ${order}`})` : '';
  return `${kind}${rule.policy.id} ${listOf(rule)}[${rule.index}]${name}${at}`;
}

function tierNameOf(policies: PolicySet, rule: CompiledRule): string {
  const policy = policies.all.find((p) => p.ref.id === rule.policy.id);
  return policy ? policies.tiers[policy.tier].name : '?';
}

const DEFAULT_ALLOW: Record<CniMode, string> = {
  generic: 'Kubernetes allows by default',
  none: 'nothing is enforced',
  cilium: 'Cilium allows by default',
  calico: 'the namespace profile allows',
};

function describeDirection(policies: PolicySet, verdict: DirectionVerdict, subject: string, peer: string, port: PortRef): string[] {
  const lines: string[] = [];
  const side = verdict.direction === 'Egress' ? `Egress from ${subject}` : `Ingress to ${subject}`;
  const what = verdict.direction === 'Egress' ? `to ${peer}` : `from ${peer}`;
  const dir = verdict.direction.toLowerCase();
  for (const rule of verdict.passedBy) {
    lines.push(`  ${describeRule(policies, rule)} (Pass) matched and handed the decision to the next tier.`);
  }
  for (const rule of verdict.conditionalBy) {
    lines.push(`  ${describeRule(policies, rule)} allows it only for some requests: ${rule.conditional}.`);
  }
  const outcome = verdict.outcome;
  const label = verdict.verdict === 'conditional' ? 'ALLOWED ONLY FOR SOME REQUESTS' : outcome.allowed ? 'ALLOWED' : 'DENIED';
  switch (outcome.decidedBy) {
    case 'rule': {
      const { rule, tier } = outcome;
      const ports = `ports: ${describePortSpec(rule.ports)}`;
      switch (tier.kind) {
        case 'admin':
        case 'baseline': {
          const tierName = tier.kind === 'admin' ? 'Admin tier' : 'Baseline tier';
          const final =
            tier.kind === 'admin'
              ? 'Admin-tier decisions are final: no NetworkPolicy can override them.'
              : 'No NetworkPolicy selects the pod for this direction, so the baseline applies.';
          lines.unshift(`${side}: ${label} by ${describeRule(policies, rule)} (${tierName}, action ${rule.action}, ${ports}). ${final}`);
          break;
        }
        case 'cilium-deny':
          lines.unshift(
            `${side}: DENIED by ${describeRule(policies, rule)} (${ports}). A Cilium deny wins over every allow, Kubernetes NetworkPolicies included.`,
            `  To allow it, narrow or remove that deny rule.`,
          );
          break;
        case 'networkPolicy':
        case 'cilium': {
          const effective = verdict.tiers.find((t) => t.tier === tier);
          const isolating = (effective?.isolatedBy ?? []).map((p) => p.id).join(', ');
          const all = [rule, ...outcome.alsoAllowedBy].map((r) => describeRule(policies, r)).join(', ');
          lines.unshift(`${side}: ${label}. ${subject} is isolated for ${dir}${isolating ? ` by ${isolating}` : ''}; allowed by ${all}.`);
          break;
        }
        case 'calico':
          lines.unshift(
            `${side}: ${label} by ${describeRule(policies, rule)}, action ${rule.action} (${ports}): the first rule of the pod's policies in tier ${tier.name} that matches decides.`,
          );
          if (!outcome.allowed) lines.push(`  To allow it, add an Allow rule ${what} on ${formatPort(port)} before it, or a Pass rule to hand it to the next tier.`);
          break;
      }
      break;
    }
    case 'end-of-tier': {
      const isolating = outcome.isolatedBy.map((p) => p.id).join(', ');
      if (outcome.tier.kind === 'calico') {
        lines.unshift(
          `${side}: ${label} at the end of tier ${outcome.tier.name}: ${isolating} apply to ${subject} and none of their rules matches traffic ${what} on ${formatPort(port)} (the tier's default action is Deny).`,
          `  To allow it, add an Allow rule to one of them, or a Pass rule to hand it to the next tier.`,
        );
      } else {
        const kinds = outcome.tier.kind === 'cilium' ? 'Cilium or Kubernetes policy' : 'rule of those policies';
        const every = verdict.conditionalBy.length > 0 ? 'every request of ' : '';
        lines.unshift(
          `${side}: ${label}. ${subject} is isolated for ${dir} by ${isolating}, and no ${kinds} allows ${every}traffic ${what} on ${formatPort(port)}.`,
          `  To allow ${every ? 'every request' : 'it'}, add an ${dir} rule to one of them with a peer matching ${peer} and port ${formatPort(port)}${every ? ' and no L7 restriction' : ''}.`,
        );
      }
      break;
    }
    case 'default':
      lines.unshift(
        verdict.passedBy.length > 0
          ? `${side}: ${label}: after the Pass, no later tier decides, and ${DEFAULT_ALLOW[policies.cni]}.`
          : `${side}: ${label}: no policy restricts ${dir} of ${subject} (${DEFAULT_ALLOW[policies.cni]}).`,
      );
      break;
  }
  return lines;
}

export interface ExplainOptions {
  readonly cni?: CniMode;
}

/** Allowed or denied, and the policies and rules that decide it in each direction and tier. */
export function explain(model: ClusterModel, from: PeerQuery, to: PeerQuery, port: PortRef, options: ExplainOptions = {}): ExplainResult {
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
        verdict: 'allowed',
        self: true,
        egress: null,
        ingress: null,
        lines: [`ALLOWED: ${source.label} to itself on ${formatPort(port)} never leaves the pod; network policy does not judge it.`],
      },
    };
  }

  const policies = compilePolicies(model, options.cni === undefined ? {} : { cni: options.cni });
  const verdict = evaluateConnection(policies, source.view, destination.view, port);
  const label = verdict.verdict === 'conditional' ? 'ALLOWED ONLY FOR SOME REQUESTS' : verdict.allowed ? 'ALLOWED' : 'DENIED';
  const header = `${label}: ${source.label} -> ${destination.label} on ${formatPort(port)}`;
  const egressLines =
    source.view.kind === 'external'
      ? [`Egress from ${source.label}: not governed by cluster policy (outside the cluster).`]
      : describeDirection(policies, verdict.egress, source.label, destination.label, port);
  const ingressLines =
    destination.view.kind === 'external'
      ? [`Ingress to ${destination.label}: not governed by cluster policy (outside the cluster).`]
      : describeDirection(policies, verdict.ingress, destination.label, source.label, port);
  const notEnforced = policies.notEnforced.length > 0 ? [`Not evaluated: ${[...new Set(policies.notEnforced.map((n) => `${n.ref.id} (${n.reason})`))].join('; ')}.`] : [];
  return {
    ok: true,
    explanation: {
      from: source.label,
      to: destination.label,
      port,
      allowed: verdict.allowed,
      verdict: verdict.verdict,
      self: false,
      egress: source.view.kind === 'external' ? null : summarize(policies, verdict.egress),
      ingress: destination.view.kind === 'external' ? null : summarize(policies, verdict.ingress),
      lines: [header, ...egressLines, ...ingressLines, ...notEnforced],
    },
  };
}
