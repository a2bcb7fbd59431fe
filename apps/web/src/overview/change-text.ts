import type { ChangeItem, ChangeKind } from '@palisade/api-contract';

/** How many changes the overview lists (a plain module: server components read it too). */
export const LATEST_CHANGES = 10;

const labels = {
  WORKLOAD_ADDED_UNPROTECTED: 'Workload added without protection',
  WORKLOAD_EXPOSED: 'Workload exposed',
  WORKLOAD_UNPROTECTED: 'Workload lost its protection',
  WORKLOAD_PROTECTED: 'Workload protected',
  WORKLOAD_REMOVED: 'Workload removed',
  NAMESPACE_LOST_DEFAULT_DENY: 'Namespace lost its default deny',
  NAMESPACE_GAINED_DEFAULT_DENY: 'Namespace gained a default deny',
  POLICY_ADDED: 'Policy added',
  POLICY_CHANGED: 'Policy changed',
  POLICY_REMOVED: 'Policy removed',
  SCORE_CHANGED: 'Cluster score changed',
} as const satisfies Record<ChangeKind, string>;

export type ChangeTone = 'good' | 'bad' | 'neutral';

const tones = {
  WORKLOAD_ADDED_UNPROTECTED: 'bad',
  WORKLOAD_EXPOSED: 'bad',
  WORKLOAD_UNPROTECTED: 'bad',
  WORKLOAD_PROTECTED: 'good',
  WORKLOAD_REMOVED: 'neutral',
  NAMESPACE_LOST_DEFAULT_DENY: 'bad',
  NAMESPACE_GAINED_DEFAULT_DENY: 'good',
  POLICY_ADDED: 'neutral',
  POLICY_CHANGED: 'neutral',
  POLICY_REMOVED: 'neutral',
  SCORE_CHANGED: 'neutral',
} as const satisfies Record<ChangeKind, ChangeTone>;

/** What a change event says, in a line: its kind and its subject. */
export function describeChange(
  change: Pick<ChangeItem, 'kind' | 'namespace' | 'workload' | 'policy' | 'details'>,
): {
  readonly label: string;
  readonly subject: string;
  readonly tone: ChangeTone;
} {
  const label = (labels as Record<string, string | undefined>)[change.kind] ?? change.kind;
  const tone = (tones as Record<string, ChangeTone | undefined>)[change.kind] ?? 'neutral';
  // A policy's id already holds its namespace (`ns/name`) or its kind (`Kind/name`).
  let subject = change.workload
    ? [change.namespace, change.workload].filter(Boolean).join('/')
    : (change.policy ?? change.namespace ?? '');
  if (change.kind === 'SCORE_CHANGED') {
    const { before, after, scoreBefore, score } = change.details as Record<string, unknown>;
    const from = before ?? scoreBefore;
    const to = after ?? score;
    if (typeof from === 'number' && typeof to === 'number') subject = `${from} → ${to}`;
  }
  return { label, subject, tone };
}
