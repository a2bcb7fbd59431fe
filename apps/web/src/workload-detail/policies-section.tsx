import type { WorkloadDetail } from '@palisade/api-contract';
import Link from 'next/link';
import shared from '../components/dashboard.module.css';
import { policyHref } from './detail-links';
import styles from './workload-detail.module.css';

export function PoliciesSection({
  clusterId,
  workload,
}: {
  readonly clusterId: string;
  readonly workload: Pick<WorkloadDetail, 'namespace' | 'policies'>;
}) {
  const { policies } = workload;
  return (
    <section aria-labelledby="policies-title" className={shared.section}>
      <h2 id="policies-title">Policies selecting it</h2>
      {policies.length === 0 ? (
        <p className={shared.muted}>
          No policy selects this workload, so every connection to and from it is allowed. Add a
          NetworkPolicy in <code className={styles.inlineCode}>{workload.namespace}</code> whose
          podSelector matches its pods&apos; labels (or a default deny for the namespace) to isolate
          it.
        </p>
      ) : (
        <ul className={styles.list}>
          {policies.map((policy) => (
            <li key={policy.id} data-policy={policy.id} className={styles.policy}>
              <details>
                <summary>
                  <span className={shared.pill} data-tone="neutral">
                    {policy.kind}
                  </span>{' '}
                  <strong>
                    {policy.namespace ? `${policy.namespace}/${policy.name}` : policy.name}
                  </strong>
                </summary>
                <pre>
                  <code>{policy.yaml}</code>
                </pre>
              </details>
              <Link
                href={policyHref(clusterId, policy.id, policy.kind)}
                className={styles.peerCount}
              >
                {policy.namespace
                  ? `All policies in ${policy.namespace}`
                  : `All ${policy.kind} policies`}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
