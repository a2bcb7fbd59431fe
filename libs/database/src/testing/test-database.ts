import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '@palisade/prisma-client';
import { quoteIdentifier, withDatabase } from '../lib/connection-url';
import { withConnection } from '../lib/postgres-admin';
import { createPrismaClient } from '../lib/prisma-client';
import { testServer } from './test-server';

export interface TestDatabase {
  /** URL of this test's own database. */
  url: string;
  /** A client on it; `drop()` disconnects it. */
  prisma: PrismaClient;
  /** Disconnects the client and drops the database. Call it in afterAll/afterEach. */
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database `palisade_test_<random>` for an integration test, copied from the
 * template database of this process's test server (TEST_DATABASE_URL, else an embedded
 * PostgreSQL started once per Jest worker). Throws when no server can be had, so that a suite
 * never passes without running.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = await testServer();
  const name = `palisade_test_${randomBytes(6).toString('hex')}`;
  await withConnection(server.url, (client) =>
    client.query(
      `CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE ${quoteIdentifier(server.template)}`,
    ),
  );
  const url = withDatabase(server.url, name);
  const prisma = createPrismaClient(url, { maxConnections: 5, allowExitOnIdle: true });
  let dropped = false;
  return {
    url,
    prisma,
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await prisma.$disconnect();
      await withConnection(server.url, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
      );
    },
  };
}

/** URL of this process's test server (for tests that create databases themselves). */
export async function testServerUrl(): Promise<string> {
  return (await testServer()).url;
}

/**
 * Stops and starts this process's embedded test server on the same port and data: simulates a
 * database restart. Open connections break; clients must recover on their own.
 */
export async function restartEmbeddedServer(): Promise<void> {
  const server = await testServer();
  if (!server.embedded) {
    throw new Error(
      'restartEmbeddedServer() needs the embedded test server, but TEST_DATABASE_URL is set',
    );
  }
  await server.embedded.restart();
}
