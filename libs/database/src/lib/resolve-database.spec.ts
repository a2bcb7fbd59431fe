import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testServerUrl } from '../testing';
import { quoteIdentifier, withDatabase } from './connection-url';
import { migrateDatabase } from './migrate-database';
import { withConnection } from './postgres-admin';
import { createPrismaClient } from './prisma-client';
import { resolveDatabase } from './resolve-database';

describe('resolveDatabase', () => {
  it('uses the given URL, creating its database when missing', async () => {
    const serverUrl = await testServerUrl();
    const name = `palisade_resolve_${randomBytes(4).toString('hex')}`;
    const databaseUrl = withDatabase(serverUrl, name);
    try {
      const first = await resolveDatabase({ databaseUrl, dataDir: '/nonexistent/never-used' });
      expect(first).toMatchObject({ url: databaseUrl, embedded: false });
      const second = await resolveDatabase({ databaseUrl, dataDir: '/nonexistent/never-used' });
      expect(second.url).toBe(databaseUrl);
      await second.stop();
      const rows = await withConnection(
        databaseUrl,
        async (client) => (await client.query('SELECT current_database()::text AS name')).rows,
      );
      expect(rows).toEqual([{ name }]);
    } finally {
      await withConnection(serverUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
      );
    }
  });

  it('without a URL starts the embedded server on the data dir: migrate, write, stop, start again, read', async () => {
    const dataDir = path.join(
      await fs.mkdtemp(path.join(os.tmpdir(), 'palisade-resolve-spec-')),
      'pg',
    );
    try {
      const first = await resolveDatabase({ dataDir });
      expect(first.embedded).toBe(true);
      expect(new URL(first.url).pathname).toBe('/palisade');
      await migrateDatabase(first.url);
      const prisma = createPrismaClient(first.url);
      await prisma.cluster.create({
        data: { name: 'persisted', source: 'demo', snapshotIntervalSeconds: 300 },
      });
      await prisma.$disconnect();
      await first.stop();

      const second = await resolveDatabase({ dataDir });
      const again = createPrismaClient(second.url);
      try {
        expect(await again.cluster.findMany({ select: { name: true } })).toEqual([
          { name: 'persisted' },
        ]);
      } finally {
        await again.$disconnect();
        await second.stop();
      }
    } finally {
      await fs.rm(path.dirname(dataDir), { recursive: true, force: true });
    }
  });
});
