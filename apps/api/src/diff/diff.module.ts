import { Module } from '@nestjs/common';
import { ClustersModule } from '../clusters/clusters.module';
import { DiffController } from './diff.controller';
import { DiffRepository } from './diff.repository';

@Module({
  imports: [ClustersModule],
  controllers: [DiffController],
  providers: [DiffRepository],
})
export class DiffModule {}
