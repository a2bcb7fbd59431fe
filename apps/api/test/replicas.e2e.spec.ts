import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ClientToServerEvents, ServerToClientEvents } from '@palisade/api-contract';
import { createTestDatabase, TestDatabase } from '@palisade/database/testing';
import { FakeKubeApiServer } from '@palisade/k8s-testing';
import { io, Socket } from 'socket.io-client';
import { ApiProcess, startApi, waitFor, withAdmin, ADMIN_TOKEN } from './api-process';
import { allowFrom, defaultDeny, deployment, namespace } from './cluster-objects';
import { redisAnswers, TEST_REDIS_URL } from './redis-probe';

/**
 * Two built API processes on one machine, one database, one cluster (the fake API server) and,
 * where there is one, one Redis: exactly one replica collects the cluster, the other serves the
 * API from the database; when the collector is killed the other takes over and snapshots go on;
 * socket.io events of the collecting replica reach a browser connected to the other one.
 */
const REDIS = redisAnswers();
const withRedis = REDIS ? it : it.skip;
const NO_REDIS = REDIS ? '' : ` (skipped: no Redis answers at ${TEST_REDIS_URL}; set TEST_REDIS_URL)`;

type Items<T> = { items: T[]; total: number };
type Ready = { status: string; replica: string; clusters: { name: string; collecting: boolean; status?: string }[] };

let fake: FakeKubeApiServer;
let db: TestDatabase;
let dir: string;
let a: ApiProcess;
let b: ApiProcess;
let clusterId: string;

async function get<T = Record<string, unknown>>(api: ApiProcess, pathAndQuery: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${api.url}${pathAndQuery}`, withAdmin());
  return { status: res.status, body: (await res.json()) as T };
}

async function collecting(api: ApiProcess): Promise<boolean> {
  const { body } = await get<Ready>(api, '/api/ready');
  return body.clusters[0]?.collecting === true;
}

async function metric(api: ApiProcess, series: string): Promise<number | undefined> {
  const text = await (await fetch(`${api.url}/api/metrics`, withAdmin())).text();
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

async function snapshotSeqs(api: ApiProcess): Promise<number[]> {
  return (await get<Items<{ seq: number }>>(api, `/api/clusters/${clusterId}/snapshots?limit=100`)).body.items.map((s) => s.seq);
}

function replica(id: string): Promise<ApiProcess> {
  return startApi({
    DATABASE_URL: db.url,
    KUBECONFIG: path.join(dir, 'kubeconfig'),
    PALISADE_DATA_DIR: path.join(dir, id),
    PALISADE_DEMO: 'off',
    PALISADE_REPLICA_ID: id,
    PALISADE_SECRET_KEY: 'ab'.repeat(32),
    CLUSTER_LOCK_RETRY: '1s',
    SNAPSHOT_INTERVAL: '2s',
    SNAPSHOT_ON_CHANGE: '300ms',
    EVALUATION_DEBOUNCE: '50ms',
    ...(REDIS ? { REDIS_URL: TEST_REDIS_URL } : {}),
  });
}

beforeAll(async () => {
  fake = await FakeKubeApiServer.start();
  for (const ns of ['shop', 'billing']) {
    namespace(fake, ns);
    deployment(fake, ns, 'web', { replicas: 2 });
    deployment(fake, ns, 'db');
    defaultDeny(fake, ns);
    allowFrom(fake, ns, 'db-from-web', 'db', 'web');
  }
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-replicas-'));
  fs.writeFileSync(path.join(dir, 'kubeconfig'), fake.kubeconfigYaml('fake'));
  db = await createTestDatabase();
  // A first, so that it is the one holding the lock when B starts.
  a = await replica('replica-a');
  await waitFor('replica A to collect the cluster', async () => ((await collecting(a)) ? true : undefined));
  b = await replica('replica-b');
  const clusters = await waitFor('the cluster to be ok', async () => {
    const { body } = await get<Items<{ id: string; status: string }>>(b, '/api/clusters');
    return body.items[0]?.status === 'ok' ? body.items : undefined;
  });
  clusterId = clusters[0].id;
}, 180_000);

afterAll(async () => {
  await a?.stop('SIGKILL');
  const code = await b?.stop();
  await db?.drop();
  await fake?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  expect(code).toBe(0);
}, 60_000);

describe('several replicas', () => {
  it('has exactly one replica collect the cluster: its status, metrics and logs say which', async () => {
    // B competes every second: give it a few tries to (wrongly) take the lock.
    await new Promise((r) => setTimeout(r, 2500));
    const [readyA, readyB] = [(await get<Ready>(a, '/api/ready')).body, (await get<Ready>(b, '/api/ready')).body];
    expect(readyA).toMatchObject({ status: 'ready', replica: 'replica-a', clusters: [{ name: 'fake', collecting: true, status: 'ok' }] });
    expect(readyB).toMatchObject({ status: 'ready', replica: 'replica-b', clusters: [{ name: 'fake', collecting: false }] });
    expect(await metric(a, 'palisade_cluster_owned{cluster="fake"}')).toBe(1);
    expect(await metric(b, 'palisade_cluster_owned{cluster="fake"}')).toBe(0);
    // Only the collector exports the cluster's gauges, so a sum over replicas counts it once.
    expect(await metric(a, 'palisade_pods{cluster="fake"}')).toBe(6);
    expect(await metric(b, 'palisade_pods{cluster="fake"}')).toBeUndefined();
    expect(a.output()).toContain('collecting cluster: this replica holds its lock');
    expect(b.output()).not.toContain('collecting cluster: this replica holds its lock');
  });

  it('answers the REST API for the cluster on the replica that does not collect it', async () => {
    await waitFor('a snapshot', async () => ((await snapshotSeqs(b)).length > 0 ? true : undefined));
    const cluster = await get<{ status: string; score: number }>(b, `/api/clusters/${clusterId}`);
    expect(cluster.status).toBe(200);
    expect(cluster.body).toMatchObject({ status: 'ok', score: expect.any(Number) });
    const workloads = await get<Items<{ name: string }>>(b, `/api/clusters/${clusterId}/workloads?namespace=shop`);
    expect(workloads.body.items.map((w) => w.name).sort()).toEqual(['db', 'web']);
    // Reachability is computed live by the collecting replica: elsewhere the detail answers
    // from the database, without peers, and explain says the cluster is not evaluated here.
    const detail = await get<{ reachableFromWorkloads: unknown; pods: unknown[] }>(b, `/api/clusters/${clusterId}/workloads/shop/Deployment/web`);
    expect(detail.status).toBe(200);
    expect(detail.body.reachableFromWorkloads).toBeNull();
    expect(detail.body.pods).toHaveLength(2);
    expect((await get<{ reachableFromWorkloads: unknown }>(a, `/api/clusters/${clusterId}/workloads/shop/Deployment/web`)).body.reachableFromWorkloads).not.toBeNull();
    const explain = await get<{ error: { code: string } }>(b, `/api/clusters/${clusterId}/explain?from=shop/web-abc123-0&to=shop/db-abc123-0&port=8080/TCP`);
    expect(explain).toMatchObject({ status: 409, body: { error: { code: 'cluster-not-synced' } } });
  });

  withRedis(`delivers socket.io events of the collecting replica to a client of the other one through Redis${NO_REDIS}`, async () => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(`${b.url}/live`, { transports: ['websocket'], auth: { token: ADMIN_TOKEN } });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect_error', reject);
        socket.emit('subscribe', { clusterIds: [clusterId] }, () => resolve());
      });
      const scored = new Promise<string[]>((resolve) =>
        socket.on('cluster:score', (event) => {
          const names = event.changedWorkloads.map((w) => w.name);
          if (names.includes('adminer')) resolve(names);
        }),
      );
      const stored = new Promise<number>((resolve) => socket.on('snapshot:stored', (event) => resolve(event.seq)));
      deployment(fake, 'shop', 'adminer');
      expect(await scored).toContain('adminer');
      expect(await stored).toBeGreaterThan(0);
    } finally {
      socket.close();
    }
  });

  it('hands the cluster to the other replica within seconds when the collector dies, and snapshots go on', async () => {
    const before = Math.max(...(await snapshotSeqs(b)));
    expect(await a.stop('SIGKILL')).toBeNull();
    const killedAt = Date.now();
    await waitFor('replica B to take the cluster over', async () => ((await collecting(b)) ? true : undefined), 15_000);
    expect(Date.now() - killedAt).toBeLessThan(10_000);
    expect(b.output()).toContain('collecting cluster: this replica holds its lock');
    // The new collector lists the cluster and stores snapshots on its schedule; what changed
    // while nobody collected is in the next one.
    deployment(fake, 'billing', 'reports');
    await waitFor('snapshots by replica B', async () => ((await snapshotSeqs(b)).filter((s) => s > before).length >= 2 ? true : undefined), 20_000);
    const names = (await get<Items<{ name: string }>>(b, `/api/clusters/${clusterId}/workloads?namespace=billing`)).body.items.map((w) => w.name);
    expect(names).toContain('reports');
    expect(await metric(b, 'palisade_cluster_owned{cluster="fake"}')).toBe(1);
    expect(await metric(b, 'palisade_collector_up{cluster="fake"}')).toBe(1);
    expect((await get<Ready>(b, '/api/ready')).body.clusters[0]).toMatchObject({ collecting: true, status: 'ok' });
  }, 60_000);
});
