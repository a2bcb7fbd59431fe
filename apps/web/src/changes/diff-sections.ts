import type { ChangeKind, SnapshotDiff } from '@palisade/api-contract';

/** The diff read as answers to "what got worse, what got better, what did the policies do". */
export const DIFF_SECTIONS = [
  {
    key: 'exposed',
    title: 'Became exposed or unprotected',
    kinds: ['WORKLOAD_EXPOSED', 'WORKLOAD_ADDED_UNPROTECTED', 'WORKLOAD_UNPROTECTED'],
  },
  { key: 'protected', title: 'Became protected', kinds: ['WORKLOAD_PROTECTED'] },
  { key: 'policiesAdded', title: 'Policies added', kinds: ['POLICY_ADDED'] },
  { key: 'policiesRemoved', title: 'Policies removed', kinds: ['POLICY_REMOVED'] },
  { key: 'policiesChanged', title: 'Policies changed', kinds: ['POLICY_CHANGED'] },
] as const satisfies readonly { key: string; title: string; kinds: readonly ChangeKind[] }[];

export type DiffChange = SnapshotDiff['changes'][number];
export type DiffSectionKey = (typeof DIFF_SECTIONS)[number]['key'] | 'other';

export interface DiffSection {
  readonly key: DiffSectionKey;
  readonly title: string;
  readonly changes: readonly DiffChange[];
}

const subjectOf = (c: DiffChange) => `${c.namespace ?? ''}/${c.workload ?? c.policy ?? ''}`;

/**
 * Every change in exactly one section, in the sections' fixed order, each sorted by subject.
 * "Other" takes the rest (removed workloads, namespaces' default deny, the cluster score).
 * Sections are kept even when empty, so the page can say "none" rather than leave a gap.
 */
export function splitDiff(changes: readonly DiffChange[]): DiffSection[] {
  const known = new Set<ChangeKind>(DIFF_SECTIONS.flatMap((s) => s.kinds));
  const sorted = [...changes].sort(
    (a, b) => subjectOf(a).localeCompare(subjectOf(b)) || a.kind.localeCompare(b.kind),
  );
  return [
    ...DIFF_SECTIONS.map((s) => ({
      key: s.key,
      title: s.title,
      changes: sorted.filter((c) => (s.kinds as readonly ChangeKind[]).includes(c.kind)),
    })),
    { key: 'other', title: 'Other', changes: sorted.filter((c) => !known.has(c.kind)) },
  ];
}
