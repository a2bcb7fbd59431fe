import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CLUSTER_LOCKS, InProcessClusterLocks, PgClusterLocks } from './cluster-locks';
import { ClusterOwnership } from './cluster-ownership.service';

/** Which replica collects which cluster (see ClusterOwnership). */
@Global()
@Module({})
export class ClusterOwnershipModule {
  /** `databaseUrl`: the database every replica shares; unset, this process owns every cluster. */
  static forRoot(options: { databaseUrl?: string }): DynamicModule {
    return {
      module: ClusterOwnershipModule,
      providers: [
        {
          provide: CLUSTER_LOCKS,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) =>
            options.databaseUrl ? new PgClusterLocks(options.databaseUrl, `palisade ${config.replicas.replicaId}`) : new InProcessClusterLocks(),
        },
        ClusterOwnership,
      ],
      exports: [ClusterOwnership],
    };
  }
}
