import type { Metadata } from 'next';
import { connection } from 'next/server';
import { parseExceptionPrefill, type SearchParams } from '../../../alerts/alerts-url';
import { ExceptionForm } from '../../../alerts/exception-form';
import { ExceptionsTable } from '../../../alerts/exceptions-table';
import { ApiUnavailable } from '../../../components/api-unavailable';
import dashboard from '../../../components/dashboard.module.css';
import { listExceptions } from '../../../data-access/alerts-data';
import { listClusters } from '../../../data-access/clusters';
import { ReadOnlyNote } from '../../../auth/read-only-note';
import { can } from '../../../auth/roles';
import { currentRole } from '../../../data-access/session';

export const metadata: Metadata = { title: 'Alert exceptions' };

export default async function ExceptionsPage({
  searchParams,
}: {
  readonly searchParams: Promise<SearchParams>;
}) {
  await connection();
  const prefill = parseExceptionPrefill(await searchParams);
  const [exceptions, clusters, role] = await Promise.all([
    listExceptions(),
    listClusters(),
    currentRole(),
  ]);
  const canEdit = can(role, 'exceptions.write');
  if (!exceptions.ok) return <ApiUnavailable error={exceptions.error} />;
  const clusterList = clusters.ok ? clusters.data.items : [];
  const clusterNames = new Map(clusterList.map((c) => [c.id, c.name]));
  const active = exceptions.data.items.filter((e) => e.active);
  const expired = exceptions.data.items.filter((e) => !e.active);
  return (
    <>
      <section aria-labelledby="exceptions-active-title" className={dashboard.section}>
        <h2 id="exceptions-active-title">Active exceptions</h2>
        {active.length === 0 ? (
          <p>
            No active exceptions. Mark a workload that is exposed on purpose (a public ingress, a
            metrics endpoint) below: no alert is sent about it while its exception is active, and
            reports list it apart instead of counting it as a failure.
          </p>
        ) : (
          <ExceptionsTable
            exceptions={active}
            caption="Active exceptions"
            clusterNames={clusterNames}
            canEdit={canEdit}
          />
        )}
      </section>
      {expired.length > 0 ? (
        <section aria-labelledby="exceptions-expired-title" className={dashboard.section}>
          <h2 id="exceptions-expired-title">Expired exceptions</h2>
          <ExceptionsTable
            exceptions={expired}
            caption="Expired exceptions"
            clusterNames={clusterNames}
            canEdit={canEdit}
          />
        </section>
      ) : null}
      {canEdit ? (
        <section aria-label="Add an exception" className={dashboard.section}>
          <ExceptionForm clusters={clusterList} prefill={prefill} />
        </section>
      ) : (
        <ReadOnlyNote role={role} what="add or delete exceptions" needs="operator" />
      )}
    </>
  );
}
