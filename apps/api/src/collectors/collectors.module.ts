import { Module } from '@nestjs/common';
import { ClustersRepository } from '../clusters/clusters.repository';
import { LiveModule } from '../live/live.module';
import { SecretsModule } from '../secrets/secrets.module';
import { CollectorsService } from './collectors.service';

@Module({
  imports: [LiveModule, SecretsModule],
  providers: [CollectorsService, ClustersRepository],
  exports: [CollectorsService, ClustersRepository],
})
export class CollectorsModule {}
