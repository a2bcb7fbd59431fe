import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { AppDependencies, AppModule } from './app.module';
import { SnapshotsService } from './snapshots/snapshots.service';

/** The Nest application with its routes under /api and the OpenAPI document at /api/docs. */
export async function createApp(deps: AppDependencies): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(deps), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Palisade API')
      .setDescription('Network isolation of Kubernetes workloads: clusters, snapshots, scores, changes. Every list answers { items, total } and takes limit and offset.')
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, cleanupOpenApiDoc(document), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

/** Lets snapshots in flight finish before the process exits. */
export async function closeApp(app: INestApplication): Promise<void> {
  await app.get(SnapshotsService).drain();
  await app.close();
}
