import { CHANGE_KINDS, ChangeKind, describeEntryPoint, isPolicyKind, type EntryPointItem } from '@palisade/api-contract';
import { policyIdOf } from '@palisade/policy-engine';
import { ObjectState, ScoreState, scoreKey, stateKey } from './snapshot-state';

export { CHANGE_KINDS };
export type { ChangeKind };

export interface ChangeDraft {
  readonly kind: ChangeKind;
  readonly namespace?: string;
  /** `Kind/name` of the workload. */
  readonly workload?: string;
  /** The policy's id (`namespace/name` of a NetworkPolicy; see parsePolicyId). */
  readonly policy?: string;
  readonly details: Record<string, unknown>;
}

export interface ChangeInput {
  readonly scores: ReadonlyMap<string, ScoreState>;
  /** Policy objects only (any of POLICY_KINDS), keyed by stateKey. */
  readonly policies: ReadonlyMap<string, ObjectState>;
  readonly clusterScore: number | null;
}

const workloadId = (s: ScoreState) => `${s.kind}/${s.name}`;
const policyId = (p: ObjectState) => (isPolicyKind(p.kind) ? policyIdOf(p.kind, p.name, p.namespace || undefined) : `${p.kind}/${p.name}`);
const policiesOf = (s: ScoreState | undefined) => new Set((s?.details['policies'] as string[] | undefined) ?? []);

/** The entry points that publish a workload (admitted ones), as stored in its finding. */
function publishingEntries(state: ScoreState): EntryPointItem[] {
  const entries = state.details['entryPoints'];
  return Array.isArray(entries) ? (entries as EntryPointItem[]).filter((e) => e.admitted) : [];
}

/** What an exposure event says of the internet: the exposure, and the doors that make it so. */
function internetDetails(state: ScoreState): Record<string, unknown> {
  const doors = publishingEntries(state);
  return { internetExposure: state.internetExposure, ...(doors.length > 0 ? { entryPoints: doors } : {}) };
}

function doorsInWords(state: ScoreState): string {
  return publishingEntries(state).map(describeEntryPoint).join(', ');
}

/** Why a workload counts as newly exposed, in words. */
function exposureReasons(before: ScoreState, after: ScoreState): string[] {
  const reasons: string[] = [];
  if (!before.unprotected && after.unprotected) reasons.push('lost ingress isolation');
  if (before.internetExposure !== 'published' && after.internetExposure === 'published') reasons.push(`published to the internet through ${doorsInWords(after)}`);
  if (!before.exposed && after.exposed && reasons.length === 0) reasons.push('became reachable from every namespace');
  return reasons;
}

export { isPolicyKind };

/**
 * The change events between two consecutive states of a cluster. Pure: the snapshot writer
 * feeds it what it loaded and what it computed, and stores what comes out.
 */
export function detectChanges(before: ChangeInput, after: ChangeInput, scoreThreshold: number): ChangeDraft[] {
  const events: ChangeDraft[] = [];
  /** Workloads whose isolation changed: `state` is the newest finding (after, else before). */
  const changedWorkloads: { before?: ScoreState; after?: ScoreState; state: ScoreState }[] = [];

  for (const [key, now] of after.scores) {
    const was = before.scores.get(key);
    if (now.scope === 'Namespace') {
      if (!was) continue;
      for (const direction of ['Ingress', 'Egress'] as const) {
        const field = `defaultDeny${direction}`;
        const had = was.details[field] === true;
        const has = now.details[field] === true;
        if (had && !has) events.push({ kind: 'NAMESPACE_LOST_DEFAULT_DENY', namespace: now.namespace, details: { direction } });
        if (!had && has) events.push({ kind: 'NAMESPACE_GAINED_DEFAULT_DENY', namespace: now.namespace, details: { direction } });
      }
      continue;
    }
    const workload = workloadId(now);
    if (!was) {
      if (now.unprotected) {
        events.push({
          kind: 'WORKLOAD_ADDED_UNPROTECTED',
          namespace: now.namespace,
          workload,
          details: { score: now.score, reachableFrom: now.reachableFrom, internetIngress: now.internetIngress, exposed: now.exposed, ...internetDetails(now) },
        });
      } else if (now.exposed) {
        // Isolated, yet its rules let the internet or every namespace in: as exposed as can be.
        events.push({
          kind: 'WORKLOAD_EXPOSED',
          namespace: now.namespace,
          workload,
          details: {
            reasons: [now.internetExposure === 'published' ? `added published to the internet through ${doorsInWords(now)}` : 'added reachable from every namespace'],
            score: now.score,
            reachableFrom: now.reachableFrom,
            internetIngress: now.internetIngress,
            ...internetDetails(now),
          },
        });
      }
      changedWorkloads.push({ after: now, state: now });
      continue;
    }
    if (was.ingressIsolated !== now.ingressIsolated || was.egressIsolated !== now.egressIsolated) {
      changedWorkloads.push({ before: was, after: now, state: now });
    }
    const reasons = exposureReasons(was, now);
    if (reasons.length > 0 && now.exposed) {
      events.push({
        kind: 'WORKLOAD_EXPOSED',
        namespace: now.namespace,
        workload,
        details: { reasons, scoreBefore: was.score, score: now.score, reachableFrom: now.reachableFrom, internetIngress: now.internetIngress, ...internetDetails(now) },
      });
    } else if (!was.unprotected && now.unprotected) {
      // Isolation lost, though neither published nor open to every namespace: still worth a line.
      events.push({
        kind: 'WORKLOAD_UNPROTECTED',
        namespace: now.namespace,
        workload,
        details: { scoreBefore: was.score, score: now.score, reachableFrom: now.reachableFrom, internetIngress: now.internetIngress, ...internetDetails(now) },
      });
    }
    if (was.unprotected && !now.unprotected) {
      events.push({ kind: 'WORKLOAD_PROTECTED', namespace: now.namespace, workload, details: { scoreBefore: was.score, score: now.score } });
    }
  }
  for (const [key, was] of before.scores) {
    if (was.scope === 'Workload' && !after.scores.has(key)) {
      events.push({ kind: 'WORKLOAD_REMOVED', namespace: was.namespace, workload: workloadId(was), details: { score: was.score } });
      changedWorkloads.push({ before: was, state: was });
    }
  }

  // A policy event names the workloads whose isolation it changed: those it selects (before
  // or after) whose ingress or egress isolation flipped in this step.
  const affected = (policy: string) =>
    changedWorkloads
      .filter((c) => policiesOf(c.before).has(policy) || policiesOf(c.after).has(policy))
      .map((c) => `${c.state.namespace}/${workloadId(c.state)}`)
      .sort();
  for (const [key, now] of after.policies) {
    const was = before.policies.get(key);
    if (was && was.hash === now.hash) continue;
    const id = policyId(now);
    events.push({
      kind: was ? 'POLICY_CHANGED' : 'POLICY_ADDED',
      ...(now.namespace ? { namespace: now.namespace } : {}),
      policy: id,
      details: { policyKind: now.kind, affectedWorkloads: affected(id) },
    });
  }
  for (const [key, was] of before.policies) {
    if (after.policies.has(key)) continue;
    const id = policyId(was);
    events.push({
      kind: 'POLICY_REMOVED',
      ...(was.namespace ? { namespace: was.namespace } : {}),
      policy: id,
      details: { policyKind: was.kind, affectedWorkloads: affected(id) },
    });
  }

  if (before.clusterScore !== null && after.clusterScore !== null && Math.abs(after.clusterScore - before.clusterScore) > scoreThreshold) {
    events.push({
      kind: 'SCORE_CHANGED',
      details: { scope: 'cluster', before: before.clusterScore, after: after.clusterScore, delta: Math.round((after.clusterScore - before.clusterScore) * 10) / 10 },
    });
  }
  return events;
}

/** Index helpers for callers building ChangeInput. */
export function indexScores(states: readonly ScoreState[]): Map<string, ScoreState> {
  return new Map(states.map((s) => [scoreKey(s), s]));
}

export function indexPolicies(states: readonly ObjectState[]): Map<string, ObjectState> {
  return new Map(states.filter((s) => isPolicyKind(s.kind)).map((s) => [stateKey(s), s]));
}
