import type { ChannelItem } from '@palisade/api-contract';
import dashboard from '../components/dashboard.module.css';
import { deleteChannel } from './actions';
import styles from './alerts.module.css';
import { ChannelTest } from './channel-test';
import { CHANNEL_TYPE_LABELS } from './describe';
import { DeleteButton, EditLink } from './row-controls';

/** The channels; secrets never appear: only whether one is set, and where it sends. */
export function ChannelsTable({
  channels,
  canEdit,
}: {
  readonly channels: readonly ChannelItem[];
  /** Admins only: test, edit and delete. */
  readonly canEdit: boolean;
}) {
  return (
    <div className={dashboard.tableScroll}>
      <table className={dashboard.table} data-testid="channels-table">
        <caption className="visually-hidden">Notification channels</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col">Sends to</th>
            <th scope="col">Secret</th>
            {canEdit ? <th scope="col">Actions</th> : null}
          </tr>
        </thead>
        <tbody>
          {channels.map((channel) => (
            <tr key={channel.id} data-channel={channel.name}>
              <th scope="row">
                {channel.name}
                {channel.builtIn ? (
                  <span className={dashboard.muted}> (ALERT_WEBHOOK_URL, read-only)</span>
                ) : null}
              </th>
              <td>{CHANNEL_TYPE_LABELS[channel.type] ?? channel.type}</td>
              <td className={styles.wrap}>
                <code>{channel.target}</code>
                {channel.type === 'email' && Array.isArray(channel.settings['to']) ? (
                  <> to {channel.settings['to'].join(', ')}</>
                ) : null}
              </td>
              <td>{channel.hasSecret ? 'Set' : 'None'}</td>
              {canEdit ? (
                <td>
                  <div className={styles.cellActions}>
                    <ChannelTest id={channel.id} name={channel.name} />
                    {channel.builtIn ? null : (
                      <>
                        <EditLink
                          href={`/alerts/channels?edit=${encodeURIComponent(channel.id)}#channel-form-title`}
                          name={channel.name}
                        />
                        <DeleteButton action={deleteChannel} id={channel.id} name={channel.name} />
                      </>
                    )}
                  </div>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
