import { Module } from '@nestjs/common';
import { ClustersModule } from '../clusters/clusters.module';
import { DiffController } from './diff.controller';
import { DiffRepository } from './diff.repository';
import { DiffService } from './diff.service';

@Module({
  imports: [ClustersModule],
  controllers: [DiffController],
  providers: [DiffRepository, DiffService],
})
export class DiffModule {}
