import { Module } from '@nestjs/common';
import { ClustersModule } from '../clusters/clusters.module';
import { NamespacesController } from './namespaces.controller';
import { NamespacesRepository } from './namespaces.repository';
import { NamespacesService } from './namespaces.service';

@Module({
  imports: [ClustersModule],
  controllers: [NamespacesController],
  providers: [NamespacesService, NamespacesRepository],
})
export class NamespacesModule {}
