import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { DatabaseLogger } from './logger';

const run = promisify(execFile);

/** How long a server that is already shutting down (its owner died) gets to finish. */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Makes `postmaster.pid` in `dataDir` safe to start on. PostgreSQL itself replaces a lock file
 * whose pid is dead, but refuses to start when that pid now belongs to another process (pids
 * are reused after a crash or a container restart): such a file is removed here. A file whose pid
 * is a live server on this data dir is one being shut down by the watchdog of a process that
 * died: wait for it; if it keeps running, another process uses the data dir, which is an error.
 */
export async function clearStaleLock(dataDir: string, logger: DatabaseLogger): Promise<void> {
  const lockFile = path.join(dataDir, 'postmaster.pid');
  const pid = await lockPid(lockFile);
  if (pid === undefined) return;
  if (!isAlive(pid)) {
    logger(
      'info',
      `Found postmaster.pid of a server that is gone (pid ${pid}); PostgreSQL will recover`,
    );
    return;
  }
  if (!(await isServerOf(pid, dataDir))) {
    logger('warn', `Removing stale ${lockFile}: its pid ${pid} now belongs to another process`);
    await fs.rm(lockFile, { force: true });
    return;
  }
  const deadline = Date.now() + SHUTDOWN_GRACE_MS;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (!isAlive(pid)) return;
  }
  throw new Error(
    `PostgreSQL is already running on ${dataDir} (pid ${pid}): another process uses this data ` +
      'directory. Stop it, or use another data directory.',
  );
}

async function lockPid(lockFile: string): Promise<number | undefined> {
  let text: string;
  try {
    text = await fs.readFile(lockFile, 'utf8');
  } catch {
    return undefined;
  }
  const pid = Number.parseInt(text.split('\n')[0] ?? '', 10);
  // A negative pid marks a single-user backend; its absolute value is the process.
  return Number.isFinite(pid) && pid !== 0 ? Math.abs(pid) : undefined;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether `pid` is a postgres process started on `dataDir` (`postgres -D <dataDir> ...`). */
async function isServerOf(pid: number, dataDir: string): Promise<boolean> {
  let commandLine: string[];
  try {
    commandLine = (await fs.readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
  } catch {
    try {
      commandLine = (await run('ps', ['-p', String(pid), '-o', 'command='])).stdout
        .trim()
        .split(/\s+/);
    } catch {
      return true; // Cannot tell: assume the worst and do not touch the lock.
    }
  }
  const program = path.basename(commandLine[0] ?? '');
  const flag = commandLine.indexOf('-D');
  const dataDirArg = flag >= 0 ? commandLine[flag + 1] : undefined;
  return (
    program.startsWith('postgres') &&
    dataDirArg !== undefined &&
    path.resolve(dataDirArg) === dataDir
  );
}
