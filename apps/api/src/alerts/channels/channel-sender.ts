import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { isIP } from 'node:net';
import * as nodemailer from 'nodemailer';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { CLOCK, Clock } from '../../common/clock';
import { AddressPolicy, AddressRefused, resolveAllowed } from '../../common/outbound-address';
import { OutboundHttp } from '../../common/outbound-http';
import { parseRetryAfter } from '../deliveries/backoff';
import { DEFAULT_ID } from '../rules/alert-rule';
import { alertmanagerRequest } from './formats/alertmanager.format';
import { emailMessage } from './formats/email.format';
import { AlertNotification, OutgoingRequest } from './formats/notification';
import { slackRequest } from './formats/slack.format';
import { teamsRequest } from './formats/teams.format';
import { webhookRequest } from './formats/webhook.format';
import type { EmailSettings, ResolvedChannel } from './channel';

export interface SendResult {
  readonly ok: boolean;
  readonly statusCode: number | null;
  readonly error: string | null;
  /** Worth trying again: network error, timeout, 5xx, 429 (SMTP: anything but a 5xx reply). */
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  readonly durationMs: number;
}

/**
 * An SMTP failure in words: the reply code when the server gave one, else "could not connect"
 * (nothing that would name an address, a URL or a remote text).
 */
function describeSmtp(error: unknown): string {
  if (error instanceof AddressRefused) return 'refused: the mail server\'s address is not allowed';
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' ? `the mail server refused the message (${code})` : 'could not connect';
}

/** Sends one notification to one channel, in its format. One try; the worker decides on retries. */
@Injectable()
export class ChannelSender implements OnModuleDestroy {
  private readonly logger = new Logger(ChannelSender.name);

  private readonly http = new OutboundHttp();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onModuleDestroy(): Promise<void> {
    await this.http.close();
  }

  /** Where a channel may send: ALERT_WEBHOOK_URL is the operator's own setting, trusted as given. */
  private policyFor(channel: ResolvedChannel): AddressPolicy {
    return { allowPrivate: channel.id === DEFAULT_ID ? true : this.config.alerts.allowPrivateTargets };
  }

  async send(channel: ResolvedChannel, n: AlertNotification, idempotencyKey: string): Promise<SendResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    if (channel.type === 'email') return this.sendEmail(channel, n, idempotencyKey, elapsed);
    const url = channel.secrets.url;
    if (!url) return { ok: false, statusCode: null, error: 'the channel has no URL', retryable: false, durationMs: 0 };
    const request = this.request(channel, url, n, idempotencyKey);
    const answer = await this.http.send(request.url, { method: 'POST', headers: request.headers, body: request.body, timeoutMs: this.config.alerts.deliveryTimeoutMs }, this.policyFor(channel));
    if (answer.kind === 'failed') {
      this.logger.debug({ msg: 'delivery request failed', channelId: channel.id, cause: answer.cause });
      return { ok: false, statusCode: null, error: answer.reason, retryable: answer.retryable, durationMs: elapsed() };
    }
    const ok = answer.status >= 200 && answer.status < 300;
    const retryable = answer.status >= 500 || answer.status === 429 || answer.status === 408;
    const retryAfter = answer.headers['retry-after'];
    const retryAfterMs = parseRetryAfter(typeof retryAfter === 'string' ? retryAfter : null, this.clock.now());
    return { ok, statusCode: answer.status, error: ok ? null : `HTTP ${answer.status}`, retryable, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}), durationMs: elapsed() };
  }

  private request(channel: ResolvedChannel, url: string, n: AlertNotification, key: string): OutgoingRequest {
    switch (channel.type) {
      case 'webhook':
        return webhookRequest(url, channel.secrets.secret, n, key);
      case 'slack':
        return slackRequest(url, n, key);
      case 'teams':
        return teamsRequest(url, n, key);
      case 'alertmanager':
        return alertmanagerRequest(url, n, key);
      case 'email':
        throw new Error('email is not sent over HTTP');
    }
  }

  private async sendEmail(channel: ResolvedChannel, n: AlertNotification, key: string, elapsed: () => number): Promise<SendResult> {
    const s = channel.settings as unknown as EmailSettings;
    const timeout = this.config.alerts.deliveryTimeoutMs;
    let address: string;
    try {
      // nodemailer resolves names itself: resolve and check here, then dial the checked address.
      address = await resolveAllowed(s.host, this.policyFor(channel));
    } catch (error) {
      this.logger.debug({ msg: 'smtp address refused or not resolved', channelId: channel.id, cause: error instanceof AddressRefused ? error.reason : (error as { code?: string }).code });
      return { ok: false, statusCode: null, error: describeSmtp(error), retryable: !(error instanceof AddressRefused), durationMs: elapsed() };
    }
    const transport = nodemailer.createTransport({
      host: address,
      // Certificates name the host, not the address dialled.
      ...(isIP(s.host) ? {} : { tls: { servername: s.host } }),
      port: s.port,
      secure: s.secure,
      ...(s.user ? { auth: { user: s.user, pass: channel.secrets.password ?? '' } } : {}),
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
    const message = emailMessage(n);
    try {
      await transport.sendMail({
        from: s.from,
        to: [...s.to],
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: `<${key.replace(/[^\w.-]/g, '.')}@palisade>`,
        headers: { 'X-Palisade-Delivery': key },
      });
      return { ok: true, statusCode: null, error: null, retryable: false, durationMs: elapsed() };
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      this.logger.debug({ msg: 'smtp send failed', channelId: channel.id, responseCode: code, cause: (error as { code?: string }).code });
      return { ok: false, statusCode: code ?? null, error: describeSmtp(error), retryable: !(code !== undefined && code >= 500), durationMs: elapsed() };
    } finally {
      transport.close();
    }
  }
}
