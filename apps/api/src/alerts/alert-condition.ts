import type { AlertKind } from '@palisade/api-contract';

/** What the latest stored state says about an alert's subject (only the part its kind needs). */
export interface SubjectState {
  /** The workload's current score row; null when the workload is gone. */
  readonly workload?: { readonly exposed: boolean; readonly unprotected: boolean; readonly internetExposure: string } | null;
  /** The namespace's current score details; null when the namespace is gone. */
  readonly namespace?: Readonly<Record<string, unknown>> | null;
  readonly policyPresent?: boolean;
  readonly clusterScore?: number | null;
}

/**
 * Whether the condition an alert is about still holds in the latest stored state. Pure: the
 * evaluator fires a pending alert only if it does, and resolves a firing one once it does not.
 */
export function conditionHolds(kind: AlertKind, details: Readonly<Record<string, unknown>>, state: SubjectState, scoreThreshold: number): boolean {
  switch (kind) {
    case 'WORKLOAD_ADDED_UNPROTECTED':
      return state.workload?.unprotected === true;
    case 'WORKLOAD_EXPOSED':
      return state.workload?.exposed === true;
    case 'INTERNET_EXPOSURE':
      return state.workload?.internetExposure === 'published';
    case 'NAMESPACE_LOST_DEFAULT_DENY':
      return state.namespace ? state.namespace[`defaultDeny${String(details['direction'])}`] !== true : false;
    case 'POLICY_REMOVED':
      return state.policyPresent === false;
    case 'SCORE_DROPPED': {
      const before = details['before'];
      return typeof before === 'number' && typeof state.clusterScore === 'number' && before - state.clusterScore > scoreThreshold;
    }
  }
}
