import { Module } from '@nestjs/common';
import { ClustersModule } from '../clusters/clusters.module';
import { CollectorsModule } from '../collectors/collectors.module';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { LiveModule } from '../live/live.module';
import { RetentionJob } from './retention.job';
import { RetentionRepository } from './retention.repository';
import { SnapshotJob } from './snapshot.job';
import { SnapshotRowsRepository } from './snapshot-rows.repository';
import { SnapshotsController } from './snapshots.controller';
import { SnapshotsRepository } from './snapshots.repository';
import { SnapshotsService } from './snapshots.service';

@Module({
  imports: [ClustersModule, CollectorsModule, EvaluationModule, LiveModule],
  controllers: [SnapshotsController],
  providers: [
    SnapshotsService,
    SnapshotsRepository,
    SnapshotRowsRepository,
    SnapshotJob,
    RetentionRepository,
    RetentionJob,
  ],
  exports: [SnapshotsService],
})
export class SnapshotsModule {}
