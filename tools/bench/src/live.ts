/**
 * `npm run bench` (live part): how long from one change in a 10,000-pod cluster to the
 * re-evaluated figures arriving in a browser. The built API runs against the fake API server
 * loaded with a generated cluster; a socket.io client measures.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ClientToServerEvents, ClusterScoreEvent, ServerToClientEvents } from '@palisade/api-contract';
import { io, Socket } from 'socket.io-client';
import { parseFlags } from './args';
import { generateClusterList } from './generate';
import { BENCH_TOKEN, loadFakeCluster, percentile, startApi, type KubeItem } from './service';

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const pods = Number(flags.get('pods') ?? 10_000);
  const rounds = Number(flags.get('rounds') ?? 10);
  const markdown = flags.get('markdown');
  const apiMain = path.resolve(flags.get('api') ?? 'dist/apps/api/main.js');

  const { text } = generateClusterList({ pods, policies: pods / 10, namespaces: pods / 50 });
  const items = (JSON.parse(text) as { items: KubeItem[] }).items;
  const server = await loadFakeCluster(items);
  let api: Awaited<ReturnType<typeof startApi>> | undefined;
  let socket: Socket<ServerToClientEvents, ClientToServerEvents> | undefined;
  try {
    api = await startApi(server, apiMain);
    const { url, clusterId } = api;
    socket = io(`${url}/live`, { transports: ['websocket'], auth: { token: BENCH_TOKEN } });
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
    await api?.stop();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
