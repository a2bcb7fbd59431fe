import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTestDatabase, TestDatabase } from '@palisade/database/testing';
import { FakeKubeApiServer } from '@palisade/k8s-testing';
import { ApiProcess, startWatchingApi, waitFor, withAdmin } from './api-process';
import { deployment, namespace } from './cluster-objects';

/**
 * End to end on entry points: the collector discovers the Gateway API kinds the cluster serves
 * (by resource, since their versions differ) and watches IngressClasses and Gateways; the API
 * says which workloads the internet reaches and through which door, filters by it, and stores a
 * new door as a WORKLOAD_EXPOSED change naming it.
 */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Items<T = Json> = { items: T[]; total: number };

let fake: FakeKubeApiServer;
let db: TestDatabase;
let api: ApiProcess;
let dir: string;
let clusterId: string;

async function get<T = Json>(pathAndQuery: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${api.url}${pathAndQuery}`, withAdmin());
  return { status: res.status, body: (await res.json()) as T };
}

const workloads = async (query = '') => (await get<Items>(`/api/clusters/${clusterId}/workloads?limit=100${query}`)).body.items;

function service(ns: string, name: string, spec: Json, status: Json = {}): void {
  fake.create({ apiVersion: 'v1', kind: 'Service', metadata: { namespace: ns, name }, spec, status });
}

beforeAll(async () => {
  fake = await FakeKubeApiServer.start({ crds: { gatewayApi: true } });
  fake.create({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' }, status: { addresses: [{ type: 'InternalIP', address: '10.0.0.11' }] } });
  // An Istio Gateway: its proxy runs in the Gateway's namespace, behind a load balancer.
  namespace(fake, 'infra');
  deployment(fake, 'infra', 'public-istio', { labels: { 'gateway.networking.k8s.io/gateway-name': 'public' }, port: 80 });
  service('infra', 'public-istio', { type: 'LoadBalancer', selector: { app: 'public-istio' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] }, { loadBalancer: { ingress: [{ ip: '34.117.70.10' }] } });
  fake.create({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', metadata: { name: 'istio' }, spec: { controllerName: 'istio.io/gateway-controller' } });
  fake.create({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { namespace: 'infra', name: 'public' },
    spec: { gatewayClassName: 'istio', listeners: [{ name: 'http', port: 80, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'All' } } }] },
  });
  namespace(fake, 'app');
  deployment(fake, 'app', 'web');
  service('app', 'web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] });
  fake.create({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { namespace: 'app', name: 'web' },
    spec: { parentRefs: [{ name: 'public', namespace: 'infra' }], hostnames: ['www.example.com'], rules: [{ backendRefs: [{ name: 'web', port: 80 }] }] },
  });
  // No policy, but nothing leads there: its policies admit the internet, no door does.
  namespace(fake, 'data');
  deployment(fake, 'data', 'db', { port: 5432 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-entry-'));
  fs.writeFileSync(path.join(dir, 'kubeconfig'), fake.kubeconfigYaml('entry'));
  db = await createTestDatabase();
  api = await startWatchingApi(db.url, dir);
  clusterId = await waitFor('the first snapshot', async () => {
    const { body } = await get<Items>('/api/clusters');
    return body.items[0]?.latest ? (body.items[0]['id'] as string) : undefined;
  }, 60_000);
}, 120_000);

afterAll(async () => {
  await api?.stop();
  await db?.drop();
  await fake?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('what the internet can actually reach', () => {
  it('publishes a workload through the Gateway its route attaches to, and names the door', async () => {
    const web = (await workloads()).find((w) => w['name'] === 'web');
    expect(web).toMatchObject({
      internetExposure: 'published',
      exposed: true,
      entryPoints: [{ kind: 'Gateway', name: 'infra/public', port: 80, host: 'www.example.com', targetPort: 8080, admitted: true, controller: 'Istio' }],
    });
    const detail = await get(`/api/clusters/${clusterId}/workloads/app/Deployment/web`);
    expect(detail.body['entryPoints']).toEqual(web?.['entryPoints']);
  });

  it('tells a workload its policies open from one that is published, and filters by it', async () => {
    // Exposed all the same: with no policy anywhere, every namespace reaches it.
    expect((await workloads()).find((w) => w['name'] === 'db')).toMatchObject({ internetExposure: 'policy-only', exposed: true, entryPoints: [] });
    expect((await workloads('&exposure=published')).map((w) => w['name']).sort()).toEqual(['public-istio', 'web']);
    expect((await workloads('&exposure=policy-only')).map((w) => w['name'])).toEqual(['db']);
    expect((await get(`/api/clusters/${clusterId}/workloads?exposure=wide-open`)).status).toBe(400);
  });

  it('stores a new door as WORKLOAD_EXPOSED naming it', async () => {
    service('data', 'db', { type: 'LoadBalancer', externalTrafficPolicy: 'Local', selector: { app: 'db' }, ports: [{ port: 5432, targetPort: 'http' }] }, { loadBalancer: { ingress: [{ ip: '34.117.70.20' }] } });
    const change = await waitFor('the stored exposure', async () => {
      const { body } = await get<Items>(`/api/clusters/${clusterId}/changes?limit=50`);
      return body.items.find((c) => c['kind'] === 'WORKLOAD_EXPOSED' && c['workload'] === 'Deployment/db');
    });
    expect(change['details']).toMatchObject({
      reasons: ['published to the internet through LoadBalancer data/db:5432'],
      internetExposure: 'published',
      entryPoints: [{ kind: 'LoadBalancer', name: 'data/db', port: 5432, targetPort: 5432, admitted: true }],
    });
  });
});
