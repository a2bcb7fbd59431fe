import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The built API (dist/apps/api/main.js) in a child process, as users run it. */
/** The admin API token the bench's API starts with (PALISADE_BOOTSTRAP_TOKEN). */
export const BENCH_TOKEN = 'pal_api-bench-admin-token-not-a-secret';

export interface ApiProcess {
  readonly url: string;
  output(): string;
  stop(): Promise<void>;
}

/** dist/apps/api/main.js: beside this bundle (dist/apps/api-bench), else from the working directory. */
export function builtApi(): string {
  for (const candidate of [resolve(__dirname, '../api/main.js'), resolve('dist/apps/api/main.js')]) if (existsSync(candidate)) return candidate;
  throw new Error('dist/apps/api/main.js is missing: build the API first (npx nx run api:build)');
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts the API on a free port against `databaseUrl` with no cluster to watch: no kubeconfig (an
 * empty HOME), no demo, no in-cluster variables. Clusters already in the database are served from it.
 */
export async function startApi(databaseUrl: string): Promise<ApiProcess> {
  const main = builtApi();
  const port = await freePort();
  const home = mkdtempSync(join(tmpdir(), 'palisade-api-bench-home-'));
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [main], {
    env: {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: home,
      API_PORT: String(port),
      API_HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      PALISADE_DATA_DIR: join(home, '.palisade'),
      PALISADE_DEMO: 'off',
      PALISADE_BOOTSTRAP_TOKEN: BENCH_TOKEN,
      SNAPSHOT_INTERVAL: '1h',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(home, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the API exited with ${child.exitCode}:\n${output}`);
    }
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the API did not answer /api/health within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, output: () => output, stop };
}
