'use client';

import type { ClusterStatus } from '@palisade/api-contract';
import { useState } from 'react';
import { statusOf } from '../components/cluster-display';
import clusterStyles from '../components/clusters.module.css';
import { useLiveEvents } from './live-context';

/** The collector's status (and why, when it is not ok), following `cluster:status`. */
export function LiveStatusBadge({
  initial,
}: {
  readonly initial: { readonly status: ClusterStatus; readonly statusReason?: string };
}) {
  const [current, setCurrent] = useState(initial);
  useLiveEvents({ status: (event) => setCurrent(event) });
  const status = statusOf(current.status);
  return (
    <span>
      <span className={clusterStyles.badge} data-tone={status.tone}>
        {status.label}
      </span>
      {current.status !== 'ok' && current.statusReason ? (
        <span className={clusterStyles.reason}>{current.statusReason}</span>
      ) : null}
    </span>
  );
}
