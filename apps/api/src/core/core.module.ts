import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ZodValidationPipe } from 'nestjs-zod';
import { DEMO_CLUSTER, DemoCluster } from '../collectors/demo-cluster.provider';
import { ApiExceptionFilter } from '../common/api-exception.filter';
import { CLOCK, systemClock } from '../common/clock';
import { ShutdownState } from '../common/shutdown-state';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Db, PRISMA } from '../database/prisma';

/** What every feature may inject: the configuration, the database client, the demo cluster, the clock. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(deps: { config: AppConfig; prisma: Db; demo: DemoCluster }): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: deps.config },
        { provide: PRISMA, useValue: deps.prisma },
        { provide: DEMO_CLUSTER, useValue: deps.demo },
        { provide: CLOCK, useValue: systemClock },
        ShutdownState,
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
      exports: [APP_CONFIG, PRISMA, DEMO_CLUSTER, CLOCK, ShutdownState],
    };
  }
}
