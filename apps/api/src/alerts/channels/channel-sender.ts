import { Inject, Injectable, Logger } from '@nestjs/common';
import * as nodemailer from 'nodemailer';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { CLOCK, Clock } from '../../common/clock';
import { parseRetryAfter } from '../deliveries/backoff';
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

/** An error in words, without URLs (which may carry tokens). Duck-typed: fetch errors come from another realm under Jest. */
function describe(error: unknown, timeoutMs: number): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const e = error as { name?: string; message?: string; code?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `timed out after ${timeoutMs} ms`;
  const detail = e.cause?.code ?? e.code ?? e.cause?.message ?? e.message ?? String(error);
  return e.name && e.name !== 'Error' ? `${e.name}: ${detail}` : detail;
}

/** Sends one notification to one channel, in its format. One try; the worker decides on retries. */
@Injectable()
export class ChannelSender {
  private readonly logger = new Logger(ChannelSender.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async send(channel: ResolvedChannel, n: AlertNotification, idempotencyKey: string): Promise<SendResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    if (channel.type === 'email') return this.sendEmail(channel, n, idempotencyKey, elapsed);
    const url = channel.secrets.url;
    if (!url) return { ok: false, statusCode: null, error: 'the channel has no URL', retryable: false, durationMs: 0 };
    const request = this.request(channel, url, n, idempotencyKey);
    try {
      const res = await fetch(request.url, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
        redirect: 'error',
        signal: AbortSignal.timeout(this.config.alerts.deliveryTimeoutMs),
      });
      await res.arrayBuffer().catch(() => undefined);
      const ok = res.status >= 200 && res.status < 300;
      const retryable = res.status >= 500 || res.status === 429 || res.status === 408;
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), this.clock.now());
      return { ok, statusCode: res.status, error: ok ? null : `HTTP ${res.status}`, retryable, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}), durationMs: elapsed() };
    } catch (error) {
      return { ok: false, statusCode: null, error: describe(error, this.config.alerts.deliveryTimeoutMs), retryable: true, durationMs: elapsed() };
    }
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
    const transport = nodemailer.createTransport({
      host: s.host,
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
      this.logger.debug({ msg: 'smtp send failed', channelId: channel.id, responseCode: code });
      return { ok: false, statusCode: code ?? null, error: describe(error, timeout), retryable: !(code !== undefined && code >= 500), durationMs: elapsed() };
    } finally {
      transport.close();
    }
  }
}
