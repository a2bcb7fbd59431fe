import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTestDatabase, TestDatabase } from '@palisade/database/testing';
import { FakeKubeApiServer } from '@palisade/k8s-testing';
import { ApiProcess, startApi, waitFor, withAdmin } from './api-process';
import { defaultDeny, deployment, namespace } from './cluster-objects';

/**
 * Compliance reports end to end: the built API against the fake cluster, one snapshot, then
 * POST /api/reports and every download format over real HTTP.
 */
const TOKEN = 'fake-bearer-reports-token';

let fake: FakeKubeApiServer;
let db: TestDatabase;
let api: ApiProcess;
let clusterId: string;
let dir: string;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function request(method: 'GET' | 'POST', pathAndQuery: string, body?: unknown) {
  const res = await fetch(`${api.url}${pathAndQuery}`, withAdmin({
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  }));
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type') ?? '', disposition: res.headers.get('content-disposition') ?? '', bytes };
}

const json = (bytes: Buffer) => JSON.parse(bytes.toString('utf8')) as Json;

beforeAll(async () => {
  fake = await FakeKubeApiServer.start({ token: TOKEN });
  namespace(fake, 'shop');
  deployment(fake, 'shop', 'web', { labels: { team: 'storefront' } });
  defaultDeny(fake, 'shop');
  namespace(fake, 'tools');
  deployment(fake, 'tools', 'adminer');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-reports-'));
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
    LOG_LEVEL: 'warn',
  });
  const clusters = await waitFor('the cluster to be listed and ok', async () => {
    const res = await request('GET', '/api/clusters');
    const items = json(res.bytes)['items'] as { id: string; status: string }[];
    return items?.[0]?.status === 'ok' ? items : undefined;
  });
  clusterId = clusters[0]?.id as string;
  await waitFor('the first snapshot', async () => ((await request('POST', `/api/clusters/${clusterId}/snapshots`)).status === 201 ? true : undefined));
}, 120_000);

afterAll(async () => {
  const code = await api?.stop();
  await db?.drop();
  await fake?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  expect(code).toBe(0);
});

describe('compliance reports over HTTP', () => {
  let reportId: string;

  it('POST /api/reports generates a cluster report now and answers it with its data', async () => {
    const res = await request('POST', '/api/reports', { clusterId });
    expect(res.status).toBe(201);
    const report = json(res.bytes);
    expect(report).toMatchObject({ scope: 'cluster', clusterId, clusterName: 'fake', status: 'ready', trigger: 'manual' });
    expect(new Date(report['to']).getTime() - new Date(report['from']).getTime()).toBe(7 * 86_400_000);
    expect(report['data']['summary']).toMatchObject({ workloads: 2, unprotectedWorkloads: 1 });
    // shop has its default deny; tools (and default, which the fake server creates) have no policy.
    const withoutPolicies = (report['data']['namespaces'] as Json[]).filter((n) => n['networkPolicies'] === 0).map((n) => `fake/${n['name']}`);
    expect(withoutPolicies).toContain('fake/tools');
    expect(withoutPolicies).not.toContain('fake/shop');
    const cis = report['data']['controls'].find((c: Json) => c['id'] === 'CIS 5.3.2');
    expect(cis).toMatchObject({ status: 'fail', evidence: { failing: withoutPolicies.length, examples: withoutPolicies } });
    reportId = report['id'];
  });

  it('downloads every format with its content type and a file name', async () => {
    const expected: [string, RegExp, string][] = [
      ['html', /^text\/html/, '.html'],
      ['pdf', /^application\/pdf/, '.pdf'],
      ['csv', /^text\/csv/, '.csv'],
      ['json', /^application\/json/, '.json'],
      ['policyreport', /^application\/yaml/, '.policyreport.yaml'],
    ];
    for (const [format, type, extension] of expected) {
      const res = await request('GET', `/api/reports/${reportId}/download?format=${format}`);
      expect({ format, status: res.status }).toEqual({ format, status: 200 });
      expect(res.type).toMatch(type);
      expect(res.disposition).toMatch(new RegExp(`^attachment; filename="palisade-report-fake-\\d{4}-\\d{2}-\\d{2}${extension.replace(/\./g, '\\.')}"$`));
      expect(res.bytes.length).toBeGreaterThan(100);
    }
    const pdf = await request('GET', `/api/reports/${reportId}/download?format=pdf`);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const csv = (await request('GET', `/api/reports/${reportId}/download?format=csv`)).bytes.toString('utf8');
    expect(csv).toContain('"fake","shop","Deployment","web"');
    expect(csv).toContain('"team=storefront"');
    const html = (await request('GET', `/api/reports/${reportId}/download?format=html`)).bytes.toString('utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(json((await request('GET', `/api/reports/${reportId}/download?format=json`)).bytes)['version']).toBe(1);
  });

  it('lists reports newest first without their data, filters by cluster, and answers one with its data', async () => {
    const fleet = await request('POST', '/api/reports', {});
    expect(json(fleet.bytes)).toMatchObject({ scope: 'fleet', clusterId: null, status: 'ready' });
    const all = json((await request('GET', '/api/reports?limit=10')).bytes);
    expect(all['total']).toBe(2);
    expect(all['items'][0]).not.toHaveProperty('data');
    expect(all['items'][1]['downloads']['pdf']).toBe(`/api/reports/${reportId}/download?format=pdf`);
    const mine = json((await request('GET', `/api/reports?clusterId=${clusterId}`)).bytes);
    expect(mine['items'].map((r: Json) => r['id'])).toEqual([reportId]);
    const one = json((await request('GET', `/api/reports/${reportId}`)).bytes);
    expect(one['data']['clusters'][0]['name']).toBe('fake');
  });

  it('answers the uniform errors: unknown report, unknown cluster, bad period, bad format', async () => {
    const code = async (method: 'GET' | 'POST', p: string, body?: unknown) => {
      const res = await request(method, p, body);
      return [res.status, json(res.bytes)['error']?.['code']];
    };
    expect(await code('GET', '/api/reports/00000000-0000-4000-8000-000000000000')).toEqual([404, 'report-not-found']);
    expect(await code('POST', '/api/reports', { clusterId: '00000000-0000-4000-8000-000000000000' })).toEqual([404, 'cluster-not-found']);
    expect(await code('POST', '/api/reports', { from: '2026-03-09T00:00:00Z', to: '2026-03-02T00:00:00Z' })).toEqual([400, 'invalid-request']);
    expect(await code('GET', `/api/reports/${reportId}/download?format=docx`)).toEqual([400, 'invalid-request']);
  });

  it('documents the report routes in the OpenAPI document', async () => {
    const doc = json((await request('GET', '/api/docs-json')).bytes);
    expect(Object.keys(doc['paths'])).toEqual(expect.arrayContaining(['/api/reports', '/api/reports/{id}', '/api/reports/{id}/download']));
  });
});
