import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateDatabase, resolveDatabase } from '@palisade/database';
import pg from 'pg';
import { log } from './report';

/** The database a bench writes to: a fresh embedded PostgreSQL, or BENCH_DATABASE_URL. */
export interface BenchDatabase {
  readonly url: string;
  readonly embedded: boolean;
  /** "PostgreSQL 15.x (embedded, default settings)" and the like, for the tables. */
  readonly description: string;
  /** Lines the embedded server prints (its log); nothing for a given URL. */
  onServerLog(listener: (line: string) => void): () => void;
  close(): Promise<void>;
}

export async function openBenchDatabase(keep: boolean): Promise<BenchDatabase> {
  const given = process.env['BENCH_DATABASE_URL'];
  const listeners = new Set<(line: string) => void>();
  let dataDir: string | undefined;
  let stop: () => Promise<void> = async () => undefined;
  let url: string;
  if (given) {
    url = given;
    log(`database: BENCH_DATABASE_URL (${new URL(given).host}${new URL(given).pathname})`);
  } else {
    // Directly in the temporary directory: as root the server runs as user postgres, which
    // must be able to enter (and, for ephemeral servers, delete) it.
    dataDir = mkdtempSync(join(tmpdir(), 'palisade-api-bench-'));
    const started = performance.now();
    const resolved = await resolveDatabase({
      dataDir: join(dataDir, 'pg'),
      logger: (level, message) => {
        if (level === 'debug' && message.startsWith('postgres: ')) for (const l of listeners) l(message.slice('postgres: '.length));
        else if (level !== 'debug') log(`database: ${message}`);
      },
    });
    url = resolved.url;
    stop = () => resolved.stop();
    log(`database: embedded PostgreSQL in ${dataDir} ready in ${Math.round(performance.now() - started)} ms`);
  }
  if (dataDir !== undefined) {
    // Stopped (Ctrl-C, the runner's watchdog): stop the server and delete its data, then exit.
    const dir = dataDir;
    const onSignal = (signal: NodeJS.Signals) => {
      log(`database: ${signal}: stopping the embedded server`);
      void stop()
        .catch(() => undefined)
        .finally(() => {
          if (!keep) rmSync(dir, { recursive: true, force: true });
          process.exit(130);
        });
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  await migrateDatabase(url);
  const version = await query<{ server_version: string }>(url, 'SHOW server_version');
  const description = `PostgreSQL ${version[0]?.server_version ?? '?'} (${given ? 'BENCH_DATABASE_URL' : 'embedded, default settings'})`;
  return {
    url,
    embedded: !given,
    description,
    onServerLog(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await stop();
      if (dataDir !== undefined) {
        if (keep) log(`database: kept the data directory ${dataDir} (start it with resolveDatabase({ dataDir: '${join(dataDir, 'pg')}' }))`);
        else rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/** One statement on a fresh connection (pg, not Prisma: seeding and EXPLAIN want plain SQL). */
export async function query<T extends pg.QueryResultRow = pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  return withClient(url, async (client) => (await client.query<T>(sql, params)).rows);
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export const TABLES = ['Snapshot', 'ObjectVersion', 'ScoreVersion', 'ChangeEvent'] as const;
export type Table = (typeof TABLES)[number];

/** Rows of each history table that belong to one cluster. */
export async function rowCounts(url: string, clusterId: string): Promise<Record<Table, number>> {
  const sql = TABLES.map((t) => `(SELECT count(*) FROM "${t}" WHERE "clusterId" = $1::uuid) AS "${t}"`).join(', ');
  const [row] = await query<Record<Table, string>>(url, `SELECT ${sql}`, [clusterId]);
  return Object.fromEntries(TABLES.map((t) => [t, Number(row[t])])) as Record<Table, number>;
}

/** On-disk size of the history tables with their indexes and TOAST, in bytes. */
export async function historyBytes(url: string): Promise<number> {
  const sql = TABLES.map((t) => `pg_total_relation_size('"${t}"')`).join(' + ');
  const [row] = await query<{ bytes: string }>(url, `SELECT ${sql} AS bytes`);
  return Number(row.bytes);
}
