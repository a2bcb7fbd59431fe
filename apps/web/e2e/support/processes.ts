import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The built API and the built dashboard as child processes, each in its own process group so
 * stopping it stops everything it started (`next start` and embedded PostgreSQL included).
 */

const ROOT = path.resolve(__dirname, '../../../..');
const API_MAIN = path.join(ROOT, 'dist/apps/api/main.js');
const NEXT_BIN = path.join(ROOT, 'node_modules/next/dist/bin/next');
const WEB_DIR = path.join(ROOT, 'apps/web');

export interface Server {
  readonly url: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
// A safety net: a test run that dies half-way must not leave servers behind.
process.once('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** An error that makes waitFor give up at once (a server that exited will not come back). */
export class FatalError extends Error {}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      if (error instanceof FatalError) throw error;
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function start(
  name: string,
  command: string,
  args: readonly string[],
  options: { cwd: string; env: Record<string, string> },
): { child: ChildProcess; output: () => string; stop: () => Promise<void> } {
  let output = '';
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.add(child);
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    output: () => output,
    stop: async () => {
      killGroup(child, 'SIGTERM');
      const killer = setTimeout(() => killGroup(child, 'SIGKILL'), 8_000);
      await exited;
      clearTimeout(killer);
      // Children of the group that outlived their parent (none expected) go too.
      killGroup(child, 'SIGKILL');
      running.delete(child);
      if (child.exitCode === null && child.signalCode === null) {
        throw new Error(`${name} did not stop`);
      }
    },
  };
}

/** The first admin the API creates at start (PALISADE_ADMIN_USERNAME/PASSWORD). */
export const E2E_ADMIN = { username: 'e2e-admin', password: 'e2e admin password 2026' } as const;

/**
 * An admin API token seeded at start (PALISADE_BOOTSTRAP_TOKEN): the specs' own calls to the API
 * send it as `Authorization: Bearer`. One per test file (Jest loads this module per file).
 */
export const E2E_BOOTSTRAP_TOKEN = `pal_e2e_${randomBytes(24).toString('hex')}`;

/** The headers of the specs' own calls to the API. */
export const apiAuthHeaders = { authorization: `Bearer ${E2E_BOOTSTRAP_TOKEN}` } as const;

const baseEnv = () => ({
  PATH: process.env['PATH'] ?? '/usr/bin:/bin',
  HOME: process.env['HOME'] ?? '/tmp',
});

/**
 * The API with its own embedded PostgreSQL in a fresh directory, watching the built-in demo
 * cluster (the demo story plays in a loop: workloads deployed without policies, protected,
 * exposed again, removed).
 */
export async function startApi(options: {
  port?: number;
  dataDir?: string;
  demoSpeed: number;
  /** The dashboard's address (PALISADE_PUBLIC_URL): links, the setup message, socket origins. */
  publicUrl?: string;
  /** false: no PALISADE_ADMIN_USERNAME/PASSWORD, so the API prints a one-time setup token. */
  firstAdmin?: boolean;
  /** More of the API's settings (LOGIN_MAX_FAILURES, ...). */
  env?: Readonly<Record<string, string>>;
}): Promise<Server & { readonly port: number; readonly dataDir: string }> {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'palisade-web-e2e-'));
  // Embedded PostgreSQL runs as the `postgres` user when we are root: it must reach the directory.
  chmodSync(dataDir, 0o755);
  const server = start('the API', process.execPath, [API_MAIN], {
    cwd: ROOT,
    env: {
      ...baseEnv(),
      // No ~/.kube/config of the machine's: only the demo cluster is watched.
      HOME: dataDir,
      API_PORT: String(port),
      API_HOST: '127.0.0.1',
      PALISADE_DATA_DIR: dataDir,
      PALISADE_DEMO: 'on',
      PALISADE_DEMO_SPEED: String(options.demoSpeed),
      // Stored snapshots make the pages re-read the API; rarely here, so the tests see what the
      // live events alone do.
      SNAPSHOT_ON_CHANGE: '10m',
      LOG_LEVEL: 'warn',
      // The receivers of the alerting tests listen on loopback.
      ALERT_ALLOW_PRIVATE_TARGETS: '127.0.0.0/8',
      ...(options.firstAdmin !== false && {
        PALISADE_ADMIN_USERNAME: E2E_ADMIN.username,
        PALISADE_ADMIN_PASSWORD: E2E_ADMIN.password,
      }),
      PALISADE_BOOTSTRAP_TOKEN: E2E_BOOTSTRAP_TOKEN,
      ...(options.publicUrl && { PALISADE_PUBLIC_URL: options.publicUrl }),
      ...options.env,
    },
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      'the API to be ready',
      async () => {
        if (server.child.exitCode !== null) {
          throw new FatalError(`the API exited with ${server.child.exitCode}:\n${server.output()}`);
        }
        return (await fetch(`${url}/api/ready`)).ok ? true : undefined;
      },
      60_000,
    );
  } catch (error) {
    await server.stop();
    if (options.dataDir === undefined) removeDir(dataDir);
    throw error;
  }
  return { url, port, dataDir, output: server.output, stop: server.stop };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** `next start` of the built dashboard, proxying /api and /socket.io to the API. */
export async function startWeb(apiUrl: string, port?: number): Promise<Server> {
  port ??= await freePort();
  const server = start(
    'the dashboard',
    process.execPath,
    [NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1'],
    {
      cwd: WEB_DIR,
      env: { ...baseEnv(), API_URL: apiUrl, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    },
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor('the dashboard to answer', async () => {
      if (server.child.exitCode !== null) {
        throw new FatalError(
          `the dashboard exited with ${server.child.exitCode}:\n${server.output()}`,
        );
      }
      // Anonymous: answered by the sign-in page (after the redirect).
      return (await fetch(url)).ok ? true : undefined;
    });
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url, output: server.output, stop: server.stop };
}
