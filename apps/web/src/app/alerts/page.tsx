import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import {
  ALERT_STATUSES,
  alertsHref,
  isCanonical,
  PAGE_SIZE,
  parseAlertsQuery,
  type SearchParams,
} from '../../alerts/alerts-url';
import { AlertsTable } from '../../alerts/alerts-table';
import { alertStatusOf } from '../../alerts/describe';
import { ListFilters } from '../../alerts/list-filters';
import { pageLinks } from '../../components/page-links';
import { Pagination } from '../../components/pagination';
import { ApiUnavailable } from '../../components/api-unavailable';
import dashboard from '../../components/dashboard.module.css';
import { listAlerts } from '../../data-access/alerts-data';
import { listClusters } from '../../data-access/clusters';
import { can } from '../../auth/roles';
import { currentRole } from '../../data-access/session';

export const metadata: Metadata = { title: 'Alerts' };

const BASE = '/alerts';

export default async function AlertsPage({
  searchParams,
}: {
  readonly searchParams: Promise<SearchParams>;
}) {
  await connection();
  const search = await searchParams;
  const query = parseAlertsQuery(search);
  if (!isCanonical(search, alertsHref(BASE, query))) redirect(alertsHref(BASE, query));
  const [alerts, clusters, role] = await Promise.all([
    listAlerts({ ...query, limit: PAGE_SIZE }),
    listClusters(),
    currentRole(),
  ]);
  if (!alerts.ok) return <ApiUnavailable error={alerts.error} />;
  const clusterList = clusters.ok ? clusters.data.items : [];
  const clusterNames = new Map(clusterList.map((c) => [c.id, c.name]));
  const { items, total } = alerts.data;
  const filtered = query.status !== undefined || query.cluster !== undefined;
  return (
    <section aria-labelledby="alerts-title">
      <h2 id="alerts-title">Alerts</h2>
      <ListFilters
        action={BASE}
        selects={[
          {
            name: 'status',
            label: 'Status',
            value: query.status,
            any: 'Every status',
            options: ALERT_STATUSES.map((s) => ({ value: s, label: alertStatusOf(s).label })),
          },
          {
            name: 'cluster',
            label: 'Cluster',
            value: query.cluster,
            any: 'Every cluster',
            options: clusterList.map((c) => ({ value: c.id, label: c.name })),
          },
        ]}
      />
      <p className={dashboard.tableSummary} role="status" data-total={total}>
        {total === 0
          ? filtered
            ? 'No alert matches these filters.'
            : 'No alerts yet.'
          : `Showing ${items.length === 0 ? 0 : query.offset + 1}–${query.offset + items.length} of ${total.toLocaleString('en')} alerts, newest first`}
      </p>
      {items.length > 0 ? (
        <AlertsTable
          alerts={items}
          clusterNames={clusterNames}
          caption="Alerts, newest first"
          canAcknowledge={can(role, 'alerts.acknowledge')}
        />
      ) : total === 0 && !filtered ? (
        <p>
          Alerts open when a <a href="/alerts/rules">rule</a> matches a change (a workload exposed
          or deployed without a policy, a default deny lost, …) and fire if it still holds after the
          grace period. Add a <a href="/alerts/channels">channel</a> and a rule that names it to be
          notified.
        </p>
      ) : total > 0 ? (
        <p>
          This page is past the last alert.{' '}
          <a href={alertsHref(BASE, { ...query, offset: 0 })}>Go to the first page</a>.
        </p>
      ) : (
        <p>
          <a href={BASE}>Clear the filters</a> to see every alert.
        </p>
      )}
      <Pagination
        links={pageLinks({ offset: query.offset, limit: PAGE_SIZE, total }, (offset) =>
          alertsHref(BASE, { ...query, offset }),
        )}
      />
    </section>
  );
}
