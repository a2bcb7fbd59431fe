import { Module } from '@nestjs/common';
import { ClustersRepository } from '../clusters/clusters.repository';
import { LiveModule } from '../live/live.module';
import { CollectorsService } from './collectors.service';

@Module({
  imports: [LiveModule],
  providers: [CollectorsService, ClustersRepository],
  exports: [CollectorsService, ClustersRepository],
})
export class CollectorsModule {}
