import { Module } from '@nestjs/common';
import { ClustersModule } from '../clusters/clusters.module';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { ExplainController } from './explain.controller';
import { ExplainService } from './explain.service';

@Module({
  imports: [ClustersModule, EvaluationModule],
  controllers: [ExplainController],
  providers: [ExplainService],
})
export class ExplainModule {}
