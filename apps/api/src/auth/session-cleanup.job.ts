import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { CLOCK, Clock } from '../common/clock';
import { SessionsRepository } from './sessions.repository';

/** Expired sessions no longer sign anyone in; this removes their rows. Safe on every replica. */
@Injectable()
export class SessionCleanupJob {
  static readonly EVERY_MS = 60 * 60_000;
  private readonly logger = new Logger(SessionCleanupJob.name);

  constructor(
    private readonly sessions: SessionsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Interval(SessionCleanupJob.EVERY_MS)
  async run(): Promise<void> {
    try {
      const removed = await this.sessions.removeExpired(this.clock.now());
      if (removed > 0) this.logger.debug({ msg: 'removed expired sessions', removed });
    } catch (error) {
      this.logger.warn({ msg: 'could not remove expired sessions; next hour again', err: error });
    }
  }
}
