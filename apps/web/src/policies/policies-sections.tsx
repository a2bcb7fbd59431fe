import Link from 'next/link';
import { ApiUnavailable } from '../components/api-unavailable';
import dashboard from '../components/dashboard.module.css';
import { listPolicies } from '../data-access/cluster-data';
import { NoPolicies } from './policies-empty';
import { PoliciesTable } from './policies-table';
import { policiesHref } from './policies-url';

const SHOWN = 100;

/**
 * A namespace's NetworkPolicies. Cluster-wide policies (AdminNetworkPolicy and the like) have no
 * namespace, so they are not listed here even when they select pods of it.
 */
export async function NamespacePoliciesSection({
  clusterId,
  namespace,
}: {
  readonly clusterId: string;
  readonly namespace: string;
}) {
  const policies = await listPolicies(clusterId, { namespace, limit: SHOWN, offset: 0 });
  if (!policies.ok) return <ApiUnavailable error={policies.error} />;
  const { items, total } = policies.data;
  const listPath = `/clusters/${encodeURIComponent(clusterId)}/policies`;
  const inList = policiesHref(listPath, { namespace, removed: false, limit: 50, offset: 0 });
  return (
    <>
      {items.length === 0 ? (
        <NoPolicies namespace={namespace} />
      ) : (
        <PoliciesTable
          clusterId={clusterId}
          policies={items}
          caption={`NetworkPolicies in ${namespace}`}
        />
      )}
      <p className={dashboard.muted}>
        {total > items.length ? (
          <>
            Showing {items.length} of {total}.{' '}
            <Link href={inList}>All policies of {namespace}</Link>.{' '}
          </>
        ) : null}
        Cluster-wide policies (AdminNetworkPolicy, BaselineAdminNetworkPolicy) can select pods here
        too: <Link href={listPath}>see every policy</Link>.
      </p>
    </>
  );
}
