/**
 * `npm run bench` (live part): how long from one change in a 10,000-pod cluster to the
 * re-evaluated figures arriving in a browser. The built API runs against the fake API server
 * loaded with a generated cluster; a socket.io client measures.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ClientToServerEvents, ClusterScoreEvent, ServerToClientEvents } from '@palisade/api-contract';
import { FakeKubeApiServer } from '@palisade/k8s-testing';
import { io, Socket } from 'socket.io-client';
import { parseFlags } from './args';
import { generateClusterList } from './generate';

interface KubeItem {
  kind: string;
  metadata: { name: string; namespace?: string };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
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

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const pods = Number(flags.get('pods') ?? 10_000);
  const rounds = Number(flags.get('rounds') ?? 10);
  const markdown = flags.get('markdown');
  const apiMain = path.resolve(flags.get('api') ?? 'dist/apps/api/main.js');

  const { text } = generateClusterList({ pods, policies: pods / 10, namespaces: pods / 50 });
  const items = (JSON.parse(text) as { items: KubeItem[] }).items;
  const server = await FakeKubeApiServer.start({ crds: { adminNetworkPolicies: true, clusterNetworkPolicies: true } });
  for (const item of items) {
    if (item.kind === 'Namespace' && server.get('Namespace', undefined, item.metadata.name)) continue;
    server.upsert(item as never);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-live-bench-'));
  fs.writeFileSync(path.join(dir, 'kubeconfig'), server.kubeconfigYaml('bench'));
  const port = await freePort();
  const api = spawn(process.execPath, [apiMain], {
    env: { ...(process.env['API_NODE_OPTIONS'] ? { NODE_OPTIONS: process.env['API_NODE_OPTIONS'] } : {}), PATH: process.env['PATH'] ?? '', HOME: dir, API_PORT: String(port), API_HOST: '127.0.0.1', KUBECONFIG: path.join(dir, 'kubeconfig'), PALISADE_DATA_DIR: dir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  let socket: Socket<ServerToClientEvents, ClientToServerEvents> | undefined;
  try {
    const clusterId = await waitFor(
      'the cluster to be evaluated',
      async () => {
        const body = (await (await fetch(`${url}/api/clusters`)).json()) as { items: { id: string; status: string; score: number | null }[] };
        return body.items[0]?.status === 'ok' && body.items[0].score !== null ? body.items[0].id : undefined;
      },
      300_000,
    );
    socket = io(`${url}/live`, { transports: ['websocket'] });
    await new Promise<void>((resolve) => socket?.emit('subscribe', { clusterIds: [clusterId] }, () => resolve()));
    const namespaces = items.filter((i) => i.kind === 'Namespace').map((i) => i.metadata.name).filter((n) => !n.startsWith('kube-'));
    const latencies: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const ns = namespaces[(round * 7) % namespaces.length];
      const name = `bench-new-${round}`;
      const arrived = new Promise<ClusterScoreEvent>((resolve) => {
        const listener = (event: ClusterScoreEvent) => {
          if (event.changedWorkloads.some((w) => w.name === name)) {
            socket?.off('cluster:score', listener);
            resolve(event);
          }
        };
        socket?.on('cluster:score', listener);
      });
      const started = performance.now();
      server.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { namespace: ns, name, labels: { app: name } },
        spec: { containers: [{ name, image: 'nginx', ports: [{ containerPort: 80 }] }] },
        status: { phase: 'Running', podIP: `10.250.${round}.1`, podIPs: [{ ip: `10.250.${round}.1` }] },
      } as never);
      await arrived;
      latencies.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 500));
    }
    const row = `| ${pods.toLocaleString('en-US')} | ${rounds} | ${Math.round(percentile(latencies, 50))} | ${Math.round(percentile(latencies, 95))} | ${Math.round(Math.max(...latencies))} |`;
    const table = ['| pods | changes | p50 ms | p95 ms | max ms |', '|--:|--:|--:|--:|--:|', row].join('\n');
    process.stdout.write(`\nOne new pod -> its workload in a cluster:score event on /live (includes the 100 ms debounce):\n\n${table}\n`);
    if (markdown) fs.writeFileSync(markdown, `${table}\n`);
  } finally {
    socket?.close();
    api.kill('SIGTERM');
    await new Promise((r) => api.once('exit', r));
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
