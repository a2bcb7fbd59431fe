import type { ChangeItem, ChangeKind } from '@palisade/api-contract';
import { describeChange, type ChangeTone } from '../overview/change-text';

/**
 * A change event in words, with the details worth reading: why a workload is exposed, its score
 * before and after, which workloads a policy change touched. The one-line label comes from the
 * overview's wording, so both pages say the same thing.
 */

export interface WorkloadRef {
  readonly namespace: string;
  readonly kind: string;
  readonly name: string;
}

export type ChangeLike = Pick<ChangeItem, 'kind' | 'namespace' | 'workload' | 'policy' | 'details'>;

export interface ChangeDescription {
  readonly label: string;
  readonly tone: ChangeTone;
  /** Said in words as well as in colour. */
  readonly severity: string;
  /** The workload it is about, to link to. */
  readonly workload?: WorkloadRef;
  /** The policy it is about (`ns/name` or `Kind/name`). */
  readonly policy?: string;
  /** The namespace when it is about the namespace itself. */
  readonly namespace?: string;
  /** Short sentences: reasons, direction, policy kind. */
  readonly facts: readonly string[];
  readonly score?: { readonly before: number | null; readonly after: number | null };
  /** Workloads whose isolation a policy change flipped. */
  readonly affected: readonly WorkloadRef[];
}

const severities: Record<ChangeTone, string> = {
  bad: 'Exposure',
  good: 'Protection',
  neutral: 'Change',
};

/** `Deployment/mailer` in `shop` -> the workload; undefined when it is not `Kind/name`. */
export function workloadRef(
  namespace: string | undefined,
  workload: string | undefined,
): WorkloadRef | undefined {
  if (!namespace || !workload) return undefined;
  const slash = workload.indexOf('/');
  if (slash <= 0 || slash === workload.length - 1) return undefined;
  return { namespace, kind: workload.slice(0, slash), name: workload.slice(slash + 1) };
}

/** `shop/Deployment/mailer` -> the workload. */
export function qualifiedWorkloadRef(text: string): WorkloadRef | undefined {
  const slash = text.indexOf('/');
  return slash > 0 ? workloadRef(text.slice(0, slash), text.slice(slash + 1)) : undefined;
}

const numberOrNull = (value: unknown): number | null | undefined =>
  typeof value === 'number' ? value : value === null ? null : undefined;

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

function scoreOf(kind: ChangeKind, details: Record<string, unknown>): ChangeDescription['score'] {
  if (kind === 'SCORE_CHANGED') {
    const before = numberOrNull(details['before']);
    const after = numberOrNull(details['after']);
    return before === undefined && after === undefined
      ? undefined
      : { before: before ?? null, after: after ?? null };
  }
  const before = numberOrNull(details['scoreBefore']);
  const after = numberOrNull(details['score']);
  if (kind === 'WORKLOAD_REMOVED')
    return after === undefined ? undefined : { before: after, after: null };
  if (before === undefined && after === undefined) return undefined;
  return { before: before ?? null, after: after ?? null };
}

function factsOf(change: ChangeLike): string[] {
  const d = change.details;
  const facts: string[] = [];
  switch (change.kind) {
    case 'WORKLOAD_EXPOSED':
      facts.push(...strings(d['reasons']).map((r) => r.charAt(0).toUpperCase() + r.slice(1)));
      if (d['internetIngress'] === true && !facts.some((f) => /internet/i.test(f)))
        facts.push('Reachable from the internet');
      break;
    case 'WORKLOAD_ADDED_UNPROTECTED':
    case 'WORKLOAD_UNPROTECTED':
      facts.push('No policy isolates its ingress');
      if (d['internetExposure'] === 'published') facts.push('Published to the internet');
      else if (d['internetIngress'] === true) facts.push('Its policies admit the internet, no entry point leads there');
      break;
    case 'NAMESPACE_LOST_DEFAULT_DENY':
    case 'NAMESPACE_GAINED_DEFAULT_DENY':
      if (typeof d['direction'] === 'string') facts.push(`${d['direction']} default deny`);
      break;
    case 'POLICY_ADDED':
    case 'POLICY_CHANGED':
    case 'POLICY_REMOVED':
      if (typeof d['policyKind'] === 'string') facts.push(d['policyKind']);
      break;
    default:
      break;
  }
  const reachable = d['reachableFrom'];
  if (
    typeof reachable === 'number' &&
    change.kind.startsWith('WORKLOAD_') &&
    change.kind !== 'WORKLOAD_REMOVED'
  ) {
    facts.push(`Reachable from ${reachable} ${reachable === 1 ? 'workload' : 'workloads'}`);
  }
  return facts;
}

export function describeChangeDetails(change: ChangeLike): ChangeDescription {
  const { label, tone } = describeChange(change);
  const workload = workloadRef(change.namespace, change.workload);
  const score = scoreOf(change.kind, change.details);
  return {
    label,
    tone,
    severity: severities[tone],
    ...(workload && { workload }),
    ...(change.policy && { policy: change.policy }),
    ...(change.namespace && !change.workload && !change.policy && { namespace: change.namespace }),
    facts: factsOf(change),
    ...(score && { score }),
    affected: strings(change.details['affectedWorkloads'])
      .map(qualifiedWorkloadRef)
      .filter((w): w is WorkloadRef => w !== undefined),
  };
}

/** `71 → 64`, `— → 80` for a score that did not exist, `64 → removed`. */
export function scoreText(
  score: NonNullable<ChangeDescription['score']>,
  kind: ChangeKind,
): string {
  const show = (n: number | null) => (n === null ? '—' : String(n));
  if (kind === 'WORKLOAD_REMOVED') return `${show(score.before)} → removed`;
  return `${show(score.before)} → ${show(score.after)}`;
}
