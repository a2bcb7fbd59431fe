import type { ChangeItem } from '@palisade/api-contract';
import Link from 'next/link';
import { formatTimestamp } from '../components/cluster-display';
import shared from '../components/dashboard.module.css';
import { describeChange } from '../overview/change-text';
import { policyPageHref } from './detail-links';

export function ChangesSection({
  clusterId,
  changes,
}: {
  readonly clusterId: string;
  readonly changes: readonly ChangeItem[];
}) {
  return (
    <section aria-labelledby="changes-title" className={shared.section}>
      <h2 id="changes-title">Changes</h2>
      {changes.length === 0 ? (
        <p className={shared.muted}>
          No change recorded for this workload yet. Changes appear here when a snapshot finds it
          added, exposed, protected or selected by another policy.
        </p>
      ) : (
        <ol className={shared.changes}>
          {changes.map((change) => {
            const { label, subject, tone } = describeChange(change);
            return (
              <li key={change.id} data-change={change.kind}>
                <span className={shared.changeKind} data-tone={tone}>
                  {label}
                </span>{' '}
                {change.policy ? (
                  // A policy change names the policy by id (`namespace/name` or `Kind/name`).
                  <Link href={policyPageHref(clusterId, change.policy)}>{change.policy}</Link>
                ) : (
                  <span className={shared.changeSubject}>{subject}</span>
                )}{' '}
                <time className={shared.muted} dateTime={change.at}>
                  {formatTimestamp(change.at)}
                </time>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
