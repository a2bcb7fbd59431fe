import { Module } from '@nestjs/common';
import { CollectorsModule } from '../collectors/collectors.module';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { SnapshotsModule } from '../snapshots/snapshots.module';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

/** GET /api/metrics for Prometheus. DeliveryWorker comes from the (global) AlertsModule. */
@Module({
  imports: [CollectorsModule, EvaluationModule, SnapshotsModule],
  controllers: [MetricsController],
  providers: [MetricsService],
})
export class MetricsModule {}
