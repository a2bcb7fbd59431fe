import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTestDatabase, TestDatabase } from '@palisade/database/testing';
import { DEMO_CILIUM_STORY, FakeKubeApiServer, startDemoCluster, type DemoCluster } from '@palisade/k8s-testing';
import { parse, stringify } from 'yaml';
import { ApiProcess, startWatchingApi, waitFor, withAdmin } from './api-process';
import { deployment, namespace } from './cluster-objects';

/**
 * End to end on clusters that enforce policy with Cilium and with Calico: the collectors find
 * their CRDs and watch them, the evaluation uses the plugin each cluster shows (or the one
 * PALISADE_CNI names), and the API, the stored snapshots and the reports carry the plugin, the
 * conditional verdicts and the policies not enforced there.
 */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Items<T = Json> = { items: T[]; total: number };

let cilium: DemoCluster;
let calico: FakeKubeApiServer;
let db: TestDatabase;
let api: ApiProcess;
let dir: string;
const ids: Record<string, string> = {};

async function get<T = Json>(pathAndQuery: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${api.url}${pathAndQuery}`, withAdmin());
  return { status: res.status, body: (await res.json()) as T };
}

async function post<T = Json>(pathAndQuery: string, body?: unknown): Promise<{ status: number; body: T }> {
  const init = body === undefined ? { method: 'POST' } : { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
  const res = await fetch(`${api.url}${pathAndQuery}`, withAdmin(init));
  return { status: res.status, body: (await res.json()) as T };
}

const workload = async (cluster: string, ns: string, name: string) =>
  (await get<Items>(`/api/clusters/${ids[cluster]}/workloads?limit=1000`)).body.items.find((w) => w['namespace'] === ns && w['name'] === name);

/** One kubeconfig holding every context: PALISADE_CONTEXTS picks them. */
function mergedKubeconfig(entries: [string, FakeKubeApiServer][]): string {
  const configs = entries.map(([name, server]) => parse(server.kubeconfigYaml(name)) as Json);
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: configs.flatMap((c) => c['clusters']),
    users: configs.flatMap((c) => c['users']),
    contexts: configs.flatMap((c) => c['contexts']),
    'current-context': entries[0][0],
  });
}

const calicoPolicy = (kind: string, name: string, spec: Json, ns?: string) => ({
  apiVersion: 'crd.projectcalico.org/v1',
  kind,
  metadata: { name, ...(ns ? { namespace: ns } : {}) },
  spec,
});

/** A Calico cluster as it is served without the Calico API server: crd.projectcalico.org/v1. */
async function startCalicoCluster(): Promise<FakeKubeApiServer> {
  const server = await FakeKubeApiServer.start({ crds: { calico: true } });
  namespace(server, 'bank');
  namespace(server, 'guest');
  deployment(server, 'bank', 'web');
  deployment(server, 'bank', 'ledger');
  deployment(server, 'guest', 'visitor');
  server.create({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { namespace: 'kube-system', name: 'calico-node' },
    spec: { selector: { matchLabels: { 'k8s-app': 'calico-node' } }, template: { metadata: { labels: { 'k8s-app': 'calico-node' } }, spec: { containers: [{ name: 'calico-node', image: 'calico/node:v3.28.2' }] } } },
  });
  server.create(calicoPolicy('Tier', 'security', { order: 100 }));
  // The security tier keeps guests out of the ledger and passes everything else on.
  server.create(
    calicoPolicy('GlobalNetworkPolicy', 'security.protect-ledger', {
      tier: 'security',
      order: 10,
      selector: "app == 'ledger'",
      types: ['Ingress'],
      ingress: [{ action: 'Deny', source: { namespaceSelector: "kubernetes.io/metadata.name == 'guest'" } }, { action: 'Pass' }],
    }),
  );
  // In the default tier, a Kubernetes NetworkPolicy lets anyone in: only web gets through.
  server.create({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { namespace: 'bank', name: 'ledger-from-anywhere' },
    spec: { podSelector: { matchLabels: { app: 'ledger' } }, ingress: [{}] },
  });
  server.create(calicoPolicy('StagedNetworkPolicy', 'default.trial-lockdown', { tier: 'default', selector: 'all()', types: ['Ingress'] }, 'bank'));
  return server;
}

beforeAll(async () => {
  cilium = await startDemoCluster({ story: DEMO_CILIUM_STORY, speed: 0.0001 });
  calico = await startCalicoCluster();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-cni-'));
  fs.writeFileSync(
    path.join(dir, 'kubeconfig'),
    // The same Cilium cluster twice: once as detected, once evaluated as PALISADE_CNI says.
    mergedKubeconfig([
      ['cilium', cilium.server],
      ['calico', calico],
      ['cilium-as-generic', cilium.server],
    ]),
  );
  db = await createTestDatabase();
  api = await startWatchingApi(db.url, dir, {
    PALISADE_CONTEXTS: 'cilium,calico,cilium-as-generic',
    PALISADE_CNI: 'auto,cilium-as-generic=generic',
  });
  const clusters = await waitFor('the three clusters to have a snapshot', async () => {
    const { body } = await get<Items>('/api/clusters');
    return body.items.length === 3 && body.items.every((c) => c['latest'] !== null) ? body.items : undefined;
  }, 60_000);
  for (const c of clusters) ids[c['name']] = c['id'];
}, 120_000);

afterAll(async () => {
  await api?.stop();
  await db?.drop();
  await cilium?.stop();
  await calico?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('clusters that enforce policy with Cilium or Calico', () => {
  it('says which plugin each cluster was evaluated for, why, and how many policies it does not enforce', async () => {
    const { body } = await get<Items>('/api/clusters');
    const byName = Object.fromEntries(body.items.map((c) => [c['name'], c['latest']]));
    expect(byName['cilium']).toMatchObject({ cni: 'cilium', cniEvidence: 'DaemonSet kube-system/cilium', notEnforcedPolicies: 2, policies: 4 + 1 });
    expect(byName['calico']).toMatchObject({ cni: 'calico', cniEvidence: 'DaemonSet kube-system/calico-node', notEnforcedPolicies: 1, policies: 2 });
    // Evaluated as a plugin without Cilium: its six Cilium policies protect nothing.
    expect(byName['cilium-as-generic']).toMatchObject({ cni: 'generic', cniEvidence: 'set by PALISADE_CNI', notEnforcedPolicies: 6, policies: 1 });
  });

  it('evaluates Cilium policies: entities, L7 rules as conditional, the cluster-wide deny', async () => {
    expect(await workload('cilium', 'store', 'storefront')).toMatchObject({ unprotected: false, internetIngress: true, internetIngressConditional: false });
    expect(await workload('cilium', 'store', 'catalog')).toMatchObject({ unprotected: false, reachableFrom: 2, reachableFromConditional: 2 });
    expect(await workload('cilium', 'billing', 'db')).toMatchObject({ unprotected: false, reachableFrom: 1 });
    expect(await workload('cilium', 'media', 'thumbnailer')).toMatchObject({ unprotected: true });
    // The same objects without Cilium's semantics: nothing protects the storefront.
    expect(await workload('cilium-as-generic', 'store', 'storefront')).toMatchObject({ unprotected: true });
  });

  it('evaluates Calico tiers: the security tier\'s deny holds whatever the default tier allows', async () => {
    expect(await workload('calico', 'bank', 'ledger')).toMatchObject({ unprotected: false, reachableFrom: 1 });
    expect(await workload('calico', 'guest', 'visitor')).toMatchObject({ unprotected: true });
  });

  it('lists every policy kind with its YAML, whether it is enforced and why not, and Calico\'s tier and order', async () => {
    const all = (await get<Items>(`/api/clusters/${ids['cilium']}/policies?limit=100`)).body;
    expect(all.items.map((p) => p['id'])).toEqual([
      'AdminNetworkPolicy/deny-media-egress',
      'CiliumClusterwideNetworkPolicy/media-never-reaches-billing',
      'CiliumClusterwideNetworkPolicy/nodes-ssh-from-bastion',
      'CiliumNetworkPolicy/billing/api',
      'CiliumNetworkPolicy/billing/db',
      'CiliumNetworkPolicy/store/catalog-read-only',
      'CiliumNetworkPolicy/store/storefront-from-world',
    ]);
    const notEnforced = (await get<Items>(`/api/clusters/${ids['cilium']}/policies?enforced=false`)).body;
    expect(notEnforced.items.map((p) => [p['id'], p['notEnforcedReason']])).toEqual([
      ['AdminNetworkPolicy/deny-media-egress', 'Cilium does not implement AdminNetworkPolicy'],
      ['CiliumClusterwideNetworkPolicy/nodes-ssh-from-bastion', expect.stringMatching(/^host policy/)],
    ]);
    const one = await get(`/api/clusters/${ids['cilium']}/policies/CiliumNetworkPolicy/store/catalog-read-only`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ kind: 'CiliumNetworkPolicy', namespace: 'store', enforced: true, selectsWorkloads: 1 });
    expect(one.body['yaml']).toContain('path: /api/v1/.*');
    const calicoPolicies = (await get<Items>(`/api/clusters/${ids['calico']}/policies?limit=100`)).body.items;
    expect(calicoPolicies.map((p) => [p['id'], p['enforced'], p['tier'], p['order']])).toEqual([
      ['CalicoGlobalNetworkPolicy/protect-ledger', true, 'security', 10],
      ['CalicoStagedNetworkPolicy/bank/trial-lockdown', false, 'default', null],
      ['bank/ledger-from-anywhere', true, undefined, undefined],
    ]);
  });

  it('explains a connection allowed only for some requests, naming the Cilium rule', async () => {
    const podOf = async (name: string) => `store/${(await get(`/api/clusters/${ids['cilium']}/workloads/store/Deployment/${name}`)).body['pods'][0]['name']}`;
    const [from, to] = [await podOf('storefront'), await podOf('catalog')];
    const { status, body } = await get(`/api/clusters/${ids['cilium']}/explain?from=${from}&to=${to}&port=8080/TCP`);
    expect(status).toBe(200);
    expect(body['ingress']).toMatchObject({ verdict: 'conditional', decidedBy: 'cilium', allowed: false });
    expect(body['ingress']['conditionalBy']).toEqual([expect.objectContaining({ policy: 'CiliumNetworkPolicy/store/catalog-read-only', action: 'Allow', conditional: expect.stringMatching(/HTTP/i) })]);
    expect(body['lines'].join('\n')).toMatch(/some requests/i);
  });

  it('watches the Cilium CRDs: a new CiliumNetworkPolicy is a stored change that protects its workload', async () => {
    const before = (await post<{ seq: number }>(`/api/clusters/${ids['cilium']}/snapshots`)).body.seq;
    cilium.server.create({
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumNetworkPolicy',
      metadata: { namespace: 'media', name: 'thumbnailer-from-storefront' },
      spec: {
        endpointSelector: { matchLabels: { app: 'thumbnailer' } },
        ingress: [{ fromEndpoints: [{ matchLabels: { 'k8s:io.kubernetes.pod.namespace': 'store', app: 'storefront' } }] }],
      },
    });
    const changes = await waitFor('the stored change events', async () => {
      const { body } = await get<Items>(`/api/clusters/${ids['cilium']}/changes?limit=50`);
      const kinds = body.items.filter((c) => c['seq'] > before).map((c) => `${c['kind']} ${c['policy'] ?? c['workload'] ?? ''}`);
      return kinds.includes('WORKLOAD_PROTECTED Deployment/thumbnailer') ? kinds : undefined;
    });
    expect(changes).toContain('POLICY_ADDED CiliumNetworkPolicy/media/thumbnailer-from-storefront');
  });

  it('reports the policies not enforced here and the plugin', async () => {
    const { status, body } = await post('/api/reports', { clusterId: ids['cilium'] });
    expect(status).toBe(201);
    expect(body['data']['clusters'][0]).toMatchObject({ cni: 'cilium' });
    expect(body['data']['clusters'][0]['notEnforced'].map((n: Json) => n['policy'])).toEqual([
      'AdminNetworkPolicy/deny-media-egress',
      'CiliumClusterwideNetworkPolicy/nodes-ssh-from-bastion',
    ]);
    expect(body['data']['summary']['notEnforcedPolicies']).toBe(2);
  });
});
