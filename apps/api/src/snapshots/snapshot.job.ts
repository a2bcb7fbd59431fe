import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { Subscription } from 'rxjs';
import { CollectorsService } from '../collectors/collectors.service';
import { SnapshotsService } from './snapshots.service';

/** Takes a snapshot of each cluster this replica collects, on its own schedule (SNAPSHOT_INTERVAL, per cluster). */
@Injectable()
export class SnapshotJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SnapshotJob.name);
  private subscription?: Subscription;

  constructor(
    private readonly collectors: CollectorsService,
    private readonly snapshots: SnapshotsService,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = this.collectors.added$.subscribe((cluster) => {
      const name = `snapshot:${cluster.id}`;
      if (this.scheduler.doesExist('interval', name)) return;
      const timer = setInterval(() => void this.run(cluster.id), cluster.snapshotIntervalMs);
      timer.unref?.();
      this.scheduler.addInterval(name, timer);
    });
    this.subscription.add(
      this.collectors.removed$.subscribe((clusterId) => {
        const name = `snapshot:${clusterId}`;
        if (this.scheduler.doesExist('interval', name)) this.scheduler.deleteInterval(name);
      }),
    );
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** Idempotent: a snapshot of an unchanged cluster stores one row. Failures wait for the next tick. */
  async run(clusterId: string): Promise<void> {
    // Another replica collects (and snapshots) the clusters this one does not own.
    if (!this.collectors.owns(clusterId)) return;
    try {
      const outcome = await this.snapshots.takeSnapshot(clusterId, 'schedule');
      if (!outcome.ok) this.logger.warn({ msg: 'scheduled snapshot skipped', clusterId, reason: outcome.message });
    } catch (error) {
      this.logger.error({ msg: 'scheduled snapshot failed; retrying at the next tick', clusterId, error: String(error) });
    }
  }
}
