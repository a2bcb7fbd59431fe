import type { SnapshotDiff } from '@palisade/api-contract';
import { formatTimestamp } from '../components/cluster-display';
import { ChangeEntry } from './change-entry';
import styles from './changes.module.css';
import { splitDiff } from './diff-sections';

const scoreText = (score: number | null) => (score === null ? '—' : String(score));

/** What differs between two snapshots: the score, the counts, then the changes by section. */
export function DiffView({
  clusterId,
  diff,
}: {
  readonly clusterId: string;
  readonly diff: SnapshotDiff;
}) {
  const delta =
    diff.from.score !== null && diff.to.score !== null
      ? Math.round((diff.to.score - diff.from.score) * 10) / 10
      : null;
  const counts = [
    ['Became exposed or unprotected', diff.summary.exposed],
    ['Became protected', diff.summary.protected],
    ['Policies added', diff.summary.policiesAdded],
    ['Policies removed', diff.summary.policiesRemoved],
    ['Policies changed', diff.summary.policiesChanged],
  ] as const;
  return (
    <div data-diff={`${diff.from.seq}-${diff.to.seq}`}>
      <dl className={styles.diffScores}>
        <div>
          <dt>
            Score at #{diff.from.seq},{' '}
            <time dateTime={diff.from.takenAt}>{formatTimestamp(diff.from.takenAt)}</time>
          </dt>
          <dd data-score="from">{scoreText(diff.from.score)}</dd>
        </div>
        <div>
          <dt>
            Score at #{diff.to.seq},{' '}
            <time dateTime={diff.to.takenAt}>{formatTimestamp(diff.to.takenAt)}</time>
          </dt>
          <dd data-score="to">{scoreText(diff.to.score)}</dd>
        </div>
        {delta !== null ? (
          <div>
            <dt>Difference</dt>
            <dd>
              {delta > 0 ? `+${delta} (better)` : delta < 0 ? `${delta} (worse)` : '0 (unchanged)'}
            </dd>
          </div>
        ) : null}
      </dl>
      <dl className={styles.counts} aria-label="Summary">
        {counts.map(([label, n]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{n}</dd>
          </div>
        ))}
      </dl>
      {diff.changes.length === 0 ? (
        <p className={styles.empty}>
          Nothing differs between these snapshots: the same workloads, isolation and policies.
        </p>
      ) : (
        splitDiff(diff.changes).map((section) => (
          <section
            key={section.key}
            className={styles.diffSection}
            aria-labelledby={`diff-${section.key}`}
            data-section={section.key}
          >
            <h3 id={`diff-${section.key}`}>
              {section.title} <span className={styles.muted}>({section.changes.length})</span>
            </h3>
            {section.changes.length === 0 ? (
              <p className={styles.muted}>None.</p>
            ) : (
              <ol className={`${styles.events} ${styles.snapshot}`}>
                {section.changes.map((change, i) => (
                  <ChangeEntry
                    key={`${change.kind}-${change.namespace}-${change.workload ?? change.policy}-${i}`}
                    clusterId={clusterId}
                    change={change}
                  />
                ))}
              </ol>
            )}
          </section>
        ))
      )}
    </div>
  );
}
