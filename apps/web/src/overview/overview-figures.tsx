'use client';

import Link from 'next/link';
import { useState } from 'react';
import { scoreOf } from '../components/cluster-display';
import styles from '../components/dashboard.module.css';
import { isScoreSeries } from '../data-access/contract-checks';
import { fetchJson, useLive, useLiveEvents } from '../live/live-context';
import { SCORE_FORMULA } from './score-formula';

export interface Figures {
  readonly at: string;
  readonly score: number | null;
  readonly ingressIsolatedPercent: number;
  readonly egressIsolatedPercent: number;
  readonly unprotectedWorkloads: number;
  readonly exposedWorkloads: number;
}

const percent = (value: number) => `${Math.round(value * 10) / 10}%`;

/** The cluster's headline figures: stored ones first, then every live evaluation. */
export function OverviewFigures({ initial }: { readonly initial: Figures | null }) {
  const { clusterId } = useLive();
  const [figures, setFigures] = useState(initial);
  useLiveEvents({
    score: (event) => setFigures(event),
    resync: async () => {
      const from = new Date(Date.now() - 2 * 86_400_000).toISOString();
      const series = await fetchJson(
        `/api/clusters/${clusterId}/scores?bucket=raw&from=${encodeURIComponent(from)}`,
        isScoreSeries,
      );
      const latest = series?.points.at(-1);
      if (latest) setFigures(latest);
    },
  });
  const workloads = `/clusters/${clusterId}/workloads`;
  const score = figures ? scoreOf({ score: figures.score, lastSnapshotAt: figures.at }) : null;

  return (
    <section aria-labelledby="figures-title" className={styles.section}>
      <h2 id="figures-title" className="visually-hidden">
        Figures
      </h2>
      <dl className={styles.figures}>
        <div className={styles.figure} data-figure="score">
          <dt>Cluster score</dt>
          <dd>
            {score?.kind === 'score' ? (
              <span className={styles.bigScore} data-tone={score.tone}>
                {score.value}
                <span className={styles.outOf}> / 100</span>
              </span>
            ) : (
              <span className={styles.muted}>{score?.text ?? 'no snapshot yet'}</span>
            )}
          </dd>
        </div>
        <div className={styles.figure} data-figure="ingress">
          <dt>Ingress isolated</dt>
          <dd>{figures ? percent(figures.ingressIsolatedPercent) : '–'}</dd>
        </div>
        <div className={styles.figure} data-figure="egress">
          <dt>Egress isolated</dt>
          <dd>{figures ? percent(figures.egressIsolatedPercent) : '–'}</dd>
        </div>
        <div className={styles.figure} data-figure="unprotected">
          <dt>Unprotected workloads</dt>
          <dd>
            {figures ? (
              <Link href={`${workloads}?unprotected=true`}>{figures.unprotectedWorkloads}</Link>
            ) : (
              '–'
            )}
          </dd>
        </div>
        <div className={styles.figure} data-figure="exposed">
          <dt>Exposed workloads</dt>
          <dd>
            {figures ? (
              <Link href={`${workloads}?exposed=true`}>{figures.exposedWorkloads}</Link>
            ) : (
              '–'
            )}
          </dd>
        </div>
      </dl>
      <details className={styles.formula}>
        <summary>How is the score computed?</summary>
        <pre>
          <code>{SCORE_FORMULA}</code>
        </pre>
        <p className={styles.muted}>
          A workload is <em>unprotected</em> when nothing isolates its ingress, and{' '}
          <em>exposed</em> when the internet or some pod of every other namespace can reach it.
        </p>
      </details>
    </section>
  );
}
