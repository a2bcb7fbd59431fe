import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { DeliveryWorker } from './alerts/deliveries/delivery.worker';
import { AppDependencies, AppModule } from './app.module';
import { corsOptions } from './common/cors-options';
import { securityHeaders } from './common/security-headers';
import { LiveIoAdapter } from './live/live-io.adapter';
import { RedisIoAdapter } from './live/redis-io.adapter';
import { ShutdownState } from './common/shutdown-state';
import { SnapshotsService } from './snapshots/snapshots.service';

/** The Nest application with its routes under /api and the OpenAPI document at /api/docs. */
export async function createApp(deps: AppDependencies): Promise<INestApplication> {
  // Open keep-alive and socket.io connections must not hold a shutdown up.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(deps), {
    bufferLogs: true,
    forceCloseConnections: true,
    // Bodies are parsed by RequestBodyMiddleware: JSON only, size-capped, refusals as API errors.
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  // The client's address (sign-in throttling, audit) through the dashboard's proxy or an ingress (TRUST_PROXY).
  app.set('trust proxy', deps.config.http.trustProxy);
  // Before SwaggerModule.setup, which adds its routes to Express at once.
  app.use(securityHeaders(deps.config.http));
  const cors = corsOptions(deps.config.http.corsOrigins);
  if (cors) app.enableCors(cors);
  app.setGlobalPrefix('api');
  const { redisUrl } = deps.config.replicas;
  const liveOrigins = { corsOrigins: deps.config.http.corsOrigins, publicUrl: deps.config.alerts.publicUrl };
  if (redisUrl) {
    const adapter = new RedisIoAdapter(app, redisUrl, liveOrigins);
    await adapter.connect();
    app.useWebSocketAdapter(adapter);
  } else {
    app.useWebSocketAdapter(new LiveIoAdapter(app, liveOrigins));
  }
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Palisade API')
      .setDescription('Network isolation of Kubernetes workloads: clusters, snapshots, scores, changes. Every list answers { items, total } and takes limit and offset.')
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, cleanupOpenApiDoc(withUniqueSecurity(document)), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

/**
 * A route whose handler overrides its controller's @Access lists each security scheme twice
 * (from both decorators); keep one of each.
 */
function withUniqueSecurity(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path) as { security?: Record<string, string[]>[] }[]) {
      if (!Array.isArray(operation?.security)) continue;
      const seen = new Set<string>();
      operation.security = operation.security.filter((requirement) => {
        const key = JSON.stringify(requirement);
        return seen.has(key) ? false : (seen.add(key), true);
      });
    }
  }
  return document;
}

/**
 * Graceful shutdown: no new snapshot or delivery starts; the snapshot in flight commits (or its
 * transaction rolls back) and the delivery tries in flight are recorded; then the collectors
 * stop, their locks are released (another replica takes over at once) and the app closes.
 */
export async function closeApp(app: INestApplication): Promise<void> {
  app.get(ShutdownState).begin();
  await Promise.all([app.get(SnapshotsService).drain(), app.get(DeliveryWorker).stop()]);
  await app.close();
}
