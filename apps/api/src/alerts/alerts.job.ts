import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AlertEvaluator } from './alert-evaluator';
import { DeliveryJob } from './deliveries/delivery.job';

/** Every second: fires, cancels and resolves open alerts, then kicks the delivery worker. */
@Injectable()
export class AlertsJob implements OnApplicationBootstrap, OnModuleDestroy {
  static readonly INTERVAL_MS = 1000;
  private readonly logger = new Logger(AlertsJob.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly evaluator: AlertEvaluator,
    private readonly delivery: DeliveryJob,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.run(), AlertsJob.INTERVAL_MS);
    this.timer.unref?.();
  }

  run(): Promise<void> {
    this.running ??= this.evaluator
      .evaluate()
      .then((queued) => {
        if (queued > 0) this.delivery.kick();
      })
      .catch((error: unknown) => this.logger.error({ msg: 'evaluating alerts failed; retrying at the next tick', error: String(error) }))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
