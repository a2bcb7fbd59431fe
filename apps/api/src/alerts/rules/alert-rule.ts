import type { AlertKind, AlertSeverity } from '@palisade/api-contract';
import { ALERT_KINDS } from '../alert-kinds';
import type { AlertCandidate } from '../alert-kinds';

/** A rule as matching sees it (a stored AlertRule, or the built-in default). */
export interface RuleSpec {
  readonly id: string;
  readonly kinds: readonly AlertKind[];
  readonly clusterId: string | null;
  /** Exact name or glob (`*`, `?`). */
  readonly namespace: string | null;
  readonly matchLabels: Readonly<Record<string, string>> | null;
  readonly severity: AlertSeverity;
  readonly channelIds: readonly string[];
}

/** Id of the built-in rule and channel that ALERT_WEBHOOK_URL stands for. */
export const DEFAULT_ID = 'default';

/** With no rule configured, ALERT_WEBHOOK_URL gets every alert kind. */
export function effectiveRules(stored: readonly RuleSpec[], storedCount: number, hasDefaultWebhook: boolean): RuleSpec[] {
  if (storedCount === 0 && hasDefaultWebhook) {
    return [{ id: DEFAULT_ID, kinds: ALERT_KINDS, clusterId: null, namespace: null, matchLabels: null, severity: 'warning', channelIds: [DEFAULT_ID] }];
  }
  return [...stored];
}

export function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

/**
 * Whether a rule raises an alert for a candidate in a cluster. `labels` are the workload's
 * labels (undefined when the candidate is no workload or its labels are unknown). Pure.
 */
export function ruleMatches(rule: RuleSpec, clusterId: string, candidate: AlertCandidate, labels: Readonly<Record<string, string>> | undefined): boolean {
  if (!rule.kinds.includes(candidate.kind)) return false;
  if (rule.clusterId !== null && rule.clusterId !== clusterId) return false;
  if (rule.namespace !== null) {
    if (candidate.namespace === undefined || !globToRegExp(rule.namespace).test(candidate.namespace)) return false;
  }
  if (rule.matchLabels !== null && Object.keys(rule.matchLabels).length > 0) {
    if (!labels) return false;
    for (const [key, value] of Object.entries(rule.matchLabels)) if (labels[key] !== value) return false;
  }
  return true;
}

/** The first candidate (most specific) of a change that the rule matches. */
export function firstMatch(
  rule: RuleSpec,
  clusterId: string,
  candidates: readonly AlertCandidate[],
  labelsOf: (candidate: AlertCandidate) => Readonly<Record<string, string>> | undefined,
): AlertCandidate | undefined {
  return candidates.find((c) => ruleMatches(rule, clusterId, c, labelsOf(c)));
}
