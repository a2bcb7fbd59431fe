import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { LoggerModule } from 'nestjs-pino';
import { ZodValidationPipe } from 'nestjs-zod';
import type { Logger as PinoLogger } from 'pino';
import { randomUUID } from 'node:crypto';
import { ChangesController } from './changes/changes.controller';
import { DiffController } from './diff/diff.controller';
import { DiffRepository } from './diff/diff.repository';
import { ExplainController } from './explain/explain.controller';
import { NamespacesController } from './namespaces/namespaces.controller';
import { NamespacesRepository } from './namespaces/namespaces.repository';
import { NamespacesService } from './namespaces/namespaces.service';
import { PoliciesController } from './policies/policies.controller';
import { PoliciesRepository } from './policies/policies.repository';
import { PoliciesService } from './policies/policies.service';
import { ScoresController } from './scores/scores.controller';
import { ScoresRepository } from './scores/scores.repository';
import { ScoresService } from './scores/scores.service';
import { WorkloadDetailController } from './workloads/workload-detail.controller';
import { WorkloadDetailRepository } from './workloads/workload-detail.repository';
import { WorkloadDetailService } from './workloads/workload-detail.service';
import { ChangesRepository } from './changes/changes.repository';
import { ChangesService } from './changes/changes.service';
import { ClustersController } from './clusters/clusters.controller';
import { ClustersRepository } from './clusters/clusters.repository';
import { ClustersService } from './clusters/clusters.service';
import { CollectorsService } from './collectors/collectors.service';
import { DEMO_CLUSTER, DemoCluster } from './collectors/demo-cluster.provider';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { Db, PRISMA } from './database/prisma';
import { EvaluationService } from './evaluation/evaluation.service';
import { HealthController } from './health/health.controller';
import { LiveGateway } from './live/live.gateway';
import { RetentionJob } from './snapshots/retention.job';
import { RetentionRepository } from './snapshots/retention.repository';
import { SnapshotJob } from './snapshots/snapshot.job';
import { SnapshotRowsRepository } from './snapshots/snapshot-rows.repository';
import { SnapshotsController } from './snapshots/snapshots.controller';
import { SnapshotsRepository } from './snapshots/snapshots.repository';
import { SnapshotsService } from './snapshots/snapshots.service';
import { WorkloadsController } from './workloads/workloads.controller';
import { WorkloadsRepository } from './workloads/workloads.repository';
import { WorkloadsService } from './workloads/workloads.service';

/** What the process sets up before Nest starts: configuration, database client, logger, demo. */
export interface AppDependencies {
  readonly config: AppConfig;
  readonly prisma: Db;
  readonly logger: PinoLogger;
  readonly demo: DemoCluster;
}

@Module({})
export class AppModule {
  static forRoot(deps: AppDependencies): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ScheduleModule.forRoot(),
        LoggerModule.forRoot({
          pinoHttp: {
            logger: deps.logger,
            genReqId: (req, res) => {
              const given = req.headers['x-request-id'];
              const id = typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
              res.setHeader('x-request-id', id);
              return id;
            },
            autoLogging: { ignore: (req) => req.url === '/api/health' },
            customProps: () => ({ context: 'HTTP' }),
          },
        }),
      ],
      controllers: [
        ClustersController,
        ScoresController,
        WorkloadsController,
        WorkloadDetailController,
        NamespacesController,
        PoliciesController,
        ChangesController,
        SnapshotsController,
        DiffController,
        ExplainController,
        HealthController,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: deps.config },
        { provide: PRISMA, useValue: deps.prisma },
        { provide: DEMO_CLUSTER, useValue: deps.demo },
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        LiveGateway,
        ClustersRepository,
        ClustersService,
        CollectorsService,
        EvaluationService,
        SnapshotsRepository,
        SnapshotRowsRepository,
        SnapshotsService,
        SnapshotJob,
        RetentionRepository,
        RetentionJob,
        WorkloadsRepository,
        WorkloadsService,
        ChangesRepository,
        ChangesService,
        WorkloadDetailRepository,
        WorkloadDetailService,
        NamespacesRepository,
        NamespacesService,
        PoliciesRepository,
        PoliciesService,
        ScoresRepository,
        ScoresService,
        DiffRepository,
      ],
    };
  }
}
