// Prisma CLI configuration (generate, migrate). Only the CLI process loads this file: the app
// and the tests build their own client (libs/database). Every command passes
// `--config prisma/prisma.config.ts` (see prisma/project.json).
//
// Prisma 6.19.3 cannot download its native engines here, so the CLI runs the WASM schema
// engine through the pg driver adapter (`engine: 'js'`). That path needs four fixes, all
// confined to this process (docs: docs/environment.md, "Prisma"):
//   1. `prisma generate` with DATABASE_URL unset falls back to downloading libquery_engine:
//      give it a URL that only generate may use, and make the adapter refuse that URL.
//   2. The engine's catalog queries return `name` (oid 19) and `"char"` (oid 18) columns,
//      which adapter-pg rejects (prisma/orm#27403): report them as text (oid 25).
//   3. adapter-pg's connectToShadowDb() reuses the main database and drops the shadow
//      database before closing its pool: use our own.
//   4. The WASM engine leaves 10 s / 60 s timers armed, so commands hang after finishing.
import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { defineConfig } from 'prisma/config';

// Fix 1. A URL nothing can connect to: `generate` needs some URL, never a connection.
const GENERATE_ONLY_URL = 'postgresql://generate-only.invalid:5432/generate-only';
if (!process.env.DATABASE_URL) {
  process.env.DATABASE_URL = GENERATE_ONLY_URL;
}

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url || url === GENERATE_ONLY_URL) {
    throw new Error(
      'DATABASE_URL is not set. Migrate commands need a database, e.g. ' +
        'DATABASE_URL=postgresql://postgres@127.0.0.1:5432/palisade',
    );
  }
  return url;
}

// Fix 2. pg looks up a parser per result field in Result#addFields; adapter-pg then maps
// `field.dataTypeID` to a column type. Rewriting the two catalog types to text before both
// steps keeps their (already textual) values and satisfies the adapter.
const TEXT_OID = 25;
const CATALOG_TEXT_OIDS = new Set([18 /* "char" */, 19 /* name */]);
type FieldDescription = { dataTypeID: number };
const resultPrototype = (
  pg as unknown as { Result: { prototype: { addFields(fields: FieldDescription[]): void } } }
).Result.prototype;
const addFields = resultPrototype.addFields;
resultPrototype.addFields = function addFieldsAsText(fields: FieldDescription[]): void {
  for (const field of fields) {
    if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  }
  addFields.call(this, fields);
};

// Fix 3. A throw-away shadow database on the same server, dropped after its pool is closed.
function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

async function onServer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// The CLI does not always dispose its main adapter (`migrate diff --from-migrations` leaves it
// open): idle pooled connections must not keep the process alive.
function poolConfig(url: string): pg.PoolConfig {
  return { connectionString: url, allowExitOnIdle: true };
}

class CliPrismaPg extends PrismaPg {
  constructor(private readonly url: string) {
    super(poolConfig(url));
  }

  override async connectToShadowDb(): ReturnType<PrismaPg['connectToShadowDb']> {
    const shadow = `prisma_shadow_${randomUUID().replace(/-/g, '')}`;
    await onServer(this.url, `CREATE DATABASE "${shadow}"`);
    const adapter = await new PrismaPg(poolConfig(withDatabase(this.url, shadow))).connect();
    const closePool = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await closePool();
      await onServer(this.url, `DROP DATABASE IF EXISTS "${shadow}" WITH (FORCE)`);
    };
    return adapter;
  }
}

// Fix 4. Timers this long are the engine's idle/keep-alive timers, never work the CLI waits on.
const LONG_TIMER_MS = 5_000;
const originalSetTimeout = globalThis.setTimeout;
const originalSetInterval = globalThis.setInterval;
function unrefLong<T extends typeof setTimeout | typeof setInterval>(original: T): T {
  const wrapped = (...args: Parameters<T>): ReturnType<T> => {
    const timer = (original as (...a: unknown[]) => ReturnType<T>)(...args);
    const delay = Number(args[1] ?? 0);
    if (delay >= LONG_TIMER_MS) (timer as { unref?: () => void }).unref?.();
    return timer;
  };
  return Object.assign(wrapped, original) as unknown as T;
}
globalThis.setTimeout = unrefLong(originalSetTimeout);
globalThis.setInterval = unrefLong(originalSetInterval);

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => new CliPrismaPg(databaseUrl()),
  // Relative to this file.
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
});
