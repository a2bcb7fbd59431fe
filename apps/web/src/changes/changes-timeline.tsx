import type { ChangeItem } from '@palisade/api-contract';
import { formatTimestamp } from '../components/cluster-display';
import { ChangeEntry } from './change-entry';
import { dayHeading, groupByDay, utcDay } from './change-groups';
import styles from './changes.module.css';

/** The events of a page, by day and then by the snapshot that recorded them, newest first. */
export function ChangesTimeline({
  clusterId,
  items,
  now,
}: {
  readonly clusterId: string;
  readonly items: readonly ChangeItem[];
  /** The server's clock, so "Today" is the same on the server and in the browser. */
  readonly now: string;
}) {
  const today = utcDay(now);
  return (
    <div>
      {groupByDay(items).map((group) => (
        <section
          key={group.day}
          className={styles.day}
          aria-labelledby={`day-${group.day}`}
          data-day={group.day}
        >
          <h3 id={`day-${group.day}`}>
            <time dateTime={group.day}>{dayHeading(group.day, today)}</time>
          </h3>
          {group.snapshots.map((snapshot) => (
            <div key={snapshot.seq} className={styles.snapshot} data-seq={snapshot.seq}>
              <p className={styles.snapshotHeader}>
                Snapshot #{snapshot.seq},{' '}
                <time dateTime={snapshot.at}>{formatTimestamp(snapshot.at)}</time>
                {' · '}
                {snapshot.items.length} {snapshot.items.length === 1 ? 'change' : 'changes'}
              </p>
              <ol className={styles.events}>
                {snapshot.items.map((change) => (
                  <ChangeEntry key={change.id} clusterId={clusterId} change={change} />
                ))}
              </ol>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
