import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ChannelResolver } from '../channels/channel-resolver';
import { ChannelSender } from '../channels/channel-sender';
import { ChannelsRepository } from '../channels/channels.repository';
import { DeliveriesRepository } from './deliveries.repository';

/**
 * Alertmanager resolves an alert by itself when it is not sent again within its
 * `resolve_timeout` (5 m by default), as Prometheus re-sends every evaluation. So the firing
 * notifications already delivered to Alertmanager channels are re-sent every minute while their
 * alert fires (same labels and startsAt: Alertmanager merges them). Best effort: a failed refresh
 * waits for the next minute; the transitions themselves go through the outbox.
 */
@Injectable()
export class AlertmanagerRefreshJob implements OnApplicationBootstrap, OnModuleDestroy {
  static readonly INTERVAL_MS = 60_000;
  private readonly logger = new Logger(AlertmanagerRefreshJob.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly channels: ChannelsRepository,
    private readonly deliveries: DeliveriesRepository,
    private readonly resolver: ChannelResolver,
    private readonly sender: ChannelSender,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.run(), AlertmanagerRefreshJob.INTERVAL_MS);
    this.timer.unref?.();
  }

  /** Returns how many alerts were re-sent. */
  run(): Promise<number> {
    this.running ??= this.refresh()
      .catch((error: unknown) => {
        this.logger.warn({ msg: 'refreshing Alertmanager alerts failed; retrying in a minute', error: String(error) });
        return 0;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async refresh(): Promise<number> {
    const firing = await this.deliveries.stillFiring(await this.channels.idsOfType('alertmanager'));
    let sent = 0;
    for (const delivery of firing) {
      const channel = await this.resolver.resolve(delivery.channelId);
      if (!channel) continue;
      const result = await this.sender.send(channel, delivery.payload, delivery.idempotencyKey);
      if (result.ok) sent++;
      else this.logger.warn({ msg: 'Alertmanager refresh failed', channelId: channel.id, statusCode: result.statusCode, error: result.error });
    }
    return sent;
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
