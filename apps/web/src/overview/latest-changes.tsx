'use client';

import type { ChangeItem, Page } from '@palisade/api-contract';
import { useState } from 'react';
import { formatTimestamp } from '../components/cluster-display';
import styles from '../components/dashboard.module.css';
import { isChangeItem, isPageOf } from '../data-access/contract-checks';
import { fetchJson, useLive, useLiveEvents } from '../live/live-context';
import { describeChange, LATEST_CHANGES } from './change-text';

type ShownChange = Omit<ChangeItem, 'id' | 'seq'> & { readonly key: string; readonly live: boolean };

const stored = (items: readonly ChangeItem[]): ShownChange[] =>
  items.map((c) => ({ ...c, key: c.id, live: false }));

/**
 * The newest change events. Live ones appear at once (marked as not yet stored); each stored
 * snapshot replaces the list with what the API recorded.
 */
export function LatestChanges({ initial }: { readonly initial: readonly ChangeItem[] }) {
  const { clusterId } = useLive();
  const [changes, setChanges] = useState<readonly ShownChange[]>(() => stored(initial));
  const reload = async () => {
    const page = await fetchJson(
      `/api/clusters/${clusterId}/changes?limit=${LATEST_CHANGES}`,
      (body): body is Page<ChangeItem> => isPageOf(body, isChangeItem),
    );
    if (page) setChanges(stored(page.items));
  };
  useLiveEvents({
    changes: (event) => {
      if (event.source !== 'live') return;
      const fresh = event.changes.map((c, i) => ({ ...c, key: `live-${c.at}-${i}-${c.kind}`, live: true }));
      setChanges((current) => [...fresh.reverse(), ...current].slice(0, LATEST_CHANGES));
    },
    stored: reload,
    resync: reload,
  });
  if (changes.length === 0) {
    return <p className={styles.muted}>No changes recorded yet.</p>;
  }
  return (
    <ol className={styles.changes}>
      {changes.map((change) => {
        const { label, subject, tone } = describeChange(change);
        return (
          <li key={change.key}>
            <span className={styles.changeKind} data-tone={tone}>
              {label}
            </span>{' '}
            <span className={styles.changeSubject}>{subject}</span>{' '}
            <time className={styles.muted} dateTime={change.at}>
              {formatTimestamp(change.at)}
            </time>
            {change.live ? <span className={styles.muted}> (live, not yet stored)</span> : null}
          </li>
        );
      })}
    </ol>
  );
}
