import { redactUrl } from './connection-url';
import { startEmbeddedPostgres } from './embedded-postgres';
import { silentLogger, type DatabaseLogger } from './logger';
import { ensureDatabase } from './postgres-admin';

export interface ResolveDatabaseOptions {
  /** Use this server and database (created when missing) instead of the embedded server. */
  databaseUrl?: string;
  /** Data directory of the embedded server, used when no URL is given. */
  dataDir: string;
  /** Port of the embedded server; a free one when omitted. */
  port?: number;
  logger?: DatabaseLogger;
}

export interface ResolvedDatabase {
  url: string;
  /** Whether `url` points at an embedded server started here. */
  embedded: boolean;
  /** Stops the embedded server; nothing to do for a given URL. */
  stop(): Promise<void>;
}

/** The application's database: DATABASE_URL when given, else an embedded PostgreSQL. */
export const EMBEDDED_DATABASE_NAME = 'palisade';

export async function resolveDatabase(options: ResolveDatabaseOptions): Promise<ResolvedDatabase> {
  const logger = options.logger ?? silentLogger;
  if (options.databaseUrl) {
    const outcome = await ensureDatabase(options.databaseUrl);
    if (outcome === 'created')
      logger('info', `Created the database ${redactUrl(options.databaseUrl)}`);
    return { url: options.databaseUrl, embedded: false, stop: async () => undefined };
  }
  const server = await startEmbeddedPostgres({
    dataDir: options.dataDir,
    logger,
    ...(options.port !== undefined ? { port: options.port } : {}),
  });
  try {
    const url = server.databaseUrl(EMBEDDED_DATABASE_NAME);
    await ensureDatabase(url);
    return { url, embedded: true, stop: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
