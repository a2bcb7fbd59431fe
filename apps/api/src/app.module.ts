import { DynamicModule, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { LoggerModule } from 'nestjs-pino';
import type { Logger as PinoLogger } from 'pino';
import { randomUUID } from 'node:crypto';
import { AlertsModule } from './alerts/alerts.module';
import { AuthModule } from './auth/auth.module';
import { ChangesModule } from './changes/changes.module';
import { ClusterOwnershipModule } from './cluster-ownership/cluster-ownership.module';
import { ClustersModule } from './clusters/clusters.module';
import type { DemoCluster } from './collectors/demo-cluster.provider';
import type { AppConfig } from './config/app-config';
import { CoreModule } from './core/core.module';
import type { Db } from './database/prisma';
import { DiffModule } from './diff/diff.module';
import { ExplainModule } from './explain/explain.module';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { NamespacesModule } from './namespaces/namespaces.module';
import { PoliciesModule } from './policies/policies.module';
import { ReportsModule } from './reports/reports.module';
import { ScoresModule } from './scores/scores.module';
import { SnapshotsModule } from './snapshots/snapshots.module';
import { WorkloadsModule } from './workloads/workloads.module';
import { redactQuery, redactQueryObject } from './logger';
import { RequestBodyMiddleware } from './common/request-body.middleware';

/** What the process sets up before Nest starts: configuration, database client, logger, demo. */
export interface AppDependencies {
  readonly config: AppConfig;
  readonly prisma: Db;
  readonly logger: PinoLogger;
  readonly demo: DemoCluster;
  /**
   * The database every replica shares, for the per-cluster locks (a dedicated connection).
   * Unset: this process collects every cluster.
   */
  readonly databaseUrl?: string;
}

@Module({})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestBodyMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }

  static forRoot(deps: AppDependencies): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(deps),
        ClusterOwnershipModule.forRoot({ databaseUrl: deps.databaseUrl }),
        ScheduleModule.forRoot(),
        LoggerModule.forRoot({
          // Every route, in path-to-regexp 8 syntax: the default ('*') makes Nest warn at boot.
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            logger: deps.logger,
            genReqId: (req, res) => {
              const given = req.headers['x-request-id'];
              const id =
                typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
              res.setHeader('x-request-id', id);
              return id;
            },
            autoLogging: { ignore: (req) => req.url === '/api/health' || req.url === '/api/metrics' },
            customProps: () => ({ context: 'HTTP' }),
            // The OIDC callback's code and state are single-use credentials: keep them out of logs.
            serializers: { req: (req: { url?: string; query?: unknown }) => ({ ...req, url: redactQuery(req.url), query: redactQueryObject(req.query) }) },
          },
        }),
        AuthModule,
        ClustersModule,
        ScoresModule,
        WorkloadsModule,
        NamespacesModule,
        PoliciesModule,
        ChangesModule,
        SnapshotsModule,
        DiffModule,
        ExplainModule,
        HealthModule,
        MetricsModule,
        AlertsModule,
        ReportsModule,
      ],
    };
  }
}
