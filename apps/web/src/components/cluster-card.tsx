import type { ClusterItem } from '@palisade/api-contract';
import Link from 'next/link';
import type { TrendPoint } from '../fleet/fleet-state';
import { ScoreSparkline } from '../fleet/score-sparkline';
import {
  formatInterval,
  formatTimestamp,
  scoreOf,
  sourceLabels,
  statusOf,
} from './cluster-display';
import styles from './clusters.module.css';

export function ClusterCard({
  cluster,
  trend,
}: {
  readonly cluster: ClusterItem;
  readonly trend: readonly TrendPoint[];
}) {
  const status = statusOf(cluster.status);
  const score = scoreOf(cluster);
  const headingId = `cluster-${cluster.id}`;
  const base = `/clusters/${encodeURIComponent(cluster.id)}`;
  const latest = cluster.latest;
  return (
    <article className={styles.card} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.name}>
        <Link href={base}>{cluster.name}</Link>
      </h3>
      <dl className={styles.facts}>
        <div className={styles.fact}>
          <dt>Score</dt>
          <dd>
            {score.kind === 'score' ? (
              <span className={styles.score} data-tone={score.tone}>
                {score.value}
                <span className={styles.outOf}> / 100</span>
              </span>
            ) : (
              <span className={styles.muted}>{score.text}</span>
            )}
          </dd>
        </div>
        <div className={styles.fact}>
          <dt>Trend</dt>
          <dd>
            <ScoreSparkline trend={trend} />
          </dd>
        </div>
        {latest ? (
          <>
            <div className={styles.fact}>
              <dt>Unprotected</dt>
              <dd data-card="unprotected">
                <Link href={`${base}/workloads?unprotected=true`}>
                  {latest.unprotectedWorkloads} of {latest.workloads} workloads
                </Link>
              </dd>
            </div>
            <div className={styles.fact}>
              <dt>Exposed</dt>
              <dd data-card="exposed">
                <Link href={`${base}/workloads?exposed=true`}>
                  {latest.exposedWorkloads} workloads
                </Link>
              </dd>
            </div>
            <div className={styles.fact}>
              <dt>Isolated pods</dt>
              <dd>
                {latest.ingressIsolatedPercent}% ingress, {latest.egressIsolatedPercent}% egress
              </dd>
            </div>
          </>
        ) : null}
        <div className={styles.fact}>
          <dt>Status</dt>
          <dd>
            <span className={styles.badge} data-tone={status.tone}>
              {status.label}
            </span>
            {cluster.status !== 'ok' && cluster.statusReason ? (
              <span className={styles.reason}>{cluster.statusReason}</span>
            ) : null}
          </dd>
        </div>
        <div className={styles.fact}>
          <dt>Last snapshot</dt>
          <dd>
            {cluster.lastSnapshotAt ? (
              <time dateTime={cluster.lastSnapshotAt}>
                {formatTimestamp(cluster.lastSnapshotAt)}
              </time>
            ) : (
              <span className={styles.muted}>none yet</span>
            )}{' '}
            <span className={styles.muted}>
              ({formatInterval(cluster.snapshotIntervalSeconds)})
            </span>
          </dd>
        </div>
        <div className={styles.fact}>
          <dt>Source</dt>
          <dd>{sourceLabels[cluster.source] ?? cluster.source}</dd>
        </div>
      </dl>
    </article>
  );
}
