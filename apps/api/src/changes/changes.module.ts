import { Module } from '@nestjs/common';
import { ClustersModule } from '../clusters/clusters.module';
import { ChangesController } from './changes.controller';
import { ChangesRepository } from './changes.repository';
import { ChangesService } from './changes.service';

@Module({
  imports: [ClustersModule],
  controllers: [ChangesController],
  providers: [ChangesService, ChangesRepository],
})
export class ChangesModule {}
