import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { CollectorsService } from '../collectors/collectors.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RetentionRepository, ThinningResult } from './retention.repository';

/** Daily: history older than RETENTION_RAW is thinned to one snapshot per day. */
@Injectable()
export class RetentionJob {
  private readonly logger = new Logger(RetentionJob.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly collectors: CollectorsService,
    private readonly retention: RetentionRepository,
  ) {}

  @Cron('17 3 * * *', { name: 'retention', timeZone: 'UTC' })
  async run(now: Date = new Date()): Promise<Map<string, ThinningResult>> {
    const results = new Map<string, ThinningResult>();
    const before = new Date(now.getTime() - this.config.snapshots.retainRawMs);
    for (const cluster of this.collectors.list()) {
      if (!this.collectors.owns(cluster.id)) continue;
      try {
        const result = await this.retention.thin(cluster.id, before);
        results.set(cluster.id, result);
        this.logger.log({ msg: 'history thinned', cluster: cluster.name, before: before.toISOString(), ...result });
      } catch (error) {
        this.logger.error({ msg: 'thinning failed; it runs again tomorrow', cluster: cluster.name, error: String(error) });
      }
    }
    return results;
  }
}
