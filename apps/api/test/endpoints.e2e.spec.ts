import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTestDatabase, TestDatabase } from '@palisade/database/testing';
import { FakeKubeApiServer } from '@palisade/k8s-testing';
import { ApiProcess, startApi, waitFor, withAdmin } from './api-process';
import { allowFrom, defaultDeny, deployment, namespace } from './cluster-objects';

/**
 * End to end, endpoint by endpoint: the fake API server, the built API in a child process, a
 * real PostgreSQL, real HTTP. Change snapshots are off (SNAPSHOT_ON_CHANGE=0s), so every
 * snapshot is one this scenario takes and their sequence numbers are known:
 *
 *   seq 1  shop: web (2 pods), db; default-deny, db-from-web, web-from-web.  tools: adminer.
 *   seq 2  db-from-web changed (an extra rule that changes no reach); tools/phpmyadmin added.
 *   seq 3  default-deny and db-from-web deleted: shop/db loses its isolation and is exposed.
 *   seq 4  an unchanged cluster (POST /snapshots).
 *
 * The steps run in order; each leaves the cluster as the next one expects.
 */
const TOKEN = 'fake-bearer-endpoints-token';

let fake: FakeKubeApiServer;
let db: TestDatabase;
let api: ApiProcess;
let clusterId: string;
let dir: string;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Items<T = Json> = { items: T[]; total: number };
type ErrorBody = { error: { code: string; message: string; [extra: string]: unknown } };

async function get<T = Json>(pathAndQuery: string): Promise<{ status: number; body: T; type: string }> {
  const res = await fetch(`${api.url}${pathAndQuery}`, withAdmin());
  const type = res.headers.get('content-type') ?? '';
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Left as text: the assertions on `type` and `body` say what was expected.
  }
  return { status: res.status, body: body as T, type };
}

async function post<T = Json>(pathAndQuery: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${api.url}${pathAndQuery}`, withAdmin({ method: 'POST' }));
  return { status: res.status, body: (await res.json()) as T };
}

const c = (suffix: string) => `/api/clusters/${clusterId}${suffix}`;

/** Asserts the uniform error shape and returns the error. */
function expectError(res: { status: number; body: unknown; type: string }, status: number, code: string): ErrorBody['error'] {
  expect({ status: res.status, code: (res.body as ErrorBody)?.error?.code }).toEqual({ status, code });
  expect(res.type).toMatch(/application\/json/);
  expect(typeof (res.body as ErrorBody).error.message).toBe('string');
  expect((res.body as ErrorBody).error.message.length).toBeGreaterThan(0);
  return (res.body as ErrorBody).error;
}

async function names(query: string): Promise<string[]> {
  const res = await get<Items>(c(`/workloads?limit=1000${query}`));
  expect(res.status).toBe(200);
  return res.body.items.map((w) => w.name as string);
}

async function snapshotNow(): Promise<{ seq: number; takenAt: string; changes: number }> {
  const res = await post<{ seq: number; takenAt: string; changes: number }>(c('/snapshots'));
  expect(res.status).toBe(201);
  return res.body;
}

async function explain(from: string, to: string, port = '8080/TCP') {
  return get(c(`/explain?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&port=${encodeURIComponent(port)}`));
}

const peer = (w: Json) => `${w.namespace}/${w.kind}/${w.name}`;

/** What each snapshot's takenAt was, by seq (filled as the scenario takes them). */
const takenAt = new Map<number, string>();

beforeAll(async () => {
  fake = await FakeKubeApiServer.start({ token: TOKEN });
  namespace(fake, 'shop');
  deployment(fake, 'shop', 'web', { replicas: 2 });
  deployment(fake, 'shop', 'db');
  defaultDeny(fake, 'shop');
  allowFrom(fake, 'shop', 'db-from-web', 'db', 'web');
  allowFrom(fake, 'shop', 'web-from-web', 'web', 'web');
  namespace(fake, 'tools');
  deployment(fake, 'tools', 'adminer');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-endpoints-'));
  fs.writeFileSync(path.join(dir, 'kubeconfig'), fake.kubeconfigYaml('fake'));
  db = await createTestDatabase();
  api = await startApi({
    DATABASE_URL: db.url,
    KUBECONFIG: path.join(dir, 'kubeconfig'),
    PALISADE_DATA_DIR: dir,
    PALISADE_DEMO: 'off',
    SNAPSHOT_INTERVAL: '1h',
    SNAPSHOT_ON_CHANGE: '0s',
    EVALUATION_DEBOUNCE: '20ms',
    LOG_LEVEL: 'info',
  });
  const clusters = await waitFor('the cluster to be listed and ok', async () => {
    const { body } = await get<Items<{ id: string; status: string }>>('/api/clusters');
    return body.items?.[0]?.status === 'ok' ? body.items : undefined;
  });
  clusterId = clusters[0].id;
  // The first snapshot, once the collector has listed everything (409 until then).
  const first = await waitFor('the first snapshot', async () => {
    const res = await post<{ seq: number; takenAt: string }>(c('/snapshots'));
    return res.status === 201 ? res.body : undefined;
  });
  expect(first.seq).toBe(1);
  takenAt.set(1, first.takenAt);
}, 120_000);

afterAll(async () => {
  const code = await api?.stop();
  await db?.drop();
  await fake?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  expect(code).toBe(0);
});

describe('the API endpoint by endpoint', () => {
  describe('at snapshot 1', () => {
    it('GET /clusters/:id answers the one cluster, as listed; an unknown id is 404 cluster-not-found', async () => {
      const one = await get(c(''));
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ id: clusterId, name: 'fake', source: 'kubeconfig', status: 'ok', score: expect.any(Number), lastSnapshotAt: takenAt.get(1) });
      const list = await get<Items>('/api/clusters');
      expect(list.body.items.find((x) => x.id === clusterId)).toEqual(one.body);
      expectError(await get('/api/clusters/00000000-0000-4000-8000-000000000000'), 404, 'cluster-not-found');
    });

    it('pages lists with limit and offset, the total unchanged', async () => {
      const all = await get<Items>(c('/workloads?sort=name'));
      expect(all.status).toBe(200);
      expect(all.body.total).toBe(3);
      expect(all.body.items.map((w) => w.name)).toEqual(['adminer', 'db', 'web']);
      const page = await get<Items>(c('/workloads?sort=name&limit=1&offset=1'));
      expect(page.body).toEqual({ items: [all.body.items[1]], total: 3 });
      const past = await get<Items>(c('/workloads?sort=name&limit=2&offset=2'));
      expect(past.body).toEqual({ items: [all.body.items[2]], total: 3 });
      const beyond = await get<Items>(c('/workloads?sort=name&offset=10'));
      expect(beyond.body).toEqual({ items: [], total: 3 });
      expectError(await get(c('/workloads?limit=0')), 400, 'invalid-request');
      expectError(await get(c('/workloads?limit=1001')), 400, 'invalid-request');
      expectError(await get(c('/workloads?offset=-1')), 400, 'invalid-request');
      expect((await get<Items>('/api/clusters?limit=1&offset=1')).body).toEqual({ items: [], total: 1 });
    });

    it('filters workloads: unprotected, exposed, namespace, q (name or namespace, any case)', async () => {
      const all = (await get<Items>(c('/workloads'))).body.items;
      const byName = new Map(all.map((w) => [w.name as string, w]));
      expect(byName.get('adminer')).toMatchObject({ namespace: 'tools', kind: 'Deployment', unprotected: true, exposed: true, ingressIsolated: false, pods: 1 });
      expect(byName.get('db')).toMatchObject({ namespace: 'shop', unprotected: false, exposed: false, ingressIsolated: true, pods: 1 });
      expect(byName.get('web')).toMatchObject({ namespace: 'shop', unprotected: false, exposed: false, ingressIsolated: true, pods: 2 });

      expect(await names('&unprotected=true')).toEqual(['adminer']);
      expect((await names('&unprotected=false&sort=name'))).toEqual(['db', 'web']);
      expect(await names('&exposed=true')).toEqual(['adminer']);
      expect(await names('&exposed=false&sort=name')).toEqual(['db', 'web']);
      expect(await names('&namespace=shop&sort=name')).toEqual(['db', 'web']);
      expect(await names('&namespace=tools')).toEqual(['adminer']);
      expect(await names('&namespace=nowhere')).toEqual([]);
      expect(await names('&q=ADMIN')).toEqual(['adminer']);
      expect(await names('&q=SHO&sort=name')).toEqual(['db', 'web']); // the namespace matches
      expect(await names('&q=oOl')).toEqual(['adminer']); // "tools"
      expect(await names('&q=e&sort=name')).toEqual(['adminer', 'web']);
      expect(await names('&q=zzz')).toEqual([]);
      expect(await names('&namespace=shop&q=WE')).toEqual(['web']);
      const counted = await get<Items>(c('/workloads?namespace=shop&limit=1'));
      expect(counted.body.total).toBe(2);
      expectError(await get(c('/workloads?unprotected=yes')), 400, 'invalid-request');
    });

    it('matches q as literal text: % and _ are not wildcards', async () => {
      // "q (text in name or namespace)": no name or namespace here holds a % or an _.
      const found: Record<string, string[]> = {};
      for (const q of ['%', '_', 'd%b', 'w_b']) found[q] = await names(`&q=${encodeURIComponent(q)}`);
      expect(found).toEqual({ '%': [], _: [], 'd%b': [], w_b: [] });
    });

    it('sorts workloads by score, -score, name, -name, reachableFrom, -reachableFrom', async () => {
      const all = (await get<Items>(c('/workloads?limit=1000'))).body.items;
      const w = new Map(all.map((x) => [x.name as string, x]));
      // adminer is open (score 0, reached by all 3 other pods); db is reached by the 2 web pods;
      // web only by the other web pod.
      expect([w.get('adminer')!.score, w.get('adminer')!.reachableFrom]).toEqual([0, 3]);
      expect(w.get('db')!.reachableFrom).toBe(2);
      expect(w.get('web')!.reachableFrom).toBe(1);
      expect(w.get('adminer')!.score).toBeLessThan(w.get('db')!.score);
      expect(w.get('db')!.score).toBeLessThan(w.get('web')!.score);

      expect(await names('&sort=score')).toEqual(['adminer', 'db', 'web']);
      expect(await names('')).toEqual(['adminer', 'db', 'web']); // score is the default
      expect(await names('&sort=-score')).toEqual(['web', 'db', 'adminer']);
      expect(await names('&sort=name')).toEqual(['adminer', 'db', 'web']);
      expect(await names('&sort=-name')).toEqual(['web', 'db', 'adminer']);
      expect(await names('&sort=reachableFrom')).toEqual(['web', 'db', 'adminer']);
      expect(await names('&sort=-reachableFrom')).toEqual(['adminer', 'db', 'web']);
      expect(await names('&sort=namespace')).toEqual(['db', 'web', 'adminer']);
      expect(await names('&sort=-namespace')).toEqual(['adminer', 'db', 'web']);
    });

    it('GET a workload: its pods, the policies selecting it with YAML, who reaches it and whom it reaches', async () => {
      const res = await get(c('/workloads/shop/Deployment/db'));
      expect(res.status).toBe(200);
      const d = res.body;
      const listed = (await get<Items>(c('/workloads?namespace=shop&q=db'))).body.items[0];
      // The listed fields, except `pods`, which the detail gives as the pods themselves.
      const { pods: podCount, ...fields } = listed;
      expect(d).toMatchObject(fields);
      expect(d.pods.map((p: Json) => p.name)).toEqual(['db-abc123-0']);
      expect(d.pods).toHaveLength(podCount);
      expect(d.pods[0]).toMatchObject({ ips: [expect.any(String)], labels: { app: 'db' }, workload: { kind: 'Deployment', name: 'db' } });
      expect((await get(c('/workloads/shop/Deployment/web'))).body.pods.map((p: Json) => p.name)).toEqual(['web-abc123-0', 'web-abc123-1']);
      const policies = d.policies as Json[];
      expect(policies.map((p) => p.id).sort()).toEqual(['shop/db-from-web', 'shop/default-deny']);
      for (const p of policies) {
        expect(p).toMatchObject({ kind: 'NetworkPolicy', namespace: 'shop' });
        expect(typeof p.yaml).toBe('string');
        expect(p.yaml).toContain('kind: NetworkPolicy');
        expect(p.yaml).toContain(`name: ${p.name}`);
      }
      expect(policies.find((p) => p.name === 'db-from-web')!.yaml).toMatch(/app: web/);
      expect(d.reachableFromWorkloads).toEqual([{ namespace: 'shop', kind: 'Deployment', name: 'web', pods: 2, audited: true }]);
      // db's egress is open: it reaches adminer (open) but not web (which admits only web).
      expect(d.reachableToWorkloads.map(peer)).toEqual(['tools/Deployment/adminer']);
      expect(d.changes).toEqual([]); // the first snapshot is the baseline

      const adminer = (await get(c('/workloads/tools/Deployment/adminer'))).body;
      expect(adminer.policies).toEqual([]);
      expect(adminer.reachableFromWorkloads.map(peer)).toEqual(['shop/Deployment/db', 'shop/Deployment/web']);
      expect(adminer.reachableFromWorkloads.find((p: Json) => p.name === 'web').pods).toBe(2);

      expectError(await get(c('/workloads/shop/Deployment/nope')), 404, 'workload-not-found');
      expectError(await get(c('/workloads/nowhere/Deployment/db')), 404, 'workload-not-found');
    });

    it('GET namespaces: default deny per direction, score and counts, worst first', async () => {
      const res = await get<Items>(c('/namespaces'));
      expect(res.status).toBe(200);
      // The fake API server, like a real one, has an empty "default" namespace: no pods, no score,
      // listed after the scored ones.
      expect(res.body.total).toBe(3);
      expect(res.body.items.map((n) => n.name)).toEqual(['tools', 'shop', 'default']);
      const [tools, shop, empty] = res.body.items;
      expect(empty).toMatchObject({ name: 'default', score: null, pods: 0, workloads: 0, defaultDenyIngress: false });
      expect(shop).toMatchObject({ name: 'shop', defaultDenyIngress: true, defaultDenyEgress: false, workloads: 2, pods: 3, networkPolicies: 3, unprotectedWorkloads: 0, exposedWorkloads: 0, ingressIsolatedPods: 3, egressIsolatedPods: 0 });
      expect(tools).toMatchObject({ name: 'tools', defaultDenyIngress: false, defaultDenyEgress: false, workloads: 1, pods: 1, networkPolicies: 0, unprotectedWorkloads: 1, exposedWorkloads: 1, score: 0 });
      // A namespace's score is the mean of its pods' scores.
      const w = new Map((await get<Items>(c('/workloads'))).body.items.map((x) => [x.name as string, x.score as number]));
      expect(shop.score).toBeCloseTo((2 * w.get('web')! + w.get('db')!) / 3, 1);
      const page = await get<Items>(c('/namespaces?limit=1&offset=1'));
      expect(page.body).toEqual({ items: [shop], total: 3 });
    });

    it('GET policies: every current policy with its YAML, what it selects and since when; paged', async () => {
      const res = await get<Items>(c('/policies'));
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(3);
      expect(res.body.items.map((p) => p.id)).toEqual(['shop/db-from-web', 'shop/default-deny', 'shop/web-from-web']);
      const byName = new Map(res.body.items.map((p) => [p.name as string, p]));
      expect(byName.get('default-deny')).toMatchObject({ kind: 'NetworkPolicy', namespace: 'shop', selectsWorkloads: 2, since: takenAt.get(1), removedAt: null });
      expect(byName.get('db-from-web')!.selectsWorkloads).toBe(1);
      expect(byName.get('web-from-web')!.selectsWorkloads).toBe(1);
      for (const p of res.body.items) expect(p.yaml).toContain('kind: NetworkPolicy');
      expect((await get<Items>(c('/policies?limit=1&offset=1'))).body).toEqual({ items: [res.body.items[1]], total: 3 });
      expect((await get<Items>(c('/policies?namespace=tools'))).body).toEqual({ items: [], total: 0 });
      expect((await get<Items>(c('/policies?kind=AdminNetworkPolicy'))).body).toEqual({ items: [], total: 0 });
    });

    it('GET /explain: allowed and denied, naming the deciding policies; bad peers and ports are 400', async () => {
      const allowed = await explain('shop/web-abc123-0', 'shop/db-abc123-0');
      expect(allowed.status).toBe(200);
      expect(allowed.body).toMatchObject({ from: 'shop/web-abc123-0', to: 'shop/db-abc123-0', port: { port: 8080, protocol: 'TCP' }, allowed: true, self: false });
      expect(allowed.body.ingress).toMatchObject({ allowed: true, decidedBy: 'networkPolicy' });
      expect([...allowed.body.ingress.isolatedBy].sort()).toEqual(['shop/db-from-web', 'shop/default-deny']);
      expect(allowed.body.ingress.rules.map((r: Json) => r.policy)).toEqual(['shop/db-from-web']);
      expect(allowed.body.egress).toMatchObject({ allowed: true, decidedBy: 'default' });
      expect(allowed.body.lines[0]).toMatch(/^ALLOWED/);
      expect(allowed.body.lines.join('\n')).toContain('shop/db-from-web');

      const denied = await explain('tools/adminer-abc123-0', 'shop/db-abc123-0', '8080/tcp');
      expect(denied.status).toBe(200);
      expect(denied.body).toMatchObject({ allowed: false, port: { port: 8080, protocol: 'TCP' } });
      expect(denied.body.ingress).toMatchObject({ allowed: false, decidedBy: 'networkPolicy', rules: [] });
      expect([...denied.body.ingress.isolatedBy].sort()).toEqual(['shop/db-from-web', 'shop/default-deny']);
      expect(denied.body.lines[0]).toMatch(/^DENIED/);
      expect(denied.body.lines.join('\n')).toMatch(/DENIED.*shop\/default-deny|DENIED.*shop\/db-from-web/);

      // The port a policy names ("http" = 8080) decides: another port of the same pair is denied.
      expect((await explain('shop/web-abc123-0', 'shop/db-abc123-0', '9090')).body.allowed).toBe(false);

      // An address outside the cluster: its egress is not the cluster's to judge; db's ingress denies.
      const outside = await explain('203.0.113.7', 'shop/db-abc123-0');
      expect(outside.status).toBe(200);
      expect(outside.body).toMatchObject({ allowed: false, egress: null, ingress: { allowed: false, decidedBy: 'networkPolicy' } });
      // A pod's address is that pod.
      const webIp = (await get(c('/workloads/shop/Deployment/web'))).body.pods[0].ips[0] as string;
      const byIp = await explain(webIp, 'shop/db-abc123-0');
      expect(byIp.body).toMatchObject({ allowed: true, from: `shop/web-abc123-0 (${webIp})` });

      const unknown = expectError(await explain('shop/ghost', 'shop/db-abc123-0'), 400, 'peer-not-found');
      expect(unknown.message).toContain('shop/ghost');
      expectError(await explain('shop/web-abc123-0', 'nowhere/ghost'), 400, 'peer-not-found');
      for (const port of ['http', '80/ICMP', '70000', '0/TCP']) {
        const bad = expectError(await explain('shop/web-abc123-0', 'shop/db-abc123-0', port), 400, 'invalid-request');
        expect(bad.message).toMatch(/port/);
      }
      const missing = expectError(await get(c('/explain?from=shop/web-abc123-0&to=shop/db-abc123-0')), 400, 'invalid-request');
      expect(missing.message).toMatch(/port/);
    });
  });

  describe('across snapshots 2 and 3', () => {
    it('takes snapshot 2 after a policy change and a new open workload', async () => {
      // db-from-web gains a first rule (from pods that do not exist): no reach changes, but the
      // rule admitting web moves to index 1, which /explain shows once the collector has it.
      fake.update({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { namespace: 'shop', name: 'db-from-web' },
        spec: {
          podSelector: { matchLabels: { app: 'db' } },
          ingress: [
            { from: [{ podSelector: { matchLabels: { app: 'nobody' } } }], ports: [{ port: 'http' }] },
            { from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 'http' }] },
          ],
        },
      });
      deployment(fake, 'tools', 'phpmyadmin');
      await waitFor('the collector to see the changed policy', async () => {
        const { body } = await explain('shop/web-abc123-0', 'shop/db-abc123-0');
        return body.ingress?.rules?.[0]?.index === 1 ? true : undefined;
      });
      await waitFor('the collector to see the new deployment', async () => {
        const { body } = await get(c('/workloads/tools/Deployment/adminer'));
        return body.reachableToWorkloads?.some((p: Json) => p.name === 'phpmyadmin' && p.kind === 'Deployment') ? true : undefined;
      });
      const second = await snapshotNow();
      expect(second.seq).toBe(2);
      expect(second.changes).toBeGreaterThanOrEqual(2);
      takenAt.set(2, second.takenAt);
      expect(await names('&unprotected=true&sort=name')).toEqual(['adminer', 'phpmyadmin']);
    });

    it('takes snapshot 3 after two policies are deleted and db is exposed', async () => {
      fake.delete('NetworkPolicy', 'shop', 'db-from-web');
      fake.delete('NetworkPolicy', 'shop', 'default-deny');
      // Allowed only once both are gone: either one alone still isolates db.
      await waitFor('adminer to reach db', async () => ((await explain('tools/adminer-abc123-0', 'shop/db-abc123-0')).body.allowed === true ? true : undefined));
      const third = await snapshotNow();
      expect(third.seq).toBe(3);
      takenAt.set(3, third.takenAt);
      expect(await names('&exposed=true&sort=name')).toEqual(['adminer', 'db', 'phpmyadmin']);

      const open = await explain('tools/adminer-abc123-0', 'shop/db-abc123-0');
      expect(open.body.ingress).toMatchObject({ allowed: true, decidedBy: 'default', isolatedBy: [] });
      expect(open.body.lines[0]).toMatch(/^ALLOWED/);
    });

    it('GET a workload lists its change events', async () => {
      const d = (await get(c('/workloads/shop/Deployment/db'))).body;
      expect(d.policies).toEqual([]);
      expect(d.unprotected).toBe(true);
      expect(d.changes).toEqual([
        expect.objectContaining({ kind: 'WORKLOAD_EXPOSED', seq: 3, namespace: 'shop', workload: 'Deployment/db', at: takenAt.get(3) }),
      ]);
      expect(d.changes[0].details.reasons).toContain('lost ingress isolation');
      expect(d.reachableFromWorkloads.map(peer)).toEqual(['tools/Deployment/adminer', 'tools/Deployment/phpmyadmin', 'shop/Deployment/web'].sort((a, b) => a.localeCompare(b)));
    });

    it('GET namespaces shows shop without its default deny', async () => {
      const shop = (await get<Items>(c('/namespaces'))).body.items.find((n) => n.name === 'shop')!;
      expect(shop).toMatchObject({ defaultDenyIngress: false, defaultDenyEgress: false, networkPolicies: 1, unprotectedWorkloads: 1, exposedWorkloads: 1 });
    });

    it('GET policies hides removed ones unless removed=true, which gives when they went', async () => {
      const current = await get<Items>(c('/policies'));
      expect(current.body.items.map((p) => p.id)).toEqual(['shop/web-from-web']);
      expect(current.body.total).toBe(1);
      const withRemoved = await get<Items>(c('/policies?removed=true'));
      expect(withRemoved.body.total).toBe(3);
      const byName = new Map(withRemoved.body.items.map((p) => [p.name as string, p]));
      expect(byName.get('db-from-web')).toMatchObject({ removedAt: takenAt.get(3), since: takenAt.get(2), selectsWorkloads: 0 });
      expect(byName.get('db-from-web')!.yaml).toContain('app: nobody'); // its last version
      expect(byName.get('default-deny')).toMatchObject({ removedAt: takenAt.get(3), since: takenAt.get(1) });
      expect(byName.get('web-from-web')).toMatchObject({ removedAt: null, since: takenAt.get(1), selectsWorkloads: 1 });
      expect((await get<Items>(c('/policies?removed=false'))).body.total).toBe(1);
    });

    it('GET a policy gives its history (from/to per version); unknown ones are 404 policy-not-found', async () => {
      const res = await get(c('/policies/NetworkPolicy/shop/db-from-web'));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: 'shop/db-from-web', kind: 'NetworkPolicy', namespace: 'shop', name: 'db-from-web', removedAt: takenAt.get(3) });
      expect(res.body.yaml).toContain('kind: NetworkPolicy');
      expect(res.body.history).toEqual([
        { from: takenAt.get(1), to: takenAt.get(2), fromSeq: 1, toSeq: 2 },
        { from: takenAt.get(2), to: takenAt.get(3), fromSeq: 2, toSeq: 3 },
      ]);
      const live = await get(c('/policies/NetworkPolicy/shop/web-from-web'));
      expect(live.body).toMatchObject({ removedAt: null, history: [{ from: takenAt.get(1), to: null, fromSeq: 1, toSeq: null }] });

      expectError(await get(c('/policies/NetworkPolicy/shop/nope')), 404, 'policy-not-found');
      expectError(await get(c('/policies/NetworkPolicy/tools/db-from-web')), 404, 'policy-not-found');
      expectError(await get(c('/policies/AdminNetworkPolicy/nope')), 404, 'policy-not-found');
      expectError(await get(c('/policies/Bogus/shop/db-from-web')), 400, 'invalid-request');
    });

    it('GET changes filters by since, kind (comma-separated) and namespace; a bad kind is 400 naming kind', async () => {
      const all = await get<Items>(c('/changes?limit=200'));
      expect(all.status).toBe(200);
      const kinds = all.body.items.map((e) => `${e.seq} ${e.kind} ${e.namespace ?? '-'} ${e.workload ?? e.policy ?? ''}`.trim());
      expect(kinds).toEqual(
        expect.arrayContaining([
          '2 POLICY_CHANGED shop shop/db-from-web',
          '2 WORKLOAD_ADDED_UNPROTECTED tools Deployment/phpmyadmin',
          '3 POLICY_REMOVED shop shop/db-from-web',
          '3 POLICY_REMOVED shop shop/default-deny',
          '3 WORKLOAD_EXPOSED shop Deployment/db',
          '3 NAMESPACE_LOST_DEFAULT_DENY shop',
        ]),
      );
      expect(all.body.total).toBe(all.body.items.length);
      // Newest first.
      const seqs = all.body.items.map((e) => e.seq as number);
      expect(seqs).toEqual([...seqs].sort((a, b) => b - a));

      const since = await get<Items>(c(`/changes?limit=200&since=${encodeURIComponent(takenAt.get(3)!)}`));
      expect(since.body.items.length).toBeGreaterThan(0);
      expect(since.body.items.every((e) => e.seq === 3)).toBe(true);
      expect(since.body.total).toBe(all.body.items.filter((e) => e.seq === 3).length);
      const until = await get<Items>(c(`/changes?limit=200&until=${encodeURIComponent(takenAt.get(3)!)}`));
      expect(until.body.items.every((e) => e.seq === 2)).toBe(true);

      const some = await get<Items>(c('/changes?kind=POLICY_CHANGED,WORKLOAD_ADDED_UNPROTECTED'));
      expect(some.body.items.map((e) => `${e.kind} ${e.workload ?? e.policy}`).sort()).toEqual([
        'POLICY_CHANGED shop/db-from-web',
        'WORKLOAD_ADDED_UNPROTECTED Deployment/phpmyadmin',
      ]);
      expect(some.body.total).toBe(2);

      const tools = await get<Items>(c('/changes?namespace=tools'));
      expect(tools.body.items.map((e) => e.kind)).toEqual(['WORKLOAD_ADDED_UNPROTECTED']);
      const shop = await get<Items>(c('/changes?limit=200&namespace=shop'));
      expect(shop.body.items.length).toBe(all.body.items.filter((e) => e.namespace === 'shop').length);
      expect(shop.body.items.every((e) => e.namespace === 'shop')).toBe(true);

      const combined = await get<Items>(c(`/changes?since=${encodeURIComponent(takenAt.get(3)!)}&kind=POLICY_REMOVED,WORKLOAD_ADDED_UNPROTECTED&namespace=shop`));
      expect(combined.body.items.map((e) => e.policy).sort()).toEqual(['shop/db-from-web', 'shop/default-deny']);

      const paged = await get<Items>(c('/changes?limit=1&offset=1'));
      expect(paged.body).toEqual({ items: [all.body.items[1]], total: all.body.total });

      const bad = expectError(await get(c('/changes?kind=POLICY_REMOVED,NOT_A_KIND')), 400, 'invalid-request');
      expect(bad.message).toMatch(/kind/);
      const badSince = expectError(await get(c('/changes?since=yesterday')), 400, 'invalid-request');
      expect(badSince.message).toMatch(/since/);
    });
  });

  describe('snapshots, diff and score history', () => {
    it('POST /snapshots answers 201 with the next seq; GET lists them newest first', async () => {
      const fourth = await snapshotNow();
      expect(fourth).toMatchObject({ seq: 4, changes: 0 });
      takenAt.set(4, fourth.takenAt);
      const res = await get<Items>(c('/snapshots'));
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(4);
      expect(res.body.items.map((s) => s.seq)).toEqual([4, 3, 2, 1]);
      expect(res.body.items.map((s) => s.takenAt)).toEqual([4, 3, 2, 1].map((s) => takenAt.get(s)));
      expect(res.body.items[0]).toMatchObject({ trigger: 'manual', workloads: 4, pods: 5, changes: 0 });
      expect(res.body.items[1]).toMatchObject({ exposedWorkloads: 3, unprotectedWorkloads: 3 });
      expect((await get<Items>(c('/snapshots?limit=2&offset=1'))).body).toEqual({ items: res.body.items.slice(1, 3), total: 4 });
      const ranged = await get<Items>(c(`/snapshots?from=${encodeURIComponent(takenAt.get(2)!)}&to=${encodeURIComponent(takenAt.get(4)!)}`));
      expect(ranged.body).toEqual({ items: res.body.items.slice(1, 3), total: 2 });
      const cluster = (await get(c(''))).body;
      expect(cluster.lastSnapshotAt).toBe(takenAt.get(4));
      expect(cluster.score).toBe(res.body.items[0].score);
      const { seq, pods, workloads, namespaces, policies, unprotectedWorkloads, exposedWorkloads, ingressIsolatedPercent, egressIsolatedPercent, notEnforcedPolicies, cni, cniEvidence } = res.body.items[0];
      expect(cluster.latest).toEqual({ seq, pods, workloads, namespaces, policies, unprotectedWorkloads, exposedWorkloads, ingressIsolatedPercent, egressIsolatedPercent, notEnforcedPolicies, cni, cniEvidence });
      expect({ cni, cniEvidence, notEnforcedPolicies }).toEqual({ cni: 'generic', cniEvidence: 'no CNI-specific policy in the input', notEnforcedPolicies: 0 });
    });

    it('GET /diff between the snapshots around the deletion: POLICY_REMOVED, the exposed workload and the summary', async () => {
      const res = await get(c('/diff?from=2&to=3'));
      expect(res.status).toBe(200);
      expect(res.body.from).toMatchObject({ seq: 2, takenAt: takenAt.get(2) });
      expect(res.body.to).toMatchObject({ seq: 3, takenAt: takenAt.get(3) });
      const changes = res.body.changes as Json[];
      expect(changes.filter((x) => x.kind === 'POLICY_REMOVED').map((x) => x.policy).sort()).toEqual(['shop/db-from-web', 'shop/default-deny']);
      expect(changes).toContainEqual(expect.objectContaining({ kind: 'WORKLOAD_EXPOSED', namespace: 'shop', workload: 'Deployment/db' }));
      expect(changes).toContainEqual(expect.objectContaining({ kind: 'NAMESPACE_LOST_DEFAULT_DENY', namespace: 'shop' }));
      expect(changes.find((x) => x.policy === 'shop/db-from-web')!.details.affectedWorkloads).toEqual(['shop/Deployment/db']);
      expect(res.body.summary).toEqual({ exposed: 1, protected: 0, policiesAdded: 0, policiesRemoved: 2, policiesChanged: 0 });

      // Over the whole scenario: the change of db-from-web is folded into its removal.
      const whole = await get(c('/diff?from=1&to=4'));
      expect(whole.body.summary).toEqual({ exposed: 2, protected: 0, policiesAdded: 0, policiesRemoved: 2, policiesChanged: 0 });
      // Backwards, the same step undoes itself.
      const back = await get(c('/diff?from=3&to=2'));
      expect(back.body.summary).toMatchObject({ protected: 1, policiesAdded: 2, policiesRemoved: 0 });
      expect((await get(c('/diff?from=3&to=4'))).body.changes).toEqual([]);

      expect(expectError(await get(c('/diff?from=2&to=99')), 404, 'snapshot-not-found').message).toContain('99');
      expect(expectError(await get(c('/diff?from=98&to=2')), 404, 'snapshot-not-found').message).toContain('98');
      expect(expectError(await get(c('/diff?from=2')), 400, 'invalid-request').message).toMatch(/to/);
    });

    it('GET /scores: the cluster history, one raw point per snapshot; from >= to is 400', async () => {
      const snapshots = (await get<Items>(c('/snapshots'))).body.items.reverse();
      const raw = await get(c('/scores?bucket=raw'));
      expect(raw.status).toBe(200);
      expect(raw.body.bucket).toBe('raw');
      expect(raw.body.points.map((p: Json) => p.at)).toEqual(snapshots.map((s) => s.takenAt));
      expect(raw.body.points.map((p: Json) => p.score)).toEqual(snapshots.map((s) => s.score));
      expect(raw.body.points.every((p: Json) => p.snapshots === 1)).toBe(true);
      expect(raw.body.points[2]).toMatchObject({ exposedWorkloads: 3, unprotectedWorkloads: 3 });

      const fromThree = await get(c(`/scores?bucket=raw&from=${encodeURIComponent(takenAt.get(3)!)}`));
      expect(fromThree.body.points.map((p: Json) => p.at)).toEqual([takenAt.get(3), takenAt.get(4)]);

      // The default range is the last 7 days, averaged per hour.
      const auto = await get(c('/scores'));
      expect(auto.status).toBe(200);
      expect(auto.body.bucket).toBe('hour');
      expect(Date.parse(auto.body.to) - Date.parse(auto.body.from)).toBe(7 * 86_400_000);
      expect(auto.body.points.reduce((n: number, p: Json) => n + p.snapshots, 0)).toBe(4);

      const daily = await get(c('/scores?bucket=day'));
      expect(daily.body.bucket).toBe('day');
      expect(daily.body.points.reduce((n: number, p: Json) => n + p.snapshots, 0)).toBe(4);

      const t = takenAt.get(2)!;
      const same = expectError(await get(c(`/scores?from=${encodeURIComponent(t)}&to=${encodeURIComponent(t)}`)), 400, 'invalid-request');
      expect(same.message).toMatch(/from/);
      const reversed = expectError(await get(c(`/scores?from=${encodeURIComponent(takenAt.get(3)!)}&to=${encodeURIComponent(t)}`)), 400, 'invalid-request');
      expect(reversed.message).toMatch(/from/);
      expectError(await get(c('/scores?bucket=week')), 400, 'invalid-request');
    });

    it('GET a namespace\u2019s and a workload\u2019s scores: a step function ending at the current finding', async () => {
      const isStepFunction = (points: Json[]) => {
        expect(points.length).toBeGreaterThan(0);
        for (let i = 1; i < points.length; i++) expect(points[i].from).toBe(points[i - 1].to);
        expect(points[points.length - 1].to).toBeNull();
      };
      const workload = await get(c('/workloads/shop/Deployment/db/scores'));
      expect(workload.status).toBe(200);
      const wp = workload.body.points as Json[];
      isStepFunction(wp);
      expect(wp[0]).toMatchObject({ from: takenAt.get(1), ingressIsolated: true, unprotected: false, exposed: false });
      const current = (await get(c('/workloads/shop/Deployment/db'))).body;
      expect(wp[wp.length - 1]).toMatchObject({
        from: takenAt.get(3),
        score: current.score,
        unprotected: true,
        exposed: true,
        ingressIsolated: false,
        reachableFrom: current.reachableFrom,
      });
      // Isolated at first, open at the end: its score fell.
      expect(wp[0].score).toBeGreaterThan(current.score);

      const ns = await get(c('/namespaces/shop/scores'));
      expect(ns.status).toBe(200);
      const np = ns.body.points as Json[];
      isStepFunction(np);
      expect(np[0].from).toBe(takenAt.get(1));
      const shop = (await get<Items>(c('/namespaces'))).body.items.find((n) => n.name === 'shop')!;
      expect(np[np.length - 1]).toMatchObject({ score: shop.score, unprotected: true, exposed: true });

      // A range that ends before the change keeps only the points that overlap it.
      const early = await get(c(`/workloads/shop/Deployment/db/scores?to=${encodeURIComponent(takenAt.get(3)!)}`));
      expect(early.body.points.every((p: Json) => p.unprotected === false)).toBe(true);

      expectError(await get(c('/workloads/shop/Deployment/nope/scores')), 404, 'workload-not-found');
      expectError(await get(c('/namespaces/nowhere/scores')), 404, 'namespace-not-found');
    });
  });

  describe('a removed policy re-created (snapshot 5)', () => {
    it('lists it once, current again, with both periods in its history; the diff shows db protected', async () => {
      defaultDeny(fake, 'shop');
      await waitFor('adminer to lose db', async () => ((await explain('tools/adminer-abc123-0', 'shop/db-abc123-0')).body.allowed === false ? true : undefined));
      const fifth = await snapshotNow();
      expect(fifth.seq).toBe(5);
      takenAt.set(5, fifth.takenAt);

      const current = await get<Items>(c('/policies'));
      expect(current.body.items.map((p) => p.id)).toEqual(['shop/default-deny', 'shop/web-from-web']);
      const withRemoved = await get<Items>(c('/policies?removed=true'));
      expect(withRemoved.body.items.map((p) => p.id)).toEqual(['shop/db-from-web', 'shop/default-deny', 'shop/web-from-web']);
      expect(withRemoved.body.total).toBe(3);
      expect(withRemoved.body.items[1]).toMatchObject({ removedAt: null, since: takenAt.get(5), selectsWorkloads: 2 });

      const policy = await get(c('/policies/NetworkPolicy/shop/default-deny'));
      expect(policy.body).toMatchObject({ removedAt: null, since: takenAt.get(5) });
      expect(policy.body.history).toEqual([
        { from: takenAt.get(1), to: takenAt.get(3), fromSeq: 1, toSeq: 3 },
        { from: takenAt.get(5), to: null, fromSeq: 5, toSeq: null },
      ]);

      const diff = await get(c('/diff?from=4&to=5'));
      expect(diff.body.summary).toEqual({ exposed: 0, protected: 1, policiesAdded: 1, policiesRemoved: 0, policiesChanged: 0 });
      expect(diff.body.changes).toContainEqual(expect.objectContaining({ kind: 'WORKLOAD_PROTECTED', workload: 'Deployment/db' }));
      expect(diff.body.changes).toContainEqual(expect.objectContaining({ kind: 'NAMESPACE_GAINED_DEFAULT_DENY', namespace: 'shop', details: { direction: 'Ingress' } }));

      const points = (await get(c('/workloads/shop/Deployment/db/scores'))).body.points as Json[];
      expect(points[points.length - 1]).toMatchObject({ from: takenAt.get(5), to: null, unprotected: false });
      expect(points[points.length - 2]).toMatchObject({ from: takenAt.get(3), to: takenAt.get(5), unprotected: true });
    });
  });

  describe('errors', () => {
    it('answers JSON { error: { code, message } } everywhere, and 404 JSON for an unknown route', async () => {
      const unknownRoute = expectError(await get('/api/no-such-route'), 404, 'not-found');
      expect(unknownRoute.message).toMatch(/no-such-route/);
      expectError(await get(c('/no-such-thing')), 404, 'not-found');
      expectError(await get(`/api/clusters/00000000-0000-4000-8000-000000000000/policies`), 404, 'cluster-not-found');
      expectError(await get(`/api/clusters/00000000-0000-4000-8000-000000000000/diff?from=1&to=2`), 404, 'cluster-not-found');
      expectError(await get('/api/clusters/not-a-uuid/namespaces'), 400, 'invalid-request');
      const res = await fetch(`${api.url}/api/clusters/${clusterId}/snapshots`, withAdmin({ method: 'DELETE' }));
      expect(res.status).toBe(404);
      expect(((await res.json()) as ErrorBody).error.code).toBe('not-found');
      // Nothing internal leaks into the answers or the log.
      expect(api.output()).not.toContain(TOKEN);
      // No request above ended in a 500 ("unexpected error", logged with its correlation id).
      expect(api.output()).not.toContain('unexpected error');
    });
  });
});
