import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DeliveryWorker } from './delivery.worker';

/** Polls the outbox every second (and at once when kicked after a transition). */
@Injectable()
export class DeliveryJob implements OnApplicationBootstrap, OnModuleDestroy {
  static readonly INTERVAL_MS = 1000;
  private readonly logger = new Logger(DeliveryJob.name);
  private timer?: NodeJS.Timeout;
  private inFlight?: Promise<unknown>;

  constructor(private readonly worker: DeliveryWorker) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), DeliveryJob.INTERVAL_MS);
    this.timer.unref?.();
  }

  kick(): void {
    this.inFlight = this.worker.runOnce().catch((error: unknown) => this.logger.error({ msg: 'delivering alerts failed; retrying at the next tick', error: String(error) }));
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.worker.stop();
    await this.inFlight;
  }
}
