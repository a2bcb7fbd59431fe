import { Module } from '@nestjs/common';
import { ClustersModule } from '../clusters/clusters.module';
import { ScoresController } from './scores.controller';
import { ScoresRepository } from './scores.repository';
import { ScoresService } from './scores.service';

@Module({
  imports: [ClustersModule],
  controllers: [ScoresController],
  providers: [ScoresService, ScoresRepository],
})
export class ScoresModule {}
