import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { DeliveryWorker } from '../alerts/deliveries/delivery.worker';
import { CollectorsService } from '../collectors/collectors.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { EvaluationService } from '../evaluation/evaluation.service';
import { SnapshotsService } from '../snapshots/snapshots.service';
import { ClusterView, PalisadeMetrics } from './palisade-metrics';

/** Feeds PalisadeMetrics from the collectors, evaluations, snapshots and deliveries of this replica. */
@Injectable()
export class MetricsService implements OnModuleInit, OnModuleDestroy {
  private readonly metrics: PalisadeMetrics;
  private readonly subscription = new Subscription();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly collectors: CollectorsService,
    private readonly evaluation: EvaluationService,
    private readonly snapshots: SnapshotsService,
    private readonly deliveries: DeliveryWorker,
  ) {
    this.metrics = new PalisadeMetrics(config.metrics.namespaceLimit);
  }

  get contentType(): string {
    return this.metrics.contentType;
  }

  onModuleInit(): void {
    this.subscription.add(
      this.snapshots.attempts$.subscribe(({ clusterId, outcome, error }) => {
        const cluster = this.collectors.get(clusterId)?.name ?? clusterId;
        if (error !== undefined) this.metrics.snapshotFailed(cluster, 'error');
        else if (outcome?.ok) this.metrics.snapshotStored(cluster, outcome.durationMs);
        else if (outcome) this.metrics.snapshotFailed(cluster, outcome.error);
      }),
    );
    this.subscription.add(this.deliveries.attempted$.subscribe((a) => this.metrics.deliveryAttempted(a.channelType, a.status, a.ok)));
  }

  onModuleDestroy(): void {
    this.subscription.unsubscribe();
  }

  render(): Promise<string> {
    const clusters: ClusterView[] = this.collectors.list().map((runtime) => {
      const report = this.evaluation.latest(runtime.id)?.report;
      return {
        name: runtime.name,
        owned: this.collectors.owns(runtime.id),
        status: runtime.collector.currentState().status,
        up: runtime.collector.isHealthy(),
        ...(report ? { evaluation: { cluster: report.cluster, namespaces: report.namespaces } } : {}),
      };
    });
    return this.metrics.render(clusters);
  }
}
