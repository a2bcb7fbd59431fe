import { Module } from '@nestjs/common';
import { ClustersModule } from '../clusters/clusters.module';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { WorkloadDetailController } from './workload-detail.controller';
import { WorkloadDetailRepository } from './workload-detail.repository';
import { WorkloadDetailService } from './workload-detail.service';
import { WorkloadsController } from './workloads.controller';
import { WorkloadsRepository } from './workloads.repository';
import { WorkloadsService } from './workloads.service';

@Module({
  imports: [ClustersModule, EvaluationModule],
  controllers: [WorkloadsController, WorkloadDetailController],
  providers: [
    WorkloadsService,
    WorkloadsRepository,
    WorkloadDetailService,
    WorkloadDetailRepository,
  ],
})
export class WorkloadsModule {}
