import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ClientToServerEvents, ServerToClientEvents } from '@palisade/api-contract';
import { createTestDatabase, restartEmbeddedServer, TestDatabase } from '@palisade/database/testing';
import { FakeKubeApiServer } from '@palisade/k8s-testing';
import { io, Socket } from 'socket.io-client';
import { ApiProcess, startApi, waitFor, withAdmin, ADMIN_TOKEN } from './api-process';
import { allowFrom, defaultDeny, deployment, namespace } from './cluster-objects';

/**
 * End to end: the fake API server, the real client-node inside the built API, a real
 * PostgreSQL, real HTTP and socket.io. The scenario runs in order; each step leaves the cluster
 * as the next one expects.
 */
const TOKEN = 'fake-bearer-s3cr3t-token-value';

let fake: FakeKubeApiServer;
let db: TestDatabase;
let api: ApiProcess;
let clusterId: string;
let dir: string;

async function get<T = Record<string, unknown>>(pathAndQuery: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${api.url}${pathAndQuery}`, withAdmin());
  return { status: res.status, body: (await res.json()) as T };
}

async function post<T = Record<string, unknown>>(pathAndQuery: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${api.url}${pathAndQuery}`, withAdmin({ method: 'POST' }));
  return { status: res.status, body: (await res.json()) as T };
}

type Items<T> = { items: T[]; total: number };
type Workload = { namespace: string; name: string; kind: string; unprotected: boolean; exposed: boolean; ingressIsolated: boolean; score: number };

async function workloads(query = ''): Promise<Workload[]> {
  return (await get<Items<Workload>>(`/api/clusters/${clusterId}/workloads?limit=1000${query}`)).body.items;
}

async function snapshotNow(): Promise<{ seq: number; changes: number }> {
  const res = await post<{ seq: number; changes: number }>(`/api/clusters/${clusterId}/snapshots`);
  expect(res.status).toBe(201);
  return res.body;
}

async function changeKinds(sinceSeq: number): Promise<string[]> {
  const { body } = await get<Items<{ kind: string; seq: number; workload?: string; policy?: string }>>(`/api/clusters/${clusterId}/changes?limit=200`);
  return body.items.filter((c) => c.seq > sinceSeq).map((c) => `${c.kind} ${c.workload ?? c.policy ?? ''}`.trim());
}

beforeAll(async () => {
  fake = await FakeKubeApiServer.start({ token: TOKEN });
  namespace(fake, 'shop');
  deployment(fake, 'shop', 'web', { replicas: 2 });
  deployment(fake, 'shop', 'db');
  defaultDeny(fake, 'shop');
  allowFrom(fake, 'shop', 'db-from-web', 'db', 'web');
  allowFrom(fake, 'shop', 'web-from-web', 'web', 'web');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-e2e-'));
  fs.writeFileSync(path.join(dir, 'kubeconfig'), fake.kubeconfigYaml('fake'));
  db = await createTestDatabase();
  api = await startApi({
    DATABASE_URL: db.url,
    KUBECONFIG: path.join(dir, 'kubeconfig'),
    PALISADE_DATA_DIR: dir,
    PALISADE_DEMO: 'off',
    SNAPSHOT_INTERVAL: '1h',
    SNAPSHOT_ON_CHANGE: '300ms',
    EVALUATION_DEBOUNCE: '50ms',
    LOG_LEVEL: 'info',
  });
  const clusters = await waitFor('the cluster to be listed and ok', async () => {
    const { body } = await get<Items<{ id: string; status: string }>>('/api/clusters');
    return body.items[0]?.status === 'ok' ? body.items : undefined;
  });
  clusterId = clusters[0].id;
}, 120_000);

afterAll(async () => {
  const code = await api?.stop();
  await db?.drop();
  await fake?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  // Graceful shutdown on SIGTERM: the process finishes and exits 0.
  expect(code).toBe(0);
});

describe('the service against a cluster', () => {
  it('lists the cluster as { items, total } with its status and, after the first snapshot, its score', async () => {
    await waitFor('the first snapshot', async () => ((await get<Items<{ lastSnapshotAt: string | null }>>('/api/clusters')).body.items[0].lastSnapshotAt ? true : undefined));
    const { status, body } = await get<Items<Record<string, unknown>>>('/api/clusters');
    expect(status).toBe(200);
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ id: clusterId, name: 'fake', source: 'kubeconfig', status: 'ok', score: expect.any(Number) });
    expect((await get('/api/ready')).status).toBe(200);
  });

  it('serves the workloads of the latest snapshot with their isolation and filters', async () => {
    const all = await workloads();
    expect(all.map((w) => `${w.namespace}/${w.kind}/${w.name}`).sort()).toEqual(['shop/Deployment/db', 'shop/Deployment/web']);
    expect(all.every((w) => w.ingressIsolated && !w.unprotected)).toBe(true);
    expect(await workloads('&unprotected=true')).toEqual([]);
    expect((await get<Items<unknown>>(`/api/clusters/${clusterId}/namespaces`)).body.items).toContainEqual(
      expect.objectContaining({ name: 'shop', defaultDenyIngress: true }),
    );
  });

  it('answers 400 naming the bad parameter, and 404 for an unknown cluster', async () => {
    const bad = await get<{ error: { code: string; message: string } }>(`/api/clusters/${clusterId}/workloads?limit=abc&sort=sideways`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid-request');
    expect(bad.body.error.message).toMatch(/limit/);
    expect(bad.body.error.message).toMatch(/sort/);
    const unknown = await get<{ error: { code: string } }>('/api/clusters/00000000-0000-4000-8000-000000000000/workloads');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('cluster-not-found');
    expect((await get('/api/clusters/not-a-uuid')).status).toBe(400);
  });

  it('publishes an OpenAPI document', async () => {
    const { status, body } = await get<{ paths: Record<string, unknown> }>('/api/docs-json');
    expect(status).toBe(200);
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/clusters', '/api/clusters/{id}/workloads', '/api/clusters/{id}/changes', '/api/clusters/{id}/snapshots']));
  });

  it('pushes a new unprotected workload to /live within a second, then stores its change event', async () => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(`${api.url}/live`, { transports: ['websocket'], auth: { token: ADMIN_TOKEN } });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect_error', reject);
        socket.emit('subscribe', { clusterIds: [clusterId] }, () => resolve());
      });
      const scored = new Promise<number>((resolve) => {
        socket.on('cluster:score', (event) => {
          if (event.changedWorkloads.some((w) => w.name === 'adminer' && w.unprotected)) resolve(Date.now());
        });
      });
      const liveChange = new Promise<string[]>((resolve) =>
        socket.on('cluster:changes', (event) => {
          if (event.source === 'live') resolve(event.changes.map((c) => `${c.kind} ${c.workload ?? ''}`));
        }),
      );
      const before = (await snapshotNow()).seq;
      namespace(fake, 'tools');
      const createdAt = Date.now();
      deployment(fake, 'tools', 'adminer');
      const pushedAt = await scored;
      expect(pushedAt - createdAt).toBeLessThan(1000);
      expect(await liveChange).toContain('WORKLOAD_ADDED_UNPROTECTED Deployment/adminer');
      await waitFor('the stored change event', async () => ((await changeKinds(before)).includes('WORKLOAD_ADDED_UNPROTECTED Deployment/adminer') ? true : undefined));
      expect((await workloads('&unprotected=true')).map((w) => w.name)).toEqual(['adminer']);
    } finally {
      socket.close();
    }
  });

  it('reports the exposure when a policy is deleted', async () => {
    const before = (await snapshotNow()).seq;
    fake.delete('NetworkPolicy', 'shop', 'db-from-web');
    fake.delete('NetworkPolicy', 'shop', 'default-deny');
    await waitFor('the exposure events', async () => {
      const kinds = await changeKinds(before);
      return kinds.includes('WORKLOAD_EXPOSED Deployment/db') && kinds.includes('POLICY_REMOVED shop/db-from-web') ? kinds : undefined;
    });
    expect(await changeKinds(before)).toContain('NAMESPACE_LOST_DEFAULT_DENY');
  });

  it('keeps following the cluster when the watch is dropped or its resourceVersion expires', async () => {
    fake.dropWatches();
    deployment(fake, 'tools', 'after-drop');
    await waitFor('a workload created after the watches dropped', async () => ((await workloads()).some((w) => w.name === 'after-drop') ? true : undefined));
    fake.compact();
    fake.dropWatches();
    deployment(fake, 'tools', 'after-compact');
    await waitFor('a workload created after history was compacted', async () => ((await workloads()).some((w) => w.name === 'after-compact') ? true : undefined));
  });

  it('shows an unreachable API server with its reason, and recovers when it is back', async () => {
    await fake.pause();
    const down = await waitFor('the cluster to be unreachable', async () => {
      const { body } = await get<Items<{ status: string; statusReason?: string }>>('/api/clusters');
      return body.items[0].status === 'unreachable' ? body.items[0] : undefined;
    });
    expect(down.statusReason).toMatch(/: unreachable: [a-z ]+$|answered 5\d\d$/);
    expect((await get('/api/ready')).status).toBe(503);
    await fake.resume();
    deployment(fake, 'tools', 'after-outage');
    await waitFor('the cluster to be ok again with the new workload', async () => {
      const { body } = await get<Items<{ status: string }>>('/api/clusters');
      return body.items[0].status === 'ok' && (await workloads()).some((w) => w.name === 'after-outage') ? true : undefined;
    }, 60_000);
  });

  it('survives a database restart without losing history', async () => {
    const before = await db.prisma.snapshot.count();
    await restartEmbeddedServer();
    // The first statement after the restart may hit a dead pooled connection; the next succeeds.
    await waitFor('a snapshot after the database restart', async () => {
      const res = await post<{ seq: number }>(`/api/clusters/${clusterId}/snapshots`);
      return res.status === 201 ? res.body : undefined;
    }, 30_000);
    expect(await db.prisma.snapshot.count()).toBeGreaterThan(before);
    expect((await get('/api/ready')).status).toBe(200);
  });

  it('adds one row per snapshot of an unchanged cluster (50 snapshots)', async () => {
    await snapshotNow();
    const count = async () => ({
      snapshots: await db.prisma.snapshot.count(),
      objects: await db.prisma.objectVersion.count(),
      scores: await db.prisma.scoreVersion.count(),
      changes: await db.prisma.changeEvent.count(),
    });
    const before = await count();
    for (let i = 0; i < 50; i++) await snapshotNow();
    const after = await count();
    // Versions, scores and events stay as they were; snapshots grow by one row each (at least
    // the 50 asked for: the change trigger may add one when a watch reconnects).
    expect({ ...after, snapshots: 0 }).toEqual({ ...before, snapshots: 0 });
    expect(after.snapshots - before.snapshots).toBeGreaterThanOrEqual(50);
    expect(after.snapshots - before.snapshots).toBeLessThanOrEqual(52);
  });

  it('never prints the cluster credentials', async () => {
    expect(api.output()).not.toContain(TOKEN);
    const { body } = await get('/api/clusters');
    expect(JSON.stringify(body)).not.toContain(TOKEN);
  });
});
