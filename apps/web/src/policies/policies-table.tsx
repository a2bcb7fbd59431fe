import type { PolicyItem } from '@palisade/api-contract';
import Link from 'next/link';
import { Fragment } from 'react';
import dashboard from '../components/dashboard.module.css';
import { formatUtc } from './policy-history';
import { policyKey, policyPath } from './policy-ref';
import { PolicyYaml } from './policy-yaml';
import styles from './policies.module.css';

/**
 * Policies of any kind, one per row, each followed by a full-width row with its YAML behind a
 * disclosure (a YAML column would be too narrow to read).
 */
export function PoliciesTable({
  clusterId,
  policies,
  caption,
}: {
  readonly clusterId: string;
  readonly policies: readonly PolicyItem[];
  readonly caption: string;
}) {
  const showRemoved = policies.some((p) => p.removedAt !== null);
  const showTier = policies.some((p) => p.tier !== undefined);
  const columns = 6 + (showTier ? 1 : 0) + (showRemoved ? 1 : 0);
  return (
    <div className={dashboard.tableScroll}>
      <table className={`${dashboard.table} ${styles.policiesTable}`} data-testid="policies-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Namespace</th>
            {showTier ? <th scope="col">Tier / order</th> : null}
            <th scope="col">Enforced</th>
            <th scope="col" className={dashboard.numeric}>
              Selects workloads
            </th>
            <th scope="col">Since</th>
            {showRemoved ? <th scope="col">Removed</th> : null}
          </tr>
        </thead>
        <tbody>
          {policies.map((policy) => (
            <Fragment key={policyKey(policy)}>
              <tr data-policy={policyKey(policy)} data-removed={policy.removedAt !== null}>
                <th scope="row">
                  <Link href={policyPath(clusterId, policy)}>{policy.name}</Link>
                </th>
                <td>{policy.kind}</td>
                <td>{policy.namespace ?? <span className={dashboard.muted}>cluster-wide</span>}</td>
                {showTier ? <td>{tierText(policy)}</td> : null}
                <td data-enforced={policy.enforced}>
                  {policy.enforced ? (
                    <span className={dashboard.muted}>Yes</span>
                  ) : (
                    <>
                      <span className={dashboard.pill} data-tone="warning">
                        Not enforced here
                      </span>{' '}
                      <span className={dashboard.muted}>{policy.notEnforcedReason}</span>
                    </>
                  )}
                </td>
                <td className={dashboard.numeric}>
                  {policy.removedAt === null ? policy.selectsWorkloads : '–'}
                </td>
                <td>
                  {policy.since ? (
                    <time dateTime={policy.since}>{formatUtc(policy.since)}</time>
                  ) : (
                    'before the oldest snapshot'
                  )}
                </td>
                {showRemoved ? (
                  <td className={styles.removedCell}>
                    {policy.removedAt ? (
                      <span className={dashboard.pill} data-tone="warning">
                        Removed{' '}
                        <time dateTime={policy.removedAt}>{formatUtc(policy.removedAt)}</time>
                      </span>
                    ) : (
                      <span className={dashboard.muted}>Current</span>
                    )}
                  </td>
                ) : null}
              </tr>
              <tr data-yaml-of={policyKey(policy)} className={styles.yamlRow}>
                <td colSpan={columns}>
                  <PolicyYaml yaml={policy.yaml} summary={`YAML of ${policy.name}`} />
                </td>
              </tr>
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Calico's tier and order: `security / 100`, `default / last` for a policy without an order. */
function tierText(policy: PolicyItem): string {
  if (policy.tier === undefined) return '–';
  return `${policy.tier} / ${policy.order ?? 'last'}`;
}
