import { Module } from '@nestjs/common';
import { ClustersModule } from '../clusters/clusters.module';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { ExplainController } from './explain.controller';

@Module({
  imports: [ClustersModule, EvaluationModule],
  controllers: [ExplainController],
})
export class ExplainModule {}
