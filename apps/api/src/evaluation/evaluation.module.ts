import { Module } from '@nestjs/common';
import { CollectorsModule } from '../collectors/collectors.module';
import { LiveModule } from '../live/live.module';
import { EvaluationService } from './evaluation.service';

@Module({
  imports: [CollectorsModule, LiveModule],
  providers: [EvaluationService],
  exports: [EvaluationService],
})
export class EvaluationModule {}
