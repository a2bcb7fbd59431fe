import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ChannelType } from '@palisade/api-contract';
import { Subject } from 'rxjs';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { CLOCK, Clock } from '../../common/clock';
import { ChannelResolver } from '../channels/channel-resolver';
import { ChannelSender, SendResult } from '../channels/channel-sender';
import { backoffDelay } from './backoff';
import { AttemptOutcome, ClaimedDelivery, DeliveriesRepository } from './deliveries.repository';

const BATCH = 20;

/** One recorded try (metrics listen). */
export interface DeliveryAttempted {
  readonly channelType: ChannelType | 'unknown';
  readonly ok: boolean;
  readonly status: AttemptOutcome['status'];
}

/**
 * Delivers the outbox: claims due rows, sends each once, logs the attempt, and schedules a retry
 * with backoff (network error, timeout, 5xx, 429) until ALERT_DELIVERY_ATTEMPTS, then `failed`.
 * All state is in PostgreSQL, so a restart or a receiver that is down loses nothing.
 */
@Injectable()
export class DeliveryWorker {
  private readonly logger = new Logger(DeliveryWorker.name);
  private running?: Promise<number>;
  private stopping = false;
  readonly attempted$ = new Subject<DeliveryAttempted>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly repository: DeliveriesRepository,
    private readonly resolver: ChannelResolver,
    private readonly sender: ChannelSender,
  ) {}

  /** A lease longer than any attempt can take. */
  leaseUntil(now: Date): Date {
    return new Date(now.getTime() + this.config.alerts.deliveryTimeoutMs * 2 + 30_000);
  }

  /** Delivers what is due; one run at a time per process. Returns how many were tried. */
  runOnce(): Promise<number> {
    if (this.stopping) return Promise.resolve(0);
    this.running ??= this.drainDue().finally(() => (this.running = undefined));
    return this.running;
  }

  private async drainDue(): Promise<number> {
    let tried = 0;
    for (;;) {
      if (this.stopping) return tried;
      const now = this.clock.now();
      const batch = await this.repository.claim(now, this.leaseUntil(now), BATCH);
      if (batch.length === 0) return tried;
      await Promise.all(batch.map((d) => this.attempt(d, true)));
      tried += batch.length;
    }
  }

  /**
   * Claims nothing more and waits for the tries in flight to be recorded (graceful shutdown).
   * What is not claimed stays pending in the outbox for the next process.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.running?.catch(() => undefined);
  }

  /** One try of a claimed delivery; `retry` false (a test send) fails it at once. */
  async attempt(delivery: ClaimedDelivery, retry: boolean): Promise<SendResult> {
    const at = this.clock.now();
    let result: SendResult;
    let channelType: DeliveryAttempted['channelType'] = 'unknown';
    try {
      const channel = await this.resolver.resolve(delivery.channelId);
      if (channel) channelType = channel.type;
      result = channel
        ? await this.sender.send(channel, delivery.payload, delivery.idempotencyKey)
        : { ok: false, statusCode: null, error: 'the channel no longer exists', retryable: false, durationMs: 0 };
    } catch (error) {
      result = { ok: false, statusCode: null, error: error instanceof Error ? error.message : String(error), retryable: false, durationMs: 0 };
    }
    const attempts = delivery.attempts + 1;
    let outcome: AttemptOutcome;
    if (result.ok) outcome = { status: 'delivered' };
    else if (retry && result.retryable && attempts < this.config.alerts.deliveryAttempts) {
      outcome = { status: 'pending', nextAttemptAt: new Date(this.clock.now().getTime() + backoffDelay(attempts, this.config.alerts.retryBaseMs, Math.random, result.retryAfterMs)) };
    } else outcome = { status: 'failed' };
    await this.repository.record(delivery, { at, ok: result.ok, statusCode: result.statusCode, error: result.error, durationMs: result.durationMs }, outcome);
    this.attempted$.next({ channelType, ok: result.ok, status: outcome.status });
    const log = { msg: `delivery ${outcome.status}`, deliveryId: String(delivery.id), channelId: delivery.channelId, transition: delivery.transition, attempt: attempts, statusCode: result.statusCode, error: result.error, ms: result.durationMs };
    if (outcome.status === 'failed') this.logger.warn(log);
    else this.logger.log(log);
    return result;
  }
}
