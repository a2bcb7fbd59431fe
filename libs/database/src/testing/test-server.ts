import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { quoteIdentifier, withDatabase } from '../lib/connection-url';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../lib/embedded-postgres';
import { migrateDatabase, migrationNames } from '../lib/migrate-database';
import { errorMessage, withConnection } from '../lib/postgres-admin';
import { findPrismaDir } from '../lib/prisma-project';

export interface TestServer {
  /** Maintenance URL of the server (database `postgres` or the one TEST_DATABASE_URL names). */
  url: string;
  /** Database holding the migrated schema, copied into each test database. */
  template: string;
  /** The embedded server, when TEST_DATABASE_URL is not set. */
  embedded?: EmbeddedPostgres;
}

/**
 * Jest gives every test file a fresh module registry and global object, so module state cannot
 * hold a per-process server. Node's built-in modules are shared by all test files of a worker:
 * the servers live on one of them, keyed by a global symbol.
 */
const SHARED_KEY = Symbol.for('@palisade/database/testing:servers');

function sharedServers(): Map<string, Promise<TestServer>> {
  const holder = os as unknown as Record<symbol, Map<string, Promise<TestServer>> | undefined>;
  let servers = holder[SHARED_KEY];
  if (!servers) {
    servers = new Map();
    Object.defineProperty(holder, SHARED_KEY, { value: servers, enumerable: false });
  }
  return servers;
}

/**
 * The server of this process: TEST_DATABASE_URL when set, else one embedded PostgreSQL per
 * process (a Jest worker), started on first use with a data directory under os.tmpdir() that is
 * deleted when the process exits. Rejects (loudly, with the reason) when it cannot start.
 */
export function testServer(): Promise<TestServer> {
  const serverUrl = process.env.TEST_DATABASE_URL || undefined;
  const key = serverUrl ?? 'embedded';
  const servers = sharedServers();
  let server = servers.get(key);
  if (!server) {
    server = startTestServer(serverUrl);
    servers.set(key, server);
  }
  return server;
}

async function startTestServer(serverUrl: string | undefined): Promise<TestServer> {
  const prismaDir = findPrismaDir();
  if (serverUrl) {
    try {
      return { url: serverUrl, template: await ensureTemplate(serverUrl, prismaDir) };
    } catch (error) {
      throw new Error(
        `Cannot prepare test databases on TEST_DATABASE_URL: ${errorMessage(error)}`,
        { cause: error },
      );
    }
  }
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'palisade-test-pg-'));
  let embedded: EmbeddedPostgres;
  try {
    embedded = await startEmbeddedPostgres({ dataDir, ephemeral: true, keepProcessAlive: false });
  } catch (error) {
    await fs.rm(dataDir, { recursive: true, force: true });
    throw new Error(
      `Cannot start the embedded PostgreSQL for tests: ${errorMessage(error)}\n` +
        'Fix the cause above, or set TEST_DATABASE_URL to a PostgreSQL server URL.',
      { cause: error },
    );
  }
  try {
    return { url: embedded.url, template: await ensureTemplate(embedded.url, prismaDir), embedded };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}

/**
 * A database with every migration applied, named after the migrations' content so that a
 * long-lived server (TEST_DATABASE_URL) reuses it across runs and workers. An advisory lock
 * serialises its creation; disallowing connections marks it complete (and lets it be copied).
 */
async function ensureTemplate(serverUrl: string, prismaDir: string): Promise<string> {
  const digest = await migrationsDigest(prismaDir);
  const template = `palisade_template_${digest.slice(0, 16)}`;
  const lockKey = BigInt.asIntN(64, BigInt(`0x${digest.slice(0, 16)}`)).toString();
  await withConnection(serverUrl, async (client) => {
    await client.query('SELECT pg_advisory_lock($1::bigint)', [lockKey]);
    try {
      const existing = await client.query<{ datallowconn: boolean }>(
        'SELECT datallowconn FROM pg_database WHERE datname = $1',
        [template],
      );
      if (existing.rows[0]?.datallowconn === false) return;
      if (existing.rows.length > 0) {
        // Left half-migrated by an interrupted run.
        await client.query(`DROP DATABASE ${quoteIdentifier(template)} WITH (FORCE)`);
      }
      await client.query(`CREATE DATABASE ${quoteIdentifier(template)}`);
      await migrateDatabase(withDatabase(serverUrl, template), { prismaDir });
      await client.query(
        `ALTER DATABASE ${quoteIdentifier(template)} WITH ALLOW_CONNECTIONS false`,
      );
    } finally {
      await client.query('SELECT pg_advisory_unlock($1::bigint)', [lockKey]);
    }
  });
  return template;
}

async function migrationsDigest(prismaDir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const name of await migrationNames(prismaDir)) {
    hash.update(name).update('\0');
    hash
      .update(await fs.readFile(path.join(prismaDir, 'migrations', name, 'migration.sql')))
      .update('\0');
  }
  return hash.digest('hex');
}
