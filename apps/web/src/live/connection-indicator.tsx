'use client';

import styles from '../components/dashboard.module.css';
import { useLive, type ConnectionState } from './live-context';

const states = {
  connecting: { label: 'Connecting to live updates…', tone: 'neutral' },
  live: { label: 'Live', tone: 'good' },
  reconnecting: { label: 'Connection lost, reconnecting…', tone: 'bad' },
} as const satisfies Record<ConnectionState, { label: string; tone: string }>;

/** Whether the figures on screen follow the cluster, announced politely when it changes. */
export function ConnectionIndicator() {
  const { connection } = useLive();
  const state = states[connection];
  return (
    <p className={styles.connection} role="status" data-connection={connection}>
      <span className={styles.dot} data-tone={state.tone} aria-hidden="true" />
      {state.label}
    </p>
  );
}
