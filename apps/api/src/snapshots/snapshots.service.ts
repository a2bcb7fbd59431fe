import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Subject, Subscription } from 'rxjs';
import { APP_CONFIG, AppConfig } from '../config/app-config';

import { EvaluationService } from '../evaluation/evaluation.service';
import { LiveGateway } from '../live/live.gateway';
import { planSnapshot, snapshotAggregates } from './snapshot-plan';
import { objectStates, scoreStates } from './snapshot-state';
import { SnapshotRowsRepository } from './snapshot-rows.repository';
import { SnapshotsRepository } from './snapshots.repository';

export type SnapshotTrigger = 'schedule' | 'manual' | 'change';

/** A snapshot attempt that ran: its outcome, or the error it failed with (metrics listen). */
export interface SnapshotAttempt {
  readonly clusterId: string;
  readonly trigger: SnapshotTrigger;
  readonly outcome?: SnapshotOutcome;
  readonly error?: unknown;
}

export type SnapshotOutcome =
  | { readonly ok: true; readonly seq: number; readonly takenAt: Date; readonly changes: number; readonly objectChanges: number; readonly durationMs: number }
  | { readonly ok: false; readonly error: 'cluster-not-synced'; readonly message: string };

/**
 * Stores snapshots: what changed since the previous one (versions closed and opened), the
 * scores, and the change events between the two. One at a time per cluster; on schedule, on
 * demand, and shortly after the cluster changes.
 */
@Injectable()
export class SnapshotsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SnapshotsService.name);
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly lastAttempt = new Map<string, number>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private subscription?: Subscription;
  private closing = false;
  readonly attempts$ = new Subject<SnapshotAttempt>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly evaluation: EvaluationService,
    private readonly repository: SnapshotsRepository,
    private readonly rows: SnapshotRowsRepository,
    private readonly live: LiveGateway,
  ) {}

  /** Stored snapshots, newest first. */
  list(clusterId: string, from: Date | undefined, to: Date | undefined, limit: number, offset: number) {
    return this.rows.list(clusterId, from, to, limit, offset);
  }

  onModuleInit(): void {
    if (this.config.snapshots.onChangeMs > 0) {
      this.subscription = this.evaluation.evaluated$.subscribe((e) => this.afterChange(e.clusterId));
    }
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
    for (const timer of this.pending.values()) clearTimeout(timer);
  }

  /** Stops taking snapshots and waits for those in flight (graceful shutdown). */
  async drain(): Promise<void> {
    this.closing = true;
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    await Promise.allSettled([...this.queues.values()]);
  }

  takeSnapshot(clusterId: string, trigger: SnapshotTrigger): Promise<SnapshotOutcome> {
    if (this.closing) {
      return Promise.resolve({ ok: false, error: 'cluster-not-synced', message: 'the service is shutting down' });
    }
    const previous = this.queues.get(clusterId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.snapshot(clusterId, trigger));
    this.queues.set(clusterId, next);
    next.then(
      (outcome) => this.attempts$.next({ clusterId, trigger, outcome }),
      (error: unknown) => this.attempts$.next({ clusterId, trigger, error }),
    );
    void next.finally(() => {
      if (this.queues.get(clusterId) === next) this.queues.delete(clusterId);
    }).catch(() => undefined);
    return next;
  }

  /** At most one change snapshot per onChangeMs per cluster; a change in between is kept for the next. */
  private afterChange(clusterId: string): void {
    if (this.pending.has(clusterId)) return;
    const wait = Math.max(0, (this.lastAttempt.get(clusterId) ?? 0) + this.config.snapshots.onChangeMs - Date.now());
    const timer = setTimeout(() => {
      this.pending.delete(clusterId);
      this.takeSnapshot(clusterId, 'change').catch((error: unknown) =>
        this.logger.error({ msg: 'change snapshot failed; the next one will carry the changes', clusterId, error: String(error) }),
      );
    }, wait);
    timer.unref?.();
    this.pending.set(clusterId, timer);
  }

  private async snapshot(clusterId: string, trigger: SnapshotTrigger): Promise<SnapshotOutcome> {
    this.lastAttempt.set(clusterId, Date.now());
    const started = performance.now();
    const evaluation = trigger === 'manual' ? this.evaluation.evaluateNow(clusterId) : this.evaluation.latest(clusterId);
    if (!evaluation) {
      return { ok: false, error: 'cluster-not-synced', message: 'the cluster has not been listed yet (see its status)' };
    }
    const current = await this.repository.loadCurrent(clusterId);
    const objects = objectStates(evaluation.model);
    const scores = scoreStates(evaluation.report);

    const { closeObjects, openObjects, closeScores, openScores, changes } = planSnapshot(
      current,
      objects,
      scores,
      evaluation.report.cluster.score,
      this.config.snapshots.scoreChangeThreshold,
    );

    const takenAt = new Date();
    const c = evaluation.report.cluster;
    const durationMs = Math.round(performance.now() - started);
    const { seq } = await this.repository.write(
      {
        clusterId,
        takenAt,
        trigger,
        durationMs,
        aggregates: snapshotAggregates(evaluation.report, evaluation.cni),
        closeObjects,
        openObjects,
        closeScores,
        openScores,
        changes,
      },
      current.lastSeq,
    );
    this.logger.log({ msg: 'snapshot stored', clusterId, seq, trigger, changes: changes.length, objectChanges: closeObjects.length + openObjects.length, ms: durationMs });
    this.live.emit(clusterId, 'snapshot:stored', { clusterId, seq, at: takenAt.toISOString(), score: c.score, changes: changes.length });
    if (changes.length > 0) {
      this.live.emit(clusterId, 'cluster:changes', {
        clusterId,
        source: 'stored',
        changes: changes.map((ch) => ({ ...ch, at: takenAt.toISOString() })),
      });
    }
    return { ok: true, seq, takenAt, changes: changes.length, objectChanges: closeObjects.length + openObjects.length, durationMs };
  }
}

