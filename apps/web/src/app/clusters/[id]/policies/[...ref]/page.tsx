import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ApiUnavailable } from '../../../../../components/api-unavailable';
import dashboard from '../../../../../components/dashboard.module.css';
import { getPolicy } from '../../../../../data-access/cluster-data';
import styles from '../../../../../policies/policies.module.css';
import { formatUtc } from '../../../../../policies/policy-history';
import { isNamespaced, parsePolicyRef, policyKey, policyLabel } from '../../../../../policies/policy-ref';
import { PolicyTimeline } from '../../../../../policies/policy-timeline';
import { PolicyYaml } from '../../../../../policies/policy-yaml';

type Params = Promise<{ id: string; ref: string[] }>;

export async function generateMetadata({ params }: { readonly params: Params }): Promise<Metadata> {
  const ref = parsePolicyRef((await params).ref);
  return { title: ref ? policyLabel(ref) : 'Policy not found' };
}

export default async function PolicyPage({ params }: { readonly params: Params }) {
  const { id, ref: segments } = await params;
  const ref = parsePolicyRef(segments);
  if (!ref) notFound();
  const result = await getPolicy(id, ref);
  if (!result.ok) {
    if (result.error.kind === 'http-error' && [400, 404].includes(result.error.status)) notFound();
    return <ApiUnavailable error={result.error} />;
  }
  const policy = result.data;
  const removed = policy.removedAt !== null;
  const workloads = `${policy.selectsWorkloads} ${policy.selectsWorkloads === 1 ? 'workload' : 'workloads'}`;

  return (
    <article aria-labelledby="policy-title" data-policy={policyKey(policy)}>
      <p className={dashboard.eyebrow}>
        <Link href={`/clusters/${id}/policies`}>Policies</Link> / {policy.kind}
      </p>
      <h2 id="policy-title">
        {policy.namespace ? `${policy.namespace}/` : ''}
        {policy.name}
      </h2>
      <dl className={styles.facts}>
        <div>
          <dt>Kind</dt>
          <dd>{policy.kind}</dd>
        </div>
        <div>
          <dt>Namespace</dt>
          <dd>
            {policy.namespace ? (
              <Link href={`/clusters/${id}/namespaces/${encodeURIComponent(policy.namespace)}`}>{policy.namespace}</Link>
            ) : (
              'cluster-wide'
            )}
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            {policy.removedAt !== null ? (
              <span className={dashboard.pill} data-tone="warning">
                Removed {formatUtc(policy.removedAt)}
              </span>
            ) : (
              <span className={dashboard.pill} data-tone="good">
                In the cluster
              </span>
            )}
          </dd>
        </div>
        {policy.tier !== undefined ? (
          <div>
            <dt>Tier / order</dt>
            <dd>
              {policy.tier} / {policy.order ?? 'after every ordered policy'}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Enforced</dt>
          <dd data-figure="enforced">
            {policy.enforced ? (
              'yes'
            ) : (
              <>
                <span className={dashboard.pill} data-tone="warning">
                  Not enforced here
                </span>{' '}
                {policy.notEnforcedReason}
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Selects now</dt>
          <dd data-figure="selects">
            {removed ? (
              'nothing (removed)'
            ) : isNamespaced(policy.kind) && policy.namespace ? (
              <Link href={`/clusters/${id}/workloads?namespace=${encodeURIComponent(policy.namespace)}`}>{workloads}</Link>
            ) : (
              workloads
            )}
          </dd>
        </div>
      </dl>

      <section aria-labelledby="policy-history-title" className={dashboard.section}>
        <h3 id="policy-history-title" className={styles.sectionTitle}>History</h3>
        <PolicyTimeline history={policy.history} />
      </section>

      <section aria-labelledby="policy-yaml-title" className={dashboard.section}>
        <h3 id="policy-yaml-title" className={styles.sectionTitle}>YAML{removed ? ' (its last version)' : ''}</h3>
        <PolicyYaml yaml={policy.yaml} summary="Show or hide the YAML" open />
      </section>
    </article>
  );
}
