import 'reflect-metadata';
import * as path from 'node:path';
import { createPrismaClient, migrateDatabase, resolveDatabase } from '@palisade/database';
import { DEMO_CILIUM_STORY, DEMO_STORY, startDemoCluster, type DemoCluster as StartedDemo } from '@palisade/k8s-testing';
import type { DemoCluster } from './collectors/demo-cluster.provider';
import type { ClusterSource } from './kubernetes/cluster-source';
import { ConfigError, loadConfig } from './config/app-config';
import { closeApp, createApp } from './create-app';
import { createLogger, redactUrl } from './logger';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`palisade: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.log);
  // A library promise nobody awaited must not take every cluster down: log it loudly instead.
  process.on('unhandledRejection', (reason) => logger.error({ context: 'Process', err: reason }, 'unhandled promise rejection'));

  const database = await resolveDatabase({
    databaseUrl: config.database.url,
    dataDir: path.join(config.database.dataDir, 'pg'),
    logger: (level, message) => logger[level === 'debug' ? 'debug' : level]({ context: 'Database' }, message),
  });
  logger.info({ context: 'Database', database: redactUrl(database.url) }, 'database ready; applying migrations');
  await migrateDatabase(database.url);
  const prisma = createPrismaClient(database.url);

  const demos: StartedDemo[] = [];
  const demo: DemoCluster = {
    // Two clusters side by side: Kubernetes policies, and a cluster running Cilium.
    start: async () => {
      const sources: ClusterSource[] = [];
      for (const story of [DEMO_STORY, DEMO_CILIUM_STORY]) {
        const cluster = await startDemoCluster({ story, speed: config.kubernetes.demoSpeed, loop: true });
        demos.push(cluster);
        sources.push({ kind: 'demo', name: story.name, kubeconfigYaml: cluster.server.kubeconfigYaml(story.name) });
      }
      return sources;
    },
    stop: async () => {
      await Promise.all(demos.splice(0).map((cluster) => cluster.stop()));
    },
  };

  const app = await createApp({ config, prisma, logger, demo, databaseUrl: database.url });
  await app.listen(config.http.port, config.http.host);
  logger.info({ context: 'Bootstrap', port: config.http.port }, `Palisade API listening on http://localhost:${config.http.port}/api (docs: /api/docs)`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ context: 'Bootstrap', signal, timeoutMs: config.shutdown.timeoutMs }, 'shutting down: finishing snapshots and deliveries in flight');
    // Bounded: whatever still runs then is cut off (a snapshot transaction rolls back, a leased
    // delivery is retried by the next process once its lease ends).
    const deadline = setTimeout(() => {
      logger.error({ context: 'Bootstrap', timeoutMs: config.shutdown.timeoutMs }, 'shutdown took too long; exiting now');
      process.exit(1);
    }, config.shutdown.timeoutMs);
    deadline.unref();
    let code = 0;
    try {
      await closeApp(app);
      await prisma.$disconnect();
      await database.stop();
      logger.info({ context: 'Bootstrap' }, 'stopped');
    } catch (error) {
      code = 1;
      logger.error({ context: 'Bootstrap', err: error }, 'shutdown failed');
    } finally {
      process.exit(code);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`palisade: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
