import type { WorkloadRef } from '@palisade/api-contract';
import Link from 'next/link';
import shared from '../components/dashboard.module.css';
import { workloadHref } from './detail-links';
import type { Direction } from './explain-query';
import { peerText } from './explain-query';
import styles from './workload-detail.module.css';

/** Who can reach the workload, or whom it can reach; each peer links to its page and to an explanation. */
export function PeersSection({
  clusterId,
  direction,
  peers,
  explainHref,
}: {
  readonly clusterId: string;
  /** `in`: workloads that can reach this one; `out`: workloads this one can reach. */
  readonly direction: Direction;
  readonly peers: readonly WorkloadRef[] | null;
  readonly explainHref: (peer: string, direction: Direction) => string;
}) {
  const title = direction === 'in' ? 'Who can reach it' : 'Whom it can reach';
  const id = `peers-${direction}-title`;
  return (
    <section aria-labelledby={id} className={shared.section} data-peers={direction}>
      <h2 id={id}>{title}</h2>
      {peers === null ? (
        <p className={shared.muted}>
          Not evaluated on this replica yet: the API has not evaluated the cluster since it started.
          Reload the page in a few seconds.
        </p>
      ) : peers.length === 0 ? (
        <p className={shared.muted}>
          {direction === 'in'
            ? 'No workload in the cluster can open a connection to it.'
            : 'It cannot open a connection to any workload in the cluster.'}
        </p>
      ) : (
        <ul className={styles.list}>
          {peers.map((peer) => (
            <li key={peerText(peer)} data-peer={peerText(peer)}>
              {peer.audited ? (
                <Link href={workloadHref(clusterId, peer)}>
                  {peer.namespace}/{peer.name}
                </Link>
              ) : (
                <span>
                  {peer.namespace}/{peer.name}
                </span>
              )}{' '}
              <span className={styles.peerCount}>
                {peer.kind}, {peer.pods} {peer.pods === 1 ? 'pod' : 'pods'} ·{' '}
                {peer.audited ? (
                  <Link href={explainHref(peerText(peer), direction)} scroll={false}>
                    Explain
                  </Link>
                ) : (
                  // Its namespace is left out of the audit (EXCLUDED_NAMESPACES): no page, no pods to pick.
                  'namespace not audited'
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
