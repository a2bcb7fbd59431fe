'use client';

import { useRouter } from 'next/navigation';
import { useLiveEvents } from '../live/live-context';

/**
 * Re-reads the page from the server when an evaluation changes or removes this workload, so the
 * header, peers and policies follow the cluster. Renders nothing.
 */
export function WorkloadLiveRefresh({
  workload,
}: {
  readonly workload: { readonly namespace: string; readonly kind: string; readonly name: string };
}) {
  const router = useRouter();
  const isThis = (w: { namespace: string; kind: string; name: string }) =>
    w.namespace === workload.namespace && w.kind === workload.kind && w.name === workload.name;
  useLiveEvents({
    score: (event) => {
      if (event.changedWorkloads.some(isThis) || event.removedWorkloads.some(isThis))
        router.refresh();
    },
    resync: () => router.refresh(),
  });
  return null;
}
