import type { WorkloadDetail } from '@palisade/api-contract';
import { scoreOf } from '../components/cluster-display';
import shared from '../components/dashboard.module.css';
import styles from './workload-detail.module.css';

/** Who the workload is and its findings as of the latest evaluation. */
export function WorkloadHeader({ workload: w }: { readonly workload: WorkloadDetail }) {
  const score = scoreOf({ score: w.score, lastSnapshotAt: '' });
  return (
    <section aria-labelledby="workload-title" className={`${shared.section} ${styles.header}`}>
      <p className={shared.eyebrow}>{w.kind}</p>
      <h2 id="workload-title" className={styles.title}>
        {w.namespace}/{w.name}
      </h2>
      <ul className={styles.badges} aria-label="Findings">
        {w.exposed ? (
          <li>
            <span className={shared.pill} data-tone="bad" data-badge="exposed">
              Exposed
            </span>
          </li>
        ) : null}
        {w.unprotected ? (
          <li>
            <span className={shared.pill} data-tone="bad" data-badge="unprotected">
              Unprotected
            </span>
          </li>
        ) : null}
        {!w.exposed && !w.unprotected ? (
          <li>
            <span className={shared.pill} data-tone="good" data-badge="protected">
              Protected
            </span>
          </li>
        ) : null}
      </ul>
      <dl className={styles.figures}>
        <Figure name="score" label="Score">
          {score.kind === 'score' ? (
            <span className={shared.bigScore} data-tone={score.tone}>
              {score.value}
              <span className={shared.outOf}> / 100</span>
            </span>
          ) : (
            <span className={shared.muted}>not scored</span>
          )}
        </Figure>
        <Figure name="ingress" label="Ingress">
          <Isolation isolated={w.ingressIsolated} />
        </Figure>
        <Figure name="egress" label="Egress">
          <Isolation isolated={w.egressIsolated} />
        </Figure>
        <Figure name="reachable-from" label="Reachable from">
          {w.reachableFrom} {w.reachableFrom === 1 ? 'pod' : 'pods'}
          {w.reachableFromConditional > 0 ? (
            <span className={shared.muted}> ({w.reachableFromConditional} for some requests only)</span>
          ) : null}
        </Figure>
        <Figure name="reachable-to" label="Can reach">
          {w.reachableTo} {w.reachableTo === 1 ? 'pod' : 'pods'}
        </Figure>
        <Figure name="internet-ingress" label="From the internet">
          <YesNo
            value={w.internetIngress}
            yes={w.internetIngressConditional ? 'For some requests only' : 'Reachable'}
            no="No"
          />
        </Figure>
        <Figure name="internet-egress" label="To the internet">
          <YesNo value={w.internetEgress} yes="Allowed" no="No" tone="warning" />
        </Figure>
      </dl>
    </section>
  );
}

function Figure({
  name,
  label,
  children,
}: {
  readonly name: string;
  readonly label: string;
  readonly children: React.ReactNode;
}) {
  return (
    <div data-figure={name}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Isolation({ isolated }: { readonly isolated: boolean }) {
  return (
    <span className={shared.pill} data-tone={isolated ? 'good' : 'bad'}>
      {isolated ? 'Isolated' : 'Not isolated'}
    </span>
  );
}

function YesNo({
  value,
  yes,
  no,
  tone = 'bad',
}: {
  readonly value: boolean;
  readonly yes: string;
  readonly no: string;
  readonly tone?: 'bad' | 'warning';
}) {
  return value ? (
    <span className={shared.pill} data-tone={tone}>
      {yes}
    </span>
  ) : (
    <span className={shared.muted}>{no}</span>
  );
}
