import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import {
  deliveriesHref,
  DELIVERY_STATUSES,
  isCanonical,
  PAGE_SIZE,
  parseDeliveriesQuery,
  type SearchParams,
} from '../../../alerts/alerts-url';
import { DeliveriesTable } from '../../../alerts/deliveries-table';
import { ListFilters } from '../../../alerts/list-filters';
import { pageLinks } from '../../../components/page-links';
import { Pagination } from '../../../components/pagination';
import { ApiUnavailable } from '../../../components/api-unavailable';
import dashboard from '../../../components/dashboard.module.css';
import { listChannels, listDeliveries } from '../../../data-access/alerts-data';

export const metadata: Metadata = { title: 'Delivery log' };

const BASE = '/alerts/deliveries';
const STATUS_LABELS = { pending: 'Pending', delivered: 'Delivered', failed: 'Failed' } as const;

export default async function DeliveriesPage({
  searchParams,
}: {
  readonly searchParams: Promise<SearchParams>;
}) {
  await connection();
  const search = await searchParams;
  const query = parseDeliveriesQuery(search);
  if (!isCanonical(search, deliveriesHref(BASE, query))) redirect(deliveriesHref(BASE, query));
  const { alert } = query;
  const [deliveries, channels] = await Promise.all([
    listDeliveries({ ...query, limit: PAGE_SIZE }),
    listChannels(),
  ]);
  if (!deliveries.ok) return <ApiUnavailable error={deliveries.error} />;
  const channelList = channels.ok ? channels.data.items : [];
  const channelNames = new Map(channelList.map((c) => [c.id, c.name]));
  const { items, total } = deliveries.data;
  const filtered = query.channel !== undefined || query.status !== undefined || alert !== undefined;
  return (
    <section aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">Delivery log</h2>
      {alert ? (
        <p>
          The notifications of one alert.{' '}
          <a href={deliveriesHref(BASE, { ...query, alert: undefined, offset: 0 })}>
            Show every alert&apos;s
          </a>
          .
        </p>
      ) : null}
      <ListFilters
        action={BASE}
        selects={[
          {
            name: 'channel',
            label: 'Channel',
            value: query.channel,
            any: 'Every channel',
            options: channelList.map((c) => ({ value: c.id, label: c.name })),
          },
          {
            name: 'status',
            label: 'Status',
            value: query.status,
            any: 'Every status',
            options: DELIVERY_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
          },
        ]}
      />
      <p className={dashboard.tableSummary} role="status" data-total={total}>
        {total === 0
          ? filtered
            ? 'No notification matches these filters.'
            : 'No notifications sent yet.'
          : `Showing ${items.length === 0 ? 0 : query.offset + 1}–${query.offset + items.length} of ${total.toLocaleString('en')} notifications, newest first`}
      </p>
      {items.length > 0 ? (
        <DeliveriesTable
          deliveries={items}
          channelNames={channelNames}
          caption="Notifications, newest first"
        />
      ) : total === 0 && !filtered ? (
        <p>
          Every notification to a channel is logged here with its attempts. Use{' '}
          <a href="/alerts/channels">Send test</a> on a channel to try one now.
        </p>
      ) : total > 0 ? (
        <p>
          This page is past the last notification.{' '}
          <a href={deliveriesHref(BASE, { ...query, offset: 0 })}>Go to the first page</a>.
        </p>
      ) : (
        <p>
          <a href={BASE}>Clear the filters</a> to see every notification.
        </p>
      )}
      <Pagination
        links={pageLinks({ offset: query.offset, limit: PAGE_SIZE, total }, (offset) =>
          deliveriesHref(BASE, { ...query, offset }),
        )}
      />
    </section>
  );
}
