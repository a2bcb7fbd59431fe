import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTestDatabase, TestDatabase } from '@palisade/database/testing';
import { FakeKubeApiServer } from '@palisade/k8s-testing';
import { ApiProcess, startApi, waitFor, withAdmin } from './api-process';
import { deployment, namespace } from './cluster-objects';

/**
 * Graceful shutdown of the built API: SIGTERM in the middle of a large snapshot lets it commit
 * whole and exits 0; SIGTERM while a webhook is being delivered records that attempt, so the
 * next process does not send it again.
 */
const NAMESPACES = 60;
const DEPLOYMENTS = 8;
const REPLICAS = 3;
const PODS = NAMESPACES * DEPLOYMENTS * REPLICAS;

let fake: FakeKubeApiServer;
let db: TestDatabase;
let dir: string;
let api: ApiProcess | undefined;
let receiver: http.Server;
let hook: string;
/** Requests the receiver got, by idempotency key. */
const received = new Map<string, number>();
/** While set, the receiver answers only after this long (a slow webhook). */
let holdMs = 0;
let onRequest: (() => void) | undefined;

type Items<T> = { items: T[]; total: number };

/** A cluster of NAMESPACES x DEPLOYMENTS x REPLICAS pods, each namespace isolated for ingress. */
function largeCluster(server: FakeKubeApiServer): void {
  for (let n = 0; n < NAMESPACES; n++) {
    const ns = `team-${n}`;
    server.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    server.create({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { namespace: ns, name: 'default-deny' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } });
    for (let d = 0; d < DEPLOYMENTS; d++) {
      const app = `svc-${d}`;
      const labels = { app };
      const template = { metadata: { labels }, spec: { containers: [{ name: app, image: `example/${app}:1`, ports: [{ containerPort: 8080, protocol: 'TCP' }] }] } };
      const owner = server.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { namespace: ns, name: app, labels }, spec: { replicas: REPLICAS, selector: { matchLabels: labels }, template } });
      const rs = server.create({
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: { namespace: ns, name: `${app}-h`, labels, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: app, uid: owner.metadata.uid ?? '', controller: true }] },
        spec: { replicas: REPLICAS, selector: { matchLabels: labels }, template },
      });
      for (let i = 0; i < REPLICAS; i++) {
        const ip = `10.${20 + n}.${d}.${10 + i}`;
        server.create({
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { namespace: ns, name: `${app}-h-${i}`, labels, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${app}-h`, uid: rs.metadata.uid ?? '', controller: true }] },
          spec: { ...template.spec, nodeName: 'node-1' },
          status: { phase: 'Running', podIP: ip, podIPs: [{ ip }] },
        });
      }
    }
  }
}

function start(extra: Record<string, string> = {}): Promise<ApiProcess> {
  return startApi({
    DATABASE_URL: db.url,
    KUBECONFIG: path.join(dir, 'kubeconfig'),
    PALISADE_DATA_DIR: dir,
    PALISADE_DEMO: 'off',
    PALISADE_SECRET_KEY: 'cd'.repeat(32),
    // Snapshots only when asked: the test decides when one is in flight.
    SNAPSHOT_INTERVAL: '1h',
    SNAPSHOT_ON_CHANGE: '0',
    EVALUATION_DEBOUNCE: '50ms',
    SHUTDOWN_TIMEOUT: '20s',
    ...extra,
  });
}

async function synced(target: ApiProcess): Promise<string> {
  const clusters = await waitFor(
    'the cluster to be listed',
    async () => {
      const res = await fetch(`${target.url}/api/clusters`, withAdmin());
      const body = (await res.json()) as Items<{ id: string; status: string }>;
      return body.items[0]?.status === 'ok' ? body.items : undefined;
    },
    60_000,
  );
  return clusters[0].id;
}

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const key = String(req.headers['idempotency-key'] ?? 'none');
      received.set(key, (received.get(key) ?? 0) + 1);
      onRequest?.();
      setTimeout(() => res.writeHead(204).end(), holdMs);
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
  hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  fake = await FakeKubeApiServer.start();
  largeCluster(fake);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-shutdown-'));
  fs.writeFileSync(path.join(dir, 'kubeconfig'), fake.kubeconfigYaml('fake'));
  db = await createTestDatabase();
}, 120_000);

afterAll(async () => {
  await api?.stop('SIGKILL');
  await db?.drop();
  await fake?.stop();
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('graceful shutdown', () => {
  it('lets a snapshot in flight commit whole on SIGTERM, then exits 0', async () => {
    api = await start({ LOG_LEVEL: 'debug' });
    const running = api;
    const clusterId = await synced(running);
    const evaluations = () => running.output().split('"msg":"cluster evaluated"').length - 1;
    // The collector's own first evaluation comes shortly after the sync: wait for it, so that
    // the next one logged is the manual snapshot's.
    await waitFor('the first evaluation', async () => (evaluations() > 0 ? true : undefined), 30_000);
    await new Promise((r) => setTimeout(r, 200));
    const before = evaluations();
    const snapshot = fetch(`${running.url}/api/clusters/${clusterId}/snapshots`, withAdmin({ method: 'POST' })).catch(() => undefined);
    // The manual snapshot evaluates the cluster first (synchronously), then writes for a while:
    // the signal lands once the evaluation is logged, while the write is under way.
    const deadline = Date.now() + 30_000;
    while (evaluations() <= before) {
      if (Date.now() > deadline) throw new Error(`the manual snapshot did not start:\n${running.output()}`);
      await new Promise((r) => setTimeout(r, 2));
    }
    const code = await running.stop('SIGTERM');
    await snapshot;
    const output = api.output();
    api = undefined;
    expect(code).toBe(0);
    const shutdownAt = output.indexOf('shutting down');
    const storedAt = output.indexOf('snapshot stored');
    expect(shutdownAt).toBeGreaterThan(-1);
    // The snapshot was still being written when the signal came, and was finished, not cut.
    expect(storedAt).toBeGreaterThan(shutdownAt);
    expect(output).toContain('released cluster');

    const snapshots = await db.prisma.snapshot.findMany({ where: { clusterId } });
    expect(snapshots.map((s) => ({ seq: s.seq, pods: s.pods }))).toEqual([{ seq: 1, pods: PODS }]);
    const cluster = await db.prisma.cluster.findUniqueOrThrow({ where: { id: clusterId } });
    expect(cluster.lastSeq).toBe(1);
    // Every pod, workload and namespace of the cluster is in it: no partial snapshot.
    expect(await db.prisma.objectVersion.count({ where: { clusterId, kind: 'Pod', fromSeq: 1, toSeq: null } })).toBe(PODS);
    expect(await db.prisma.objectVersion.count({ where: { clusterId, kind: 'Workload', toSeq: null } })).toBe(NAMESPACES * DEPLOYMENTS);
    expect(await db.prisma.objectVersion.count({ where: { clusterId, kind: 'Namespace', name: { startsWith: 'team-' }, toSeq: null } })).toBe(NAMESPACES);
  }, 120_000);

  it('records a webhook delivery in flight on SIGTERM, not ready meanwhile, so it is delivered exactly once across the restart', async () => {
    api = await start({ ALERT_WEBHOOK_URL: hook, ALERT_GRACE: '0s', ALERT_DELIVERY_TIMEOUT: '10s' });
    const clusterId = await synced(api);
    // A namespace without any policy: the new workload is unprotected and exposed.
    namespace(fake, 'tools');
    deployment(fake, 'tools', 'adminer');
    holdMs = 1500;
    const requested = new Promise<void>((resolve) => (onRequest = resolve));
    await waitFor('the change to be evaluated', async () => {
      const res = await fetch(`${api?.url}/api/clusters/${clusterId}/snapshots`, withAdmin({ method: 'POST' }));
      const body = (await res.json()) as { changes?: number };
      return res.status === 201 && (body.changes ?? 0) > 0 ? true : undefined;
    }, 60_000);
    await requested;
    onRequest = undefined;
    // The receiver holds its answer: the delivery is in flight now.
    const url = api.url;
    const stopped = api.stop('SIGTERM');
    // While it finishes, the replica says it is not ready: no new work is sent to it.
    const ready = await waitFor('readiness to say shutting down', async () => {
      const res = await fetch(`${url}/api/ready`);
      return res.status === 503 ? ((await res.json()) as { status: string }) : undefined;
    });
    expect(ready.status).toBe('shutting-down');
    const code = await stopped;
    const first = api.output();
    api = undefined;
    expect(code).toBe(0);
    // The attempt was in flight when the signal came, and was recorded before the exit.
    expect(first.indexOf('"msg":"delivery delivered"')).toBeGreaterThan(first.indexOf('shutting down'));
    expect(first.indexOf('shutting down')).toBeGreaterThan(-1);
    const keys = [...received.entries()];
    expect(keys.length).toBeGreaterThan(0);

    holdMs = 0;
    api = await start({ ALERT_WEBHOOK_URL: hook, ALERT_GRACE: '0s' });
    await synced(api);
    // Several delivery ticks of the new process: nothing is sent again.
    await new Promise((r) => setTimeout(r, 3000));
    for (const [key] of keys) expect(received.get(key)).toBe(1);
    const deliveries = (await (await fetch(`${api.url}/api/deliveries?limit=100`, withAdmin())).json()) as Items<{ status: string; attempts: number }>;
    expect(deliveries.items.length).toBeGreaterThan(0);
    for (const d of deliveries.items) expect(d).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(await api.stop('SIGTERM')).toBe(0);
    api = undefined;
  }, 120_000);
});
