import { Inject, Injectable } from '@nestjs/common';
import type { ChannelType } from '@palisade/api-contract';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { DEFAULT_ID } from '../rules/alert-rule';
import { ChannelSecrets, ResolvedChannel } from './channel';
import { ChannelsRepository } from './channels.repository';
import { SECRET_BOX } from '../../secrets/secret-key.provider';
import { SecretBox } from '../../secrets/secret-box';

/** A channel id to what sending needs: the ALERT_WEBHOOK_URL channel, or a stored one opened. */
@Injectable()
export class ChannelResolver {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
    private readonly repository: ChannelsRepository,
  ) {}

  /** undefined: no such channel (deleted, or ALERT_WEBHOOK_URL unset). Throws SecretBoxError on a wrong key. */
  async resolve(id: string): Promise<ResolvedChannel | undefined> {
    if (id === DEFAULT_ID) {
      const hook = this.config.alerts.defaultWebhook;
      return hook ? { id, name: 'ALERT_WEBHOOK_URL', type: 'webhook', settings: {}, secrets: { url: hook.url, ...(hook.secret ? { secret: hook.secret } : {}) } } : undefined;
    }
    const row = await this.repository.find(id);
    if (!row) return undefined;
    return {
      id: row.id,
      name: row.name,
      type: row.type as ChannelType,
      settings: row.settings as Record<string, unknown>,
      secrets: this.box.open<ChannelSecrets>(row.sealed),
    };
  }
}
