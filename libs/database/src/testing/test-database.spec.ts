import { spawnSync } from 'node:child_process';
import { withConnection } from '../lib/postgres-admin';
import {
  createTestDatabase,
  restartEmbeddedServer,
  testServerUrl,
  type TestDatabase,
} from './index';

async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  return withConnection(serverUrl, async (client) => {
    const result = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return result.rows.length === 1;
  });
}

const nameOf = (url: string) => new URL(url).pathname.slice(1);

/** Whether a PostgreSQL server answers at `url`, decided before the tests are collected. */
function probe(url: string): { ok: true } | { ok: false; reason: string } {
  const script = `
    const pg = require(process.argv[1]);
    const client = new pg.Client({ connectionString: process.argv[2], connectionTimeoutMillis: 2000 });
    client.connect().then(() => client.end()).then(
      () => process.exit(0),
      (error) => { process.stderr.write(String(error.message || error.code || error)); process.exit(1); },
    );`;
  const result = spawnSync(process.execPath, ['-e', script, require.resolve('pg'), url], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  return result.status === 0
    ? { ok: true }
    : { ok: false, reason: result.stderr.trim() || `exit ${result.status}` };
}

describe('createTestDatabase', () => {
  const opened: TestDatabase[] = [];
  const open = async () => {
    const db = await createTestDatabase();
    opened.push(db);
    return db;
  };
  afterAll(async () => {
    for (const db of opened) await db.drop();
  });

  it('gives each call its own migrated database: rows written in one are not seen in another', async () => {
    const [a, b] = await Promise.all([open(), open()]);
    expect(nameOf(a.url)).toMatch(/^palisade_test_[0-9a-f]{12}$/);
    expect(nameOf(b.url)).not.toBe(nameOf(a.url));

    await a.prisma.cluster.create({
      data: { name: 'only-in-a', source: 'demo', snapshotIntervalSeconds: 60 },
    });
    expect(await a.prisma.cluster.count()).toBe(1);
    expect(await b.prisma.cluster.count()).toBe(0);
    // Both copies carry the migration ledger of the template.
    const ledger = await b.prisma.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM _prisma_migrations`;
    expect(ledger[0]!.n).toBeGreaterThan(0n);
  });

  it('drop() disconnects the client and removes the database', async () => {
    const serverUrl = await testServerUrl();
    const db = await open();
    await db.prisma.cluster.count();
    expect(await databaseExists(serverUrl, nameOf(db.url))).toBe(true);
    await db.drop();
    await db.drop(); // idempotent
    expect(await databaseExists(serverUrl, nameOf(db.url))).toBe(false);
  });

  (process.env.TEST_DATABASE_URL ? it.skip : it)(
    'restartEmbeddedServer(): the data survives and an existing client works again without being recreated',
    async () => {
      const db = await open();
      await db.prisma.cluster.create({
        data: { name: 'before-restart', source: 'demo', snapshotIntervalSeconds: 60 },
      });
      const urlBefore = await testServerUrl();

      await restartEmbeddedServer();

      expect(await testServerUrl()).toBe(urlBefore);
      expect(await db.prisma.cluster.findMany({ select: { name: true } })).toEqual([
        { name: 'before-restart' },
      ]);
    },
  );

  describe('with TEST_DATABASE_URL', () => {
    const serverUrl =
      process.env.TEST_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
    const answer = probe(serverUrl);
    const title =
      'creates each database on that server from a migrated template, isolated from the others';
    const test = answer.ok ? it : it.skip;

    test(
      answer.ok
        ? title
        : `${title} [skipped: no PostgreSQL answers at ${serverUrl}: ${answer.reason}]`,
      async () => {
        const saved = process.env.TEST_DATABASE_URL;
        process.env.TEST_DATABASE_URL = serverUrl;
        try {
          const [a, b] = await Promise.all([open(), open()]);
          for (const db of [a, b]) {
            expect(new URL(db.url).host).toBe(new URL(serverUrl).host);
            expect(await databaseExists(serverUrl, nameOf(db.url))).toBe(true);
          }
          await a.prisma.cluster.create({
            data: { name: 'on-the-url-server', source: 'demo', snapshotIntervalSeconds: 60 },
          });
          expect(await b.prisma.cluster.count()).toBe(0);
          await a.drop();
          expect(await databaseExists(serverUrl, nameOf(a.url))).toBe(false);
        } finally {
          if (saved === undefined) delete process.env.TEST_DATABASE_URL;
          else process.env.TEST_DATABASE_URL = saved;
        }
      },
    );
  });
});
