/**
 * The real service for the live and dashboard benchmarks: the fake Kubernetes API server loaded
 * with a generated cluster, the built API watching it, and (for the dashboard) the built web app.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { FakeKubeApiServer } from '@palisade/k8s-testing';

export interface KubeItem {
  kind: string;
  metadata: { name: string; namespace?: string };
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

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch {
      // Not up yet.
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function loadFakeCluster(items: readonly KubeItem[]): Promise<FakeKubeApiServer> {
  const server = await FakeKubeApiServer.start({ crds: { adminNetworkPolicies: true, clusterNetworkPolicies: true } });
  for (const item of items) {
    if (item.kind === 'Namespace' && server.get('Namespace', undefined, item.metadata.name)) continue;
    server.upsert(item as never);
  }
  return server;
}

/** The admin API token the bench's API starts with (PALISADE_BOOTSTRAP_TOKEN). */
export const BENCH_TOKEN = 'pal_bench-admin-token-not-a-secret';
export const benchAuthorization = { authorization: `Bearer ${BENCH_TOKEN}` };

export interface RunningApi {
  readonly url: string;
  /** The id of the watched cluster, once it is evaluated. */
  readonly clusterId: string;
  stop(): Promise<void>;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  child.kill('SIGTERM');
  return new Promise((r) => child.once('exit', () => r()));
}

/** The built API watching `server` with an embedded PostgreSQL of its own. */
export async function startApi(server: FakeKubeApiServer, apiMain: string, env: Record<string, string> = {}): Promise<RunningApi> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-bench-'));
  fs.writeFileSync(path.join(dir, 'kubeconfig'), server.kubeconfigYaml('bench'));
  const port = await freePort();
  const child = spawn(process.execPath, [apiMain], {
    env: {
      ...(process.env['API_NODE_OPTIONS'] ? { NODE_OPTIONS: process.env['API_NODE_OPTIONS'] } : {}),
      PATH: process.env['PATH'] ?? '',
      HOME: dir,
      API_PORT: String(port),
      API_HOST: '127.0.0.1',
      KUBECONFIG: path.join(dir, 'kubeconfig'),
      PALISADE_DATA_DIR: dir,
      LOG_LEVEL: 'warn',
      PALISADE_BOOTSTRAP_TOKEN: BENCH_TOKEN,
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopChild(child);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const clusterId = await waitFor(
      'the cluster to be evaluated and snapshotted',
      async () => {
        if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
        const body = (await (await fetch(`${url}/api/clusters`, { headers: benchAuthorization })).json()) as {
          items: { id: string; status: string; score: number | null; lastSnapshotAt: string | null }[];
        };
        const cluster = body.items[0];
        return cluster?.status === 'ok' && cluster.score !== null && cluster.lastSnapshotAt !== null ? cluster.id : undefined;
      },
      600_000,
    );
    return { url, clusterId, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** `next start` of the built dashboard in apps/web, proxying to the API. */
export async function startWeb(apiUrl: string, root: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: path.join(root, 'apps', 'web'),
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? os.tmpdir(), API_URL: apiUrl, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor('the dashboard to answer', async () => {
      if (child.exitCode !== null) throw new Error(`the dashboard exited with ${child.exitCode}`);
      return (await fetch(url)).ok ? true : undefined;
    }, 60_000);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { url, stop: () => stopChild(child) };
}
