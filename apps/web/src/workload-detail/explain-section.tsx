import type { ExplainDirection, WorkloadDetail } from '@palisade/api-contract';
import Link from 'next/link';
import { ApiUnavailable } from '../components/api-unavailable';
import shared from '../components/dashboard.module.css';
import { explainConnection, getWorkload, listWorkloads } from '../data-access/cluster-data';
import { answerExplain, type ExplainAnswer } from './explain-answer';
import { PEERS_LIST } from './explain-form';
import { peerText, type ExplainInput } from './explain-query';
import { decidedByText, ruleText } from './explain-text';
import { policyPageHref } from './detail-links';
import styles from './workload-detail.module.css';

/** The cluster's workloads, offered as peers; the form works without it (type or paste one). */
export async function PeerOptions({ clusterId }: { readonly clusterId: string }) {
  const workloads = await listWorkloads(clusterId, { sort: 'name', limit: 1000, offset: 0 });
  const items = workloads.ok ? workloads.data.items : [];
  return (
    <datalist id={PEERS_LIST}>
      {items.map((w) => (
        <option key={peerText(w)} value={peerText(w)} />
      ))}
      <option value="8.8.8.8">The internet</option>
    </datalist>
  );
}

/** The answer to the question in the URL, fetched inside its own Suspense boundary. */
export async function ExplainResult({
  clusterId,
  workload,
  input,
}: {
  readonly clusterId: string;
  readonly workload: Pick<WorkloadDetail, 'namespace' | 'pods'>;
  readonly input: ExplainInput;
}) {
  const answer = await answerExplain(
    {
      getWorkload: (ref) => getWorkload(clusterId, ref),
      explainConnection: (query) => explainConnection(clusterId, query),
    },
    workload,
    input,
  );
  return <ExplainAnswerView clusterId={clusterId} answer={answer} />;
}

function ExplainAnswerView({
  clusterId,
  answer,
}: {
  readonly clusterId: string;
  readonly answer: ExplainAnswer;
}) {
  switch (answer.kind) {
    case 'none':
      return (
        <p className={styles.hint}>
          Pick a workload from the list, or type an IP address such as 8.8.8.8 for the internet,
          then choose the direction and a port to see whether the connection is allowed and which
          rules decide it.
        </p>
      );
    case 'problems':
      return (
        <div className={styles.problem} role="alert" data-explain="problem">
          {answer.problems.map((problem) => (
            <p key={problem}>{problem}</p>
          ))}
        </div>
      );
    case 'failure':
      return <ApiUnavailable error={answer.error} />;
    case 'explained': {
      const { explanation: e } = answer;
      const verdict = e.allowed ? 'allowed' : 'denied';
      const port = `${e.port.port}/${e.port.protocol}`;
      return (
        <div data-explain="explained">
          <p className={styles.verdict} role="status" data-verdict={verdict}>
            <span className={styles.verdictWord}>{e.allowed ? 'Allowed' : 'Denied'}</span>
            <span>
              {e.from} → {e.to} on {port}
            </span>
          </p>
          {e.self ? null : (
            <div className={styles.directions}>
              <DirectionView
                clusterId={clusterId}
                title={`Egress from ${e.from}`}
                name="egress"
                direction={e.egress}
              />
              <DirectionView
                clusterId={clusterId}
                title={`Ingress to ${e.to}`}
                name="ingress"
                direction={e.ingress}
              />
            </div>
          )}
          <h3 className="visually-hidden">In words</h3>
          <pre className={styles.lines} data-testid="explain-lines">
            {e.lines.join('\n')}
          </pre>
        </div>
      );
    }
  }
}

function DirectionView({
  clusterId,
  title,
  name,
  direction,
}: {
  readonly clusterId: string;
  readonly title: string;
  readonly name: 'egress' | 'ingress';
  readonly direction: ExplainDirection | null;
}) {
  return (
    <section className={styles.directionBox} data-direction={name} aria-label={title}>
      <h3>{title}</h3>
      {direction === null ? (
        <p className={shared.muted}>Outside the cluster: no cluster policy governs this side.</p>
      ) : (
        <dl>
          <dt>Verdict</dt>
          <dd>
            <span className={shared.pill} data-tone={direction.allowed ? 'good' : 'bad'}>
              {direction.allowed ? 'Allowed' : 'Denied'}
            </span>
          </dd>
          <dt>Decided by</dt>
          <dd data-decided-by={direction.decidedBy}>{decidedByText(direction)}</dd>
          {direction.rules.length > 0 ? (
            <>
              <dt>Rules</dt>
              <dd>
                <ul className={styles.list}>
                  {direction.rules.map((rule) => (
                    <li
                      key={`${rule.policy}-${rule.direction}-${rule.index}`}
                      data-rule={rule.policy}
                    >
                      <Link href={policyPageHref(clusterId, rule.policy)}>{rule.policy}</Link>{' '}
                      {ruleText(rule)}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          {direction.isolatedBy.length > 0 ? (
            <>
              <dt>Isolated by</dt>
              <dd>
                <ul className={styles.list}>
                  {direction.isolatedBy.map((policy) => (
                    <li key={policy} data-isolated-by={policy}>
                      <Link href={policyPageHref(clusterId, policy)}>{policy}</Link>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          {direction.passedBy.length > 0 ? (
            <>
              <dt>Passed on by</dt>
              <dd>
                <ul className={styles.list}>
                  {direction.passedBy.map((rule) => (
                    <li key={`${rule.policy}-${rule.direction}-${rule.index}`}>
                      <Link href={policyPageHref(clusterId, rule.policy)}>{rule.policy}</Link>{' '}
                      {ruleText(rule)}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
        </dl>
      )}
    </section>
  );
}
