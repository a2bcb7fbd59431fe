import { ChildProcess, spawn } from 'node:child_process';
import * as net from 'node:net';
import * as path from 'node:path';

/** The built API (dist/apps/api/main.js) in a child process, as users run it. */
export interface ApiProcess {
  readonly url: string;
  readonly output: () => string;
  /** SIGTERM by default (graceful); SIGKILL to simulate a crash. Resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const MAIN = path.resolve(__dirname, '../../../dist/apps/api/main.js');

/** The admin API token every test API starts with (PALISADE_BOOTSTRAP_TOKEN). */
export const ADMIN_TOKEN = 'pal_test-admin-token-of-the-e2e-suites';

/** `init` with the admin token's Authorization header. */
export function withAdmin(init: RequestInit = {}): RequestInit {
  return { ...init, headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(init.headers as Record<string, string> | undefined) } };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Every API a test started and has not seen exit. A test that fails between starting and
 * stopping an API must not leave it running: the child does not keep the test runner alive,
 * and is killed when the runner exits.
 */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** `port`: when the test must know the address before the API starts (e.g. an OIDC redirect URI). */
export async function startApi(env: Record<string, string>, options: { port?: number } = {}): Promise<ApiProcess> {
  const port = options.port ?? (await freePort());
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '/tmp',
      API_PORT: String(port),
      API_HOST: '127.0.0.1',
      PALISADE_BOOTSTRAP_TOKEN: ADMIN_TOKEN,
      // The receivers (webhooks, Alertmanager, SMTP) of the tests listen on loopback.
      ALERT_ALLOW_PRIVATE_TARGETS: '127.0.0.0/8',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  running.add(child);
  child.unref();
  for (const stream of [child.stdout, child.stderr]) (stream as (NodeJS.ReadableStream & { unref?: () => void }) | null)?.unref?.();
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  await waitFor('the API to answer /api/health', async () => {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}:\n${output}`);
    const res = await fetch(`${url}/api/health`);
    return res.ok ? true : undefined;
  }, 60_000);
  return {
    url,
    output: () => output,
    stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/**
 * The API watching the clusters of `dir/kubeconfig` (no demo), evaluating and snapshotting soon
 * after each change: what most end-to-end suites need.
 */
export function startWatchingApi(databaseUrl: string, dir: string, env: Record<string, string> = {}): Promise<ApiProcess> {
  return startApi({
    DATABASE_URL: databaseUrl,
    KUBECONFIG: path.join(dir, 'kubeconfig'),
    PALISADE_DATA_DIR: dir,
    PALISADE_DEMO: 'off',
    SNAPSHOT_INTERVAL: '1h',
    SNAPSHOT_ON_CHANGE: '300ms',
    EVALUATION_DEBOUNCE: '50ms',
    LOG_LEVEL: 'warn',
    ...env,
  });
}
