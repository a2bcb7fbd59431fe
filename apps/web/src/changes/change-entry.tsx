import type { ChangeItem } from '@palisade/api-contract';
import Link from 'next/link';
import { formatTimestamp } from '../components/cluster-display';
import { workloadPath } from '../data-access/paths';
import { policyPath, policyRefOfId } from '../policies/policy-ref';
import {
  describeChangeDetails,
  scoreText,
  type ChangeLike,
  type WorkloadRef,
} from './change-details';
import styles from './changes.module.css';

const workloadHref = (clusterId: string, w: WorkloadRef) =>
  `/clusters/${clusterId}${workloadPath(w)}`;

function WorkloadLink({
  clusterId,
  workload,
}: {
  readonly clusterId: string;
  readonly workload: WorkloadRef;
}) {
  return (
    <>
      <Link href={workloadHref(clusterId, workload)}>
        {workload.namespace}/{workload.name}
      </Link>{' '}
      <span className={styles.muted}>({workload.kind})</span>
    </>
  );
}

function PolicyLink({
  clusterId,
  id,
  kind,
}: {
  readonly clusterId: string;
  readonly id: string;
  readonly kind: unknown;
}) {
  const ref = policyRefOfId(kind, id);
  // Its own page (with its history, also once removed), else the list.
  return (
    <Link href={ref ? policyPath(clusterId, ref) : `/clusters/${clusterId}/policies`}>{id}</Link>
  );
}

/**
 * One change event: its severity in words (and a coloured edge), what happened to what, and the
 * details that explain it. `at` is shown when the event is listed outside a snapshot group.
 */
export function ChangeEntry({
  clusterId,
  change,
  at,
}: {
  readonly clusterId: string;
  readonly change: ChangeLike & Partial<Pick<ChangeItem, 'at'>>;
  readonly at?: boolean;
}) {
  const d = describeChangeDetails(change);
  const subject = d.workload ? (
    <WorkloadLink clusterId={clusterId} workload={d.workload} />
  ) : d.policy ? (
    <PolicyLink clusterId={clusterId} id={d.policy} kind={change.details['policyKind']} />
  ) : d.namespace ? (
    <span>namespace {d.namespace}</span>
  ) : change.workload ? (
    // A workload id the dashboard cannot parse: show it rather than link somewhere wrong.
    <span>{[change.namespace, change.workload].filter(Boolean).join('/')}</span>
  ) : null;
  const subjectKey = d.workload
    ? `${d.workload.namespace}/${d.workload.kind}/${d.workload.name}`
    : (d.policy ?? d.namespace ?? '');
  return (
    <li
      className={styles.event}
      data-kind={change.kind}
      data-tone={d.tone}
      data-subject={subjectKey}
    >
      <span className={styles.severity} data-tone={d.tone}>
        {d.severity}
      </span>
      <div className={styles.eventBody}>
        <p className={styles.eventTitle}>
          <span className={styles.label}>{d.label}</span>
          {subject ? <>: {subject}</> : null}
          {d.score ? (
            <>
              {' '}
              <span className={styles.muted}>score {scoreText(d.score, change.kind)}</span>
            </>
          ) : null}
          {at && change.at ? (
            <>
              {' '}
              <time className={styles.muted} dateTime={change.at}>
                {formatTimestamp(change.at)}
              </time>
            </>
          ) : null}
        </p>
        {d.facts.length > 0 ? (
          <ul className={styles.facts}>
            {d.facts.map((fact) => (
              <li key={fact}>{fact}</li>
            ))}
          </ul>
        ) : null}
        {d.affected.length > 0 ? (
          <div className={styles.affected}>
            <span className={styles.muted}>Workloads whose isolation it changed: </span>
            <ul>
              {d.affected.map((w) => (
                <li key={`${w.namespace}/${w.kind}/${w.name}`}>
                  <WorkloadLink clusterId={clusterId} workload={w} />
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </li>
  );
}
