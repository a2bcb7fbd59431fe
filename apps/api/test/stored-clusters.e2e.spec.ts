import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTestDatabase, TestDatabase } from '@palisade/database/testing';
import { FakeKubeApiServer } from '@palisade/k8s-testing';
import { stringify, parse } from 'yaml';
import { ApiProcess, startApi, waitFor, withAdmin } from './api-process';
import { deployment, namespace } from './cluster-objects';

/**
 * Clusters an admin adds through the API with a kubeconfig: watched like configured ones, their
 * credentials sealed in the database and never answered, removable, and back after a restart.
 */

const TOKEN = 'fake-cluster-bearer-token-that-must-stay-secret';
const SECRET_KEY = 'a'.repeat(64);
let fake: FakeKubeApiServer;
let db: TestDatabase;
let dir: string;
let api: ApiProcess | undefined;

type Cluster = { id: string; name: string; source: string; status: string; lastSnapshotAt: string | null };
type Items<T> = { items: T[]; total: number };

const start = () => startApi({ DATABASE_URL: db.url, PALISADE_DATA_DIR: dir, PALISADE_DEMO: 'off', PALISADE_SECRET_KEY: SECRET_KEY, SNAPSHOT_INTERVAL: '2s', CLUSTER_LOCK_RETRY: '500ms', LOG_LEVEL: 'debug' });

async function call<T>(method: string, pathAndQuery: string, body?: unknown, init: RequestInit = withAdmin()): Promise<{ status: number; body: T; text: string }> {
  const running = api;
  if (!running) throw new Error('the API is not running');
  const res = await fetch(`${running.url}${pathAndQuery}`, {
    ...init,
    method,
    headers: { ...(init.headers as Record<string, string>), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, text };
}

const snapshotted = (id: string) =>
  waitFor(`cluster ${id} to be snapshotted`, async () => {
    const { body } = await call<Cluster>('GET', `/api/clusters/${id}`);
    return body.status === 'ok' && body.lastSnapshotAt ? body : undefined;
  }, 30_000);

beforeAll(async () => {
  fake = await FakeKubeApiServer.start({ token: TOKEN });
  namespace(fake, 'shop');
  deployment(fake, 'shop', 'web');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-stored-clusters-'));
  db = await createTestDatabase();
  api = await start();
}, 120_000);

afterAll(async () => {
  await api?.stop();
  await db?.drop();
  await fake?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('clusters added through the API', () => {
  let id: string;

  it('watches a cluster from a pasted kubeconfig: connected, evaluated and snapshotted', async () => {
    const created = await call<Cluster>('POST', '/api/clusters', { name: 'staging', kubeconfig: fake.kubeconfigYaml('staging-admin') });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'staging', source: 'stored', createdBy: 'bootstrap' });
    id = created.body.id;
    await snapshotted(id);
    const workloads = await call<Items<{ name: string; namespace: string }>>('GET', `/api/clusters/${id}/workloads`);
    expect(workloads.body.items).toEqual([expect.objectContaining({ namespace: 'shop', name: 'web' })]);
  });

  it('keeps the kubeconfig sealed: the database holds only ciphertext of the chosen context', async () => {
    const row = await db.prisma.cluster.findUniqueOrThrow({ where: { id } });
    expect(row.sealedKubeconfig).toMatch(/^v1\./);
    expect(row.sealedKubeconfig).not.toContain(TOKEN);
    expect(row.context).toBe('staging-admin');
    expect(row.createdBy).toBe('bootstrap');
  });

  it('refuses another cluster of the same name, an exec kubeconfig and a missing context, saying why', async () => {
    expect((await call('POST', '/api/clusters', { name: 'staging', kubeconfig: fake.kubeconfigYaml() })).status).toBe(409);
    const withExec = parse(fake.kubeconfigYaml()) as { users: { user: Record<string, unknown> }[] };
    withExec.users[0] = { ...withExec.users[0], user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: 'sh', args: ['-c', 'touch /tmp/pwned'] } } };
    const exec = await call<{ error: { message: string } }>('POST', '/api/clusters', { name: 'evil', kubeconfig: stringify(withExec) });
    expect(exec.status).toBe(400);
    expect(exec.body.error.message).toMatch(/runs a command \(exec\)/);
    const context = await call<{ error: { message: string } }>('POST', '/api/clusters', { name: 'other', kubeconfig: fake.kubeconfigYaml(), context: 'nope' });
    expect(context.status).toBe(400);
    expect(context.body.error.message).toMatch(/no context named nope; it has fake/);
    const names = (await call<Items<Cluster>>('GET', '/api/clusters')).body.items.map((c) => c.name);
    expect(names).toEqual(['staging']);
  });

  it('lets only admins add clusters', async () => {
    const viewer = await call<{ secret: string }>('POST', '/api/tokens', { name: 'viewer', role: 'viewer' });
    const operator = await call<{ secret: string }>('POST', '/api/tokens', { name: 'operator', role: 'operator' });
    for (const token of [viewer.body.secret, operator.body.secret]) {
      const res = await call('POST', '/api/clusters', { name: 'sneaky', kubeconfig: fake.kubeconfigYaml() }, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(403);
    }
    expect((await call('POST', '/api/clusters', { name: 'sneaky', kubeconfig: fake.kubeconfigYaml() }, {})).status).toBe(401);
  });

  it('shows wrong credentials as the cluster status, and takes new ones', async () => {
    const broken = (parse(fake.kubeconfigYaml('staging-admin')) as { users: { user: { token: string } }[] });
    broken.users[0]!.user.token = 'not-the-token';
    expect((await call('PUT', `/api/clusters/${id}/kubeconfig`, { kubeconfig: stringify(broken) })).status).toBe(200);
    await waitFor('the bad token to show', async () => {
      const { body } = await call<Cluster>('GET', `/api/clusters/${id}`);
      return body.status === 'unauthorized' ? true : undefined;
    }, 20_000);
    expect((await call('PUT', `/api/clusters/${id}/kubeconfig`, { kubeconfig: fake.kubeconfigYaml('staging-admin') })).status).toBe(200);
    await waitFor('the cluster to be back', async () => ((await call<Cluster>('GET', `/api/clusters/${id}`)).body.status === 'ok' ? true : undefined), 20_000);
  });

  it('comes back after a restart, opened with PALISADE_SECRET_KEY', async () => {
    await api?.stop();
    api = await start();
    const cluster = await waitFor('the stored cluster to be watched again', async () => {
      const { body } = await call<Cluster>('GET', `/api/clusters/${id}`);
      return body.status === 'ok' ? body : undefined;
    }, 30_000);
    expect(cluster.name).toBe('staging');
  });

  it('never answers or logs the cluster token, and records who added, changed and removed clusters', async () => {
    const everything = await Promise.all(['/api/clusters', `/api/clusters/${id}`, '/api/audit?limit=100', '/api/docs-json'].map((p) => call('GET', p)));
    for (const res of everything) expect(res.text).not.toContain(TOKEN);
    expect(api?.output()).not.toContain(TOKEN);
    const audit = await call<Items<{ action: string; target: string; details: Record<string, unknown> }>>('GET', '/api/audit?limit=100');
    expect(audit.body.items.filter((e) => e.target === `cluster:${id}`).map((e) => e.action)).toEqual(['cluster.credentials-replaced', 'cluster.credentials-replaced', 'cluster.created']);
    expect(audit.body.items.find((e) => e.action === 'cluster.created')?.details['kubeconfig']).toBe('[redacted]');
  });

  it('stops watching a removed cluster and deletes it with its history; configured clusters cannot be removed here', async () => {
    expect((await call('DELETE', `/api/clusters/${id}`)).status).toBe(204);
    expect((await call('GET', `/api/clusters/${id}`)).status).toBe(404);
    expect(await db.prisma.snapshot.count({ where: { clusterId: id } })).toBe(0);
    const ready = await call<{ clusters: unknown[] }>('GET', '/api/ready');
    expect(ready.body.clusters).toEqual([]);
    expect((await call('DELETE', `/api/clusters/${id}`)).status).toBe(404);
    // A cluster of the server's kubeconfig is changed there, not through the API.
    const configured = await db.prisma.cluster.create({ data: { name: 'from-kubeconfig', source: 'kubeconfig', snapshotIntervalSeconds: 300 } });
    const refused = await call<{ error: { code: string } }>('DELETE', `/api/clusters/${configured.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('cluster-not-stored');
    expect(await db.prisma.cluster.count({ where: { id: configured.id } })).toBe(1);
  });
});
