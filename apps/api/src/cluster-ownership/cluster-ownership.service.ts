import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CLUSTER_LOCKS, ClusterLocks } from './cluster-locks';

/** What a replica does with a cluster while it holds the cluster's lock. */
export interface OwnedWork {
  acquired(): Promise<void> | void;
  released(): Promise<void> | void;
}

interface Followed {
  readonly clusterId: string;
  readonly name: string;
  readonly work: OwnedWork;
  owned: boolean;
}

/**
 * Each cluster is collected by exactly one replica at a time: the one holding its lock. A
 * replica that does not hold it tries again every CLUSTER_LOCK_RETRY and takes over once the
 * holder is gone; one that loses its lock connection stops collecting at once.
 */
@Injectable()
export class ClusterOwnership implements OnApplicationShutdown {
  private readonly logger = new Logger(ClusterOwnership.name);
  private readonly followed = new Map<string, Followed>();
  private timer?: NodeJS.Timeout;
  private ticking?: Promise<void>;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLUSTER_LOCKS) private readonly locks: ClusterLocks,
  ) {
    this.locks.onLost(() => void this.lost('the lock connection to PostgreSQL ended'));
  }

  get replicaId(): string {
    return this.config.replicas.replicaId;
  }

  /** Starts competing for a cluster; `work.acquired` runs once this replica holds it. */
  follow(clusterId: string, name: string, work: OwnedWork): Promise<void> {
    this.followed.set(clusterId, { clusterId, name, work, owned: false });
    if (!this.timer && !this.stopped) {
      this.timer = setInterval(() => void this.tick(), this.config.replicas.lockRetryMs);
      this.timer.unref?.();
    }
    // A tick in progress may already have passed this cluster: compete again right after it.
    return (this.ticking ?? Promise.resolve()).then(() => this.tick());
  }

  /** Stops competing for a cluster (it was removed): stops its work here and frees its lock. */
  async unfollow(clusterId: string): Promise<void> {
    await this.ticking;
    const f = this.followed.get(clusterId);
    if (!f) return;
    this.followed.delete(clusterId);
    if (!f.owned) return;
    f.owned = false;
    await this.runStep(f, 'released');
    await this.locks.release(f.name).catch(() => undefined);
    this.logger.log({ msg: 'released cluster: it was removed', cluster: f.name, replica: this.replicaId });
  }

  owns(clusterId: string): boolean {
    return this.followed.get(clusterId)?.owned === true;
  }

  /** Stops competing, stops the owned work, then releases every lock (graceful shutdown). */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.timer);
    await this.ticking;
    for (const f of this.followed.values()) {
      if (!f.owned) continue;
      f.owned = false;
      await this.runStep(f, 'released');
      await this.locks.release(f.name).catch(() => undefined);
      this.logger.log({ msg: 'released cluster', cluster: f.name, replica: this.replicaId });
    }
    await this.locks.close();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  private tick(): Promise<void> {
    this.ticking ??= this.competeOnce().finally(() => (this.ticking = undefined));
    return this.ticking;
  }

  private async competeOnce(): Promise<void> {
    if (this.stopped) return;
    try {
      // A session that silently died may have lost its locks to another replica already.
      if ([...this.followed.values()].some((f) => f.owned)) await this.locks.check();
      for (const f of this.followed.values()) {
        if (f.owned || this.stopped) continue;
        if (!(await this.locks.tryAcquire(f.name))) continue;
        f.owned = true;
        this.logger.log({ msg: 'collecting cluster: this replica holds its lock', cluster: f.name, replica: this.replicaId });
        await this.runStep(f, 'acquired');
      }
    } catch (error) {
      await this.lost(`could not reach the lock connection: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async lost(reason: string): Promise<void> {
    for (const f of this.followed.values()) {
      if (!f.owned) continue;
      f.owned = false;
      this.logger.warn({ msg: 'stopped collecting cluster: its lock may be lost; retrying', cluster: f.name, replica: this.replicaId, reason });
      await this.runStep(f, 'released');
    }
  }

  private async runStep(f: Followed, step: 'acquired' | 'released'): Promise<void> {
    try {
      await f.work[step]();
    } catch (error) {
      this.logger.error({ msg: `cluster work failed when ${step}`, cluster: f.name, err: error });
    }
  }
}
