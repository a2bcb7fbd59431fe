import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTestDatabase, TestDatabase } from '@palisade/database/testing';
import { FakeKubeApiServer } from '@palisade/k8s-testing';
import { parse, stringify } from 'yaml';
import { ApiProcess, startApi, waitFor, withAdmin } from './api-process';
import { deployment, namespace } from './cluster-objects';

/**
 * Three clusters in one kubeconfig: a healthy one, one whose credentials are rejected, and one
 * whose RBAC hides pods. Each shows its own status and reason; the healthy one is unaffected.
 */
type Kubeconfig = { clusters: { name: string }[]; users: { name: string; user: Record<string, unknown> }[]; contexts: { name: string; context: { cluster: string; user: string } }[] };

function merged(entries: { context: string; server: FakeKubeApiServer; token?: string }[]): string {
  const out: Kubeconfig & Record<string, unknown> = { apiVersion: 'v1', kind: 'Config', clusters: [], users: [], contexts: [], 'current-context': entries[0].context };
  for (const { context, server, token } of entries) {
    const one = parse(server.kubeconfigYaml(context)) as Kubeconfig;
    out.clusters.push(...one.clusters.map((c) => ({ ...c, name: context })));
    out.users.push(...one.users.map((u) => ({ ...u, name: context, user: token ? { ...u.user, token } : u.user })));
    out.contexts.push({ name: context, context: { cluster: context, user: context } });
  }
  return stringify(out);
}

let servers: FakeKubeApiServer[] = [];
let db: TestDatabase;
let api: ApiProcess;
let dir: string;

beforeAll(async () => {
  const [healthy, rejecting, hiding] = await Promise.all([
    FakeKubeApiServer.start({ token: 'good-token' }),
    FakeKubeApiServer.start({ token: 'right-token' }),
    FakeKubeApiServer.start({ token: 'good-token' }),
  ]);
  servers = [healthy, rejecting, hiding];
  namespace(healthy, 'shop');
  deployment(healthy, 'shop', 'web');
  hiding.deny('pods');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-multi-'));
  const kubeconfig = path.join(dir, 'config');
  fs.writeFileSync(
    kubeconfig,
    merged([
      { context: 'healthy', server: healthy },
      { context: 'rejected', server: rejecting, token: 'wrong-token' },
      { context: 'rbac', server: hiding },
    ]),
  );
  db = await createTestDatabase();
  api = await startApi({
    DATABASE_URL: db.url,
    KUBECONFIG: kubeconfig,
    PALISADE_CONTEXTS: 'healthy,rejected,rbac',
    PALISADE_DATA_DIR: dir,
    SNAPSHOT_ON_CHANGE: '200ms',
    LOG_LEVEL: 'warn',
  });
}, 120_000);

afterAll(async () => {
  await api?.stop();
  await db?.drop();
  await Promise.all(servers.map((s) => s.stop()));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('several clusters', () => {
  it('shows each cluster with its own status and reason', async () => {
    const byName = await waitFor('three settled clusters', async () => {
      const res = await fetch(`${api.url}/api/clusters`, withAdmin());
      const body = (await res.json()) as { items: { name: string; status: string; statusReason?: string; score: number | null }[] };
      const map = Object.fromEntries(body.items.map((c) => [c.name, c]));
      return map['healthy']?.status === 'ok' && map['healthy'].score !== null && map['rejected']?.status === 'unauthorized' && map['rbac']?.status === 'forbidden'
        ? map
        : undefined;
    }, 30_000);
    expect(byName['rejected'].statusReason).toMatch(/401/);
    expect(byName['rbac'].statusReason).toMatch(/Pod .*forbidden \(403\)/);
  });

  it('keeps serving the healthy cluster', async () => {
    const clusters = (await (await fetch(`${api.url}/api/clusters`, withAdmin())).json()) as { items: { id: string; name: string }[] };
    const healthy = clusters.items.find((c) => c.name === 'healthy');
    const workloads = (await (await fetch(`${api.url}/api/clusters/${healthy?.id}/workloads`, withAdmin())).json()) as { items: { name: string }[] };
    expect(workloads.items.map((w) => w.name)).toEqual(['web']);
    expect((await fetch(`${api.url}/api/ready`)).status).toBe(200);
  });

  it('never logs the tokens', () => {
    expect(api.output()).not.toMatch(/good-token|right-token|wrong-token/);
  });
});
