import type { Metadata } from 'next';
import { connection } from 'next/server';
import { first, type SearchParams } from '../../../alerts/alerts-url';
import { ChannelForm } from '../../../alerts/channel-form';
import { ChannelsTable } from '../../../alerts/channels-table';
import { ApiUnavailable } from '../../../components/api-unavailable';
import dashboard from '../../../components/dashboard.module.css';
import { listChannels } from '../../../data-access/alerts-data';
import { ReadOnlyNote } from '../../../auth/read-only-note';
import { can } from '../../../auth/roles';
import { currentRole } from '../../../data-access/session';

export const metadata: Metadata = { title: 'Alert channels' };

export default async function ChannelsPage({
  searchParams,
}: {
  readonly searchParams: Promise<SearchParams>;
}) {
  await connection();
  const editId = first((await searchParams)['edit']);
  const [channels, role] = await Promise.all([listChannels(), currentRole()]);
  const canEdit = can(role, 'channels.write');
  if (!channels.ok) return <ApiUnavailable error={channels.error} />;
  const editing = editId
    ? channels.data.items.find((c) => c.id === editId && !c.builtIn)
    : undefined;
  return (
    <>
      <section aria-labelledby="channels-title" className={dashboard.section}>
        <h2 id="channels-title">Channels</h2>
        {channels.data.items.length === 0 ? (
          <p>
            No channels yet
            {canEdit ? ': add a webhook, Slack, Teams, Alertmanager or email channel below.' : '.'}
            Alerts go nowhere until a rule names a channel (or ALERT_WEBHOOK_URL is set).
          </p>
        ) : (
          <ChannelsTable channels={channels.data.items} canEdit={canEdit} />
        )}
      </section>
      {!canEdit ? (
        <ReadOnlyNote role={role} what="add, test or change channels" needs="admin" />
      ) : (
        <section
          aria-label={editing ? 'Edit the channel' : 'Add a channel'}
          className={dashboard.section}
        >
          {editId && !editing ? (
            <p role="alert">
              No editable channel with this id: it may have been deleted.{' '}
              <a href="/alerts/channels">Add a channel</a> instead.
            </p>
          ) : (
            <ChannelForm key={editing?.id ?? 'new'} {...(editing ? { channel: editing } : {})} />
          )}
        </section>
      )}
    </>
  );
}
