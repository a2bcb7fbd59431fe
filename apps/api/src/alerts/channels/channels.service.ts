import { Inject, Injectable } from '@nestjs/common';
import type { ChannelItem, ChannelTestResult, ChannelType, Page } from '@palisade/api-contract';
import type { AlertChannel } from '@palisade/prisma-client';
import { randomUUID } from 'node:crypto';
import { addressRefusal } from '../../common/outbound-address';
import { outboundUrlProblem } from '../../common/outbound-http';
import { ApiError } from '../../common/api-error';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { CLOCK, Clock } from '../../common/clock';
import { DeliveriesRepository } from '../deliveries/deliveries.repository';
import { DeliveryWorker } from '../deliveries/delivery.worker';
import { DEFAULT_ID } from '../rules/alert-rule';
import { ChannelSecrets } from './channel';
import { ChannelsRepository, ChannelWrite } from './channels.repository';
import { ChannelBody } from './dto/channel-body.dto';
import { AlertNotification } from './formats/notification';
import { SECRET_BOX } from '../../secrets/secret-key.provider';
import { SecretBox, SecretBoxError } from '../../secrets/secret-box';

function hostOf(url: string | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/** Channels: stored with their secrets sealed, answered without them, tested on demand. */
@Injectable()
export class ChannelsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
    private readonly repository: ChannelsRepository,
    private readonly deliveries: DeliveriesRepository,
    private readonly worker: DeliveryWorker,
  ) {}

  /** The ALERT_WEBHOOK_URL channel, listed first when configured. */
  private builtIn(): ChannelItem | undefined {
    const hook = this.config.alerts.defaultWebhook;
    if (!hook) return undefined;
    return { id: DEFAULT_ID, name: 'ALERT_WEBHOOK_URL', type: 'webhook', target: hostOf(hook.url), settings: {}, hasSecret: true, builtIn: true, createdAt: null, updatedAt: null };
  }

  private openSecrets(row: AlertChannel): ChannelSecrets | undefined {
    try {
      return this.box.open<ChannelSecrets>(row.sealed);
    } catch (error) {
      if (error instanceof SecretBoxError) return undefined;
      throw error;
    }
  }

  private item(row: AlertChannel): ChannelItem {
    const secrets = this.openSecrets(row);
    const settings = row.settings as Record<string, unknown>;
    let target = row.type === 'email' ? String(settings['host'] ?? '') : hostOf(secrets?.url);
    if (!secrets && row.type !== 'email') target = '(unreadable: PALISADE_SECRET_KEY changed)';
    return {
      id: row.id,
      name: row.name,
      type: row.type as ChannelType,
      target,
      settings,
      hasSecret: !secrets || Object.keys(secrets).length > 0,
      builtIn: false,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  async list(limit: number, offset: number): Promise<Page<ChannelItem>> {
    const builtIn = this.builtIn();
    const first = builtIn && offset === 0;
    const [rows, count] = await this.repository.list(first ? limit - 1 : limit, builtIn ? Math.max(offset - 1, 0) : offset);
    const items = rows.map((r) => this.item(r));
    return { items: first ? [builtIn, ...items] : items, total: count + (builtIn ? 1 : 0) };
  }

  async get(id: string): Promise<ChannelItem> {
    if (id === DEFAULT_ID) {
      const builtIn = this.builtIn();
      if (builtIn) return builtIn;
      throw new ApiError('channel-not-found', 'no default channel: ALERT_WEBHOOK_URL is not set');
    }
    const row = await this.repository.find(id);
    if (!row) throw new ApiError('channel-not-found', `no channel ${id}`);
    return this.item(row);
  }

  async create(body: ChannelBody): Promise<ChannelItem> {
    return this.item(await this.repository.create(this.write(body, {})));
  }

  async update(id: string, body: ChannelBody): Promise<ChannelItem> {
    if (id === DEFAULT_ID) throw new ApiError('channel-read-only', 'the default channel is configured by ALERT_WEBHOOK_URL');
    const row = await this.repository.find(id);
    if (!row) throw new ApiError('channel-not-found', `no channel ${id}`);
    const kept = row.type === body.type ? (this.openSecrets(row) ?? {}) : {};
    return this.item(await this.repository.update(id, this.write(body, kept)));
  }

  async remove(id: string): Promise<void> {
    if (id === DEFAULT_ID) throw new ApiError('channel-read-only', 'the default channel is configured by ALERT_WEBHOOK_URL');
    if (!(await this.repository.remove(id))) throw new ApiError('channel-not-found', `no channel ${id}`);
  }

  /** Sends a test notification now, once, and answers how it went (also in the delivery log). */
  async test(id: string): Promise<ChannelTestResult> {
    await this.get(id);
    const now = this.clock.now();
    const testId = randomUUID();
    const payload: AlertNotification = {
      id: testId,
      status: 'firing',
      kind: 'TEST',
      severity: 'info',
      cluster: 'palisade-test',
      namespace: null,
      workload: null,
      policy: null,
      summary: 'Test notification from Palisade: this channel works.',
      labels: {},
      at: now.toISOString(),
      startsAt: now.toISOString(),
      url: this.config.alerts.publicUrl,
    };
    const delivery = await this.deliveries.createTest({ alertId: null, channelId: id, transition: 'test', payload }, `test:${testId}:${id}`, now, this.worker.leaseUntil(now));
    const result = await this.worker.attempt(delivery, false);
    return { ok: result.ok, statusCode: result.statusCode, error: result.error, durationMs: result.durationMs, deliveryId: delivery.id.toString() };
  }

  /** Splits a body into stored settings and sealed secrets (keeping stored secrets not given). */
  private write(body: ChannelBody, kept: ChannelSecrets): ChannelWrite {
    const policy = { allowPrivate: this.config.alerts.allowPrivateTargets };
    if (body.type === 'email') {
      const refusal = body.host === undefined ? undefined : addressRefusal(body.host, policy);
      if (refusal) throw new ApiError('invalid-request', `host: the mail server ${refusal}`, { fields: [{ field: 'host', message: `the mail server ${refusal}` }] });
      const pass = body.password ?? kept.password;
      const settings = { host: body.host, port: body.port ?? 587, secure: body.secure ?? false, ...(body.user ? { user: body.user } : {}), from: body.from, to: body.to };
      return { type: body.type, name: body.name, settings, sealed: this.box.seal(pass ? { password: pass } : {}) };
    }
    const url = body.url ?? kept.url;
    if (!url) throw new ApiError('invalid-request', 'url: required for a new channel (or one changing its type)');
    const problem = outboundUrlProblem(url, policy);
    if (problem) throw new ApiError('invalid-request', `url: the URL ${problem}`, { fields: [{ field: 'url', message: `the URL ${problem}` }] });
    const secret = body.type === 'webhook' ? (body.secret ?? kept.secret) : undefined;
    return { type: body.type, name: body.name, settings: {}, sealed: this.box.seal({ url, ...(secret ? { secret } : {}) }) };
  }
}
