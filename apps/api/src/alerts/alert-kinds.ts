import type { AlertKind, ChangeKind } from '@palisade/api-contract';

/** What an alert rule can watch for. */
export const ALERT_KINDS = [
  'WORKLOAD_EXPOSED',
  'WORKLOAD_ADDED_UNPROTECTED',
  'INTERNET_EXPOSURE',
  'NAMESPACE_LOST_DEFAULT_DENY',
  'POLICY_REMOVED',
  'SCORE_DROPPED',
] as const satisfies readonly AlertKind[];

export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;

/** A change event as the snapshot writer stored it. */
export interface StoredChange {
  readonly kind: ChangeKind;
  readonly namespace?: string | null;
  readonly workload?: string | null;
  readonly policy?: string | null;
  readonly details: Record<string, unknown>;
}

/** One thing an alert may be about, derived from a change event. */
export interface AlertCandidate {
  readonly kind: AlertKind;
  /** What dedup is keyed on: one open alert per (cluster, rule, subject). */
  readonly subject: string;
  readonly namespace?: string;
  /** `Kind/name` of the workload. */
  readonly workload?: string;
  readonly policy?: string;
  readonly details: Record<string, unknown>;
}

export function workloadSubject(namespace: string, workload: string): string {
  return `${namespace}/${workload}`;
}

/** `Kind/name` into its parts (names never contain a slash). */
export function splitWorkload(workload: string): { kind: string; name: string } {
  const slash = workload.indexOf('/');
  return { kind: workload.slice(0, slash), name: workload.slice(slash + 1) };
}

/**
 * The alert kinds a change event can raise, most specific first: a rule watching several of
 * them takes the first it watches. Pure.
 */
export function candidatesOf(change: StoredChange): AlertCandidate[] {
  const { namespace, workload, policy, details } = change;
  switch (change.kind) {
    case 'WORKLOAD_EXPOSED':
    case 'WORKLOAD_ADDED_UNPROTECTED': {
      if (!namespace || !workload) return [];
      const base = { subject: workloadSubject(namespace, workload), namespace, workload, details };
      const own: AlertCandidate = { kind: change.kind, ...base };
      // Only a published workload is reachable from the internet: the policies alone open no door.
      return details['internetExposure'] === 'published' ? [{ kind: 'INTERNET_EXPOSURE', ...base }, own] : [own];
    }
    case 'NAMESPACE_LOST_DEFAULT_DENY':
      if (!namespace) return [];
      return [{ kind: 'NAMESPACE_LOST_DEFAULT_DENY', subject: `${namespace}:${String(details['direction'] ?? '')}`, namespace, details }];
    case 'POLICY_REMOVED':
      if (!policy) return [];
      return [{ kind: 'POLICY_REMOVED', subject: `policy:${policy}`, ...(namespace ? { namespace } : {}), policy, details }];
    case 'SCORE_CHANGED': {
      const delta = details['delta'];
      return typeof delta === 'number' && delta < 0 ? [{ kind: 'SCORE_DROPPED', subject: 'cluster', details }] : [];
    }
    default:
      return [];
  }
}
