import { promises as fs } from 'node:fs';
import path from 'node:path';
import { redactUrl } from './connection-url';
import { silentLogger, type DatabaseLogger } from './logger';
import { withConnection } from './postgres-admin';
import { runPrismaCli } from './prisma-cli';
import { findPrismaDir } from './prisma-project';

export interface MigrateOptions {
  logger?: DatabaseLogger;
  /** The workspace's prisma/ directory; found from the working directory when omitted. */
  prismaDir?: string;
}

/**
 * Applies prisma/migrations to the database at `url` with `prisma migrate deploy` (idempotent).
 * Throws with the CLI's output when it fails, and also when it exits 0 but the ledger
 * (`_prisma_migrations`) does not list every migration as applied: a broken engine setup once
 * "succeeded" while applying nothing.
 */
export async function migrateDatabase(url: string, options: MigrateOptions = {}): Promise<void> {
  const logger = options.logger ?? silentLogger;
  const prismaDir = options.prismaDir ?? findPrismaDir();
  const started = Date.now();
  const { exitCode, output } = await runPrismaCli(['migrate', 'deploy'], {
    databaseUrl: url,
    prismaDir,
    logger,
  });
  if (exitCode !== 0) {
    throw new Error(
      `prisma migrate deploy failed on ${redactUrl(url)} (exit code ${exitCode}):\n${output.trim()}`,
    );
  }
  const expected = await migrationNames(prismaDir);
  const applied = await appliedMigrations(url);
  const missing = expected.filter((name) => !applied.has(name));
  if (missing.length > 0) {
    throw new Error(
      `prisma migrate deploy exited 0 but ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not ` +
        `applied on ${redactUrl(url)}. CLI output:\n${output.trim()}`,
    );
  }
  logger(
    'info',
    `Database ${redactUrl(url)} is migrated (${expected.length} migrations, ${Date.now() - started} ms)`,
  );
}

/** Names of the migration directories, oldest first. */
export async function migrationNames(prismaDir: string): Promise<string[]> {
  const dir = path.join(prismaDir, 'migrations');
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const names: string[] = [];
  for (const entry of entries) {
    if (
      entry.isDirectory() &&
      (await fs.stat(path.join(dir, entry.name, 'migration.sql')).catch(() => null))
    ) {
      names.push(entry.name);
    }
  }
  return names.sort();
}

async function appliedMigrations(url: string): Promise<Set<string>> {
  return withConnection(url, async (client) => {
    const result = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    return new Set(result.rows.map((row) => row.migration_name));
  });
}
