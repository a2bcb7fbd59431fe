import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import { testServerUrl } from '../testing';
import { quoteIdentifier, withDatabase } from './connection-url';
import { migrateDatabase, migrationNames } from './migrate-database';
import { withConnection } from './postgres-admin';
import { runPrismaCli } from './prisma-cli';
import { findPrismaDir } from './prisma-project';

/** Every model of the schema is a table (none maps to another name). */
function modelTables(prismaDir: string): string[] {
  const schema = readFileSync(path.join(prismaDir, 'schema.prisma'), 'utf8');
  return [...schema.matchAll(/^model (\w+) \{/gm)].map((m) => m[1]);
}

describe('migrateDatabase', () => {
  const prismaDir = findPrismaDir();
  let serverUrl: string;
  let databaseUrl: string;
  let database: string;

  beforeAll(async () => {
    serverUrl = await testServerUrl();
    database = `palisade_migrate_${randomBytes(4).toString('hex')}`;
    await withConnection(serverUrl, (client) =>
      client.query(`CREATE DATABASE ${quoteIdentifier(database)}`),
    );
    databaseUrl = withDatabase(serverUrl, database);
  });
  afterAll(async () => {
    await withConnection(serverUrl, (client) =>
      client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`),
    );
  });

  it('applies every migration of prisma/migrations to an empty database, and changes nothing when run again', async () => {
    const expected = await migrationNames(prismaDir);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected[0]).toMatch(/^\d{14}_init$/);

    await migrateDatabase(databaseUrl);
    await migrateDatabase(databaseUrl);

    await withConnection(databaseUrl, async (client) => {
      const ledger = await client.query<{ migration_name: string; applied_steps_count: number }>(
        'SELECT migration_name, applied_steps_count FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name',
      );
      expect(ledger.rows.map((row) => row.migration_name)).toEqual(expected);
      const tables = await client.query<{ table_name: string }>(
        `SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
      );
      expect(tables.rows.map((row) => row.table_name)).toEqual(
        [...modelTables(prismaDir), '_prisma_migrations'].sort(),
      );
    });
  });

  it('throws with the CLI output, password hidden, when migrate deploy fails', async () => {
    const port = await closedPort();
    const unreachable = `postgresql://postgres:s3cret-pw@127.0.0.1:${port}/nowhere`;
    const failure = migrateDatabase(unreachable);
    await expect(failure).rejects.toThrow(
      /prisma migrate deploy failed on postgresql:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/nowhere \(exit code 1\)/,
    );
    await expect(failure).rejects.toThrow(/ECONNREFUSED|Can't reach database server|P1001/);
    await expect(failure).rejects.not.toThrow(/s3cret-pw/);
  });

  it('prisma/migrations produce exactly the schema of schema.prisma (no migration missing)', async () => {
    const { exitCode, output } = await runPrismaCli(
      [
        'migrate',
        'diff',
        '--from-migrations',
        path.join(prismaDir, 'migrations'),
        '--to-schema-datamodel',
        path.join(prismaDir, 'schema.prisma'),
        '--script',
        '--exit-code',
      ],
      { databaseUrl: serverUrl, prismaDir },
    );
    // Exit code 2 and SQL: schema.prisma changed without a migration (npx nx run prisma:migrate-new --name=...).
    expect({
      exitCode,
      output: output.includes('-- This is an empty migration.') ? 'empty' : output,
    }).toEqual({
      exitCode: 0,
      output: 'empty',
    });
  });
});

function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
