'use client';

import styles from '../components/dashboard.module.css';
import { useLive, type ConnectionState } from './live-context';
import { ConnectionLabel } from './connection-label';

const tones = {
  connecting: 'neutral',
  live: 'good',
  reconnecting: 'bad',
  'signed-out': 'bad',
} as const satisfies Record<ConnectionState, string>;

/** Whether the figures on screen follow the cluster, announced politely when it changes. */
export function ConnectionIndicator() {
  const { connection } = useLive();
  return (
    <p className={styles.connection} role="status" data-connection={connection}>
      <span className={styles.dot} data-tone={tones[connection]} aria-hidden="true" />
      <ConnectionLabel connection={connection} />
    </p>
  );
}
