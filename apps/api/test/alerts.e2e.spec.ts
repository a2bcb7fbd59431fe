import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHmac } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '@palisade/database/testing';
import { FakeKubeApiServer } from '@palisade/k8s-testing';
import { ApiProcess, startApi, waitFor, withAdmin } from './api-process';
import { allowFrom, deployment, namespace } from './cluster-objects';

/**
 * End to end: the built API watches the fake cluster and alerts a local webhook receiver through
 * the default channel (ALERT_WEBHOOK_URL) after a 2 s grace period.
 */
const SECRET = 'e2e-webhook-hmac-secret';
const URL_TOKEN = 'url-token-never-shown';

let fake: FakeKubeApiServer;
let db: TestDatabase;
let api: ApiProcess;
let dir: string;
let receiver: http.Server;
const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];

type Items<T> = { items: T[]; total: number };

async function call<T = Record<string, unknown>>(method: string, pathAndQuery: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${api.url}${pathAndQuery}`, withAdmin({
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
  }));
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

type Notification = { id: string; status: string; kind: string; workload: string | null; namespace: string | null; cluster: string };
const notifications = () => received.map((r) => JSON.parse(r.body) as Notification);
/** What the receiver got about shop/Deployment/web (the default rule also reports the cluster score drop). */
const aboutWeb = () => received.filter((r) => (JSON.parse(r.body) as Notification).workload === 'Deployment/web');
/** A receiver never gets the same transition of an alert twice. */
const expectNoRepeats = () => expect(new Set(notifications().map((n) => `${n.id}:${n.status}`)).size).toBe(received.length);

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
  const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/alerts?token=${URL_TOKEN}`;

  fake = await FakeKubeApiServer.start();
  namespace(fake, 'shop');
  deployment(fake, 'shop', 'db');
  allowFrom(fake, 'shop', 'db-from-web', 'db', 'web');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-alerts-e2e-'));
  fs.writeFileSync(path.join(dir, 'kubeconfig'), fake.kubeconfigYaml('fake'));
  db = await createTestDatabase();
  api = await startApi({
    DATABASE_URL: db.url,
    KUBECONFIG: path.join(dir, 'kubeconfig'),
    PALISADE_DATA_DIR: dir,
    PALISADE_DEMO: 'off',
    SNAPSHOT_INTERVAL: '1s',
    SNAPSHOT_ON_CHANGE: '200ms',
    EVALUATION_DEBOUNCE: '50ms',
    ALERT_GRACE: '2s',
    ALERT_WEBHOOK_URL: hook,
    ALERT_WEBHOOK_SECRET: SECRET,
    ALERT_RETRY_BASE: '200ms',
    LOG_LEVEL: 'info',
  });
  await waitFor('the first snapshot', async () => {
    const { body } = await call<Items<{ lastSnapshotAt: string | null }>>('GET', '/api/clusters');
    return body.items[0]?.lastSnapshotAt ? true : undefined;
  });
}, 120_000);

afterAll(async () => {
  const code = await api?.stop();
  await db?.drop();
  await fake?.stop();
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  expect(code).toBe(0);
});

describe('alerting end to end', () => {
  it('fires one signed webhook for a new unprotected deployment behind a load balancer after the grace period', async () => {
    deployment(fake, 'shop', 'web');
    fake.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { namespace: 'shop', name: 'web' },
      spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] },
      status: { loadBalancer: { ingress: [{ ip: '34.117.80.10' }] } },
    });
    const pending = await waitFor('a pending alert', async () => {
      const { body } = await call<Items<{ status: string; workload: string }>>('GET', '/api/alerts?status=pending');
      return body.items.find((a) => a.workload === 'Deployment/web');
    });
    expect(pending.status).toBe('pending');
    // Nothing during the grace period.
    expect(received).toHaveLength(0);

    await waitFor('the firing notification', async () => (aboutWeb().length > 0 ? true : undefined), 15_000);
    await new Promise((r) => setTimeout(r, 2500));
    // The default rule watches every kind and takes the most specific: the load balancer leads
    // to the unprotected workload, so the internet reaches it, and the summary names the door.
    const web = aboutWeb().map((r) => JSON.parse(r.body) as Notification);
    expect(web).toEqual([
      expect.objectContaining({
        status: 'firing',
        kind: 'INTERNET_EXPOSURE',
        namespace: 'shop',
        workload: 'Deployment/web',
        cluster: 'fake',
        summary: 'shop/Deployment/web is reachable from the internet through LoadBalancer shop/web:80',
      }),
    ]);
    for (const r of received) {
      expect(r.headers['x-palisade-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(r.body).digest('hex')}`);
    }
    expect(aboutWeb()[0].headers['idempotency-key']).toBe(`${web[0].id}:firing:default`);
    expectNoRepeats();
    const { body } = await call<Items<{ status: string; workload: string | null }>>('GET', '/api/alerts?status=firing');
    expect(body.items.filter((a) => a.workload === 'Deployment/web')).toHaveLength(1);
  });

  it('resolves it once a NetworkPolicy selects the deployment', async () => {
    allowFrom(fake, 'shop', 'web-from-db', 'web', 'db');
    await waitFor('the resolved notification', async () => (aboutWeb().length > 1 ? true : undefined), 15_000);
    await new Promise((r) => setTimeout(r, 2500));
    const web = aboutWeb().map((r) => JSON.parse(r.body) as Notification);
    expect(web.map((n) => n.status)).toEqual(['firing', 'resolved']);
    expect(web[1].id).toBe(web[0].id);
    expect(aboutWeb()[1].headers['x-palisade-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(aboutWeb()[1].body).digest('hex')}`);
    expectNoRepeats();
    const deliveries = await call<Items<{ alertId: string; status: string; transition: string; log: { ok: boolean; statusCode: number }[] }>>('GET', '/api/deliveries?channel=default');
    expect(deliveries.body.items.filter((d) => d.alertId === web[0].id).map((d) => [d.transition, d.status, d.log.map((a) => a.statusCode)])).toEqual([
      ['resolved', 'delivered', [204]],
      ['firing', 'delivered', [204]],
    ]);
    // One alert's notifications, filtered by the API.
    const ofAlert = await call<Items<{ alertId: string; transition: string }>>('GET', `/api/deliveries?alert=${web[0].id}`);
    expect(ofAlert.body.items.map((d) => [d.alertId, d.transition])).toEqual([
      [web[0].id, 'resolved'],
      [web[0].id, 'firing'],
    ]);
    expect(ofAlert.body.total).toBe(2);
    expect((await call('GET', '/api/deliveries?alert=not-an-id')).status).toBe(400);
    const resolved = await call<Items<{ id: string }>>('GET', '/api/alerts?status=resolved');
    expect(resolved.body.items.map((a) => a.id)).toContain(web[0].id);
  });

  it('manages channels, rules and exceptions over HTTP without ever answering or logging a secret', async () => {
    const channels = await call<Items<{ id: string; target: string; builtIn: boolean }>>('GET', '/api/channels');
    expect(channels.body.items[0]).toMatchObject({ id: 'default', builtIn: true, target: expect.stringMatching(/^127\.0\.0\.1:\d+$/) });

    const slack = await call<{ id: string; target: string; hasSecret: boolean }>('POST', '/api/channels', { type: 'slack', name: 'ops', url: 'https://hooks.slack.com/services/T0/B0/slack-s3cret-path' });
    expect(slack.status).toBe(201);
    expect(slack.body).toMatchObject({ target: 'hooks.slack.com', hasSecret: true });
    const bad = await call<{ error: { code: string; message: string } }>('POST', '/api/channels', { type: 'email', name: 'x', url: 'https://x.example' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/host/);

    const invalidRule = await call<{ error: { code: string } }>('POST', '/api/alert-rules', { name: 'r', kinds: ['NOPE'], severity: 'warning', channelIds: [slack.body.id] });
    expect(invalidRule.status).toBe(400);
    const unknownChannel = await call<{ error: { code: string } }>('POST', '/api/alert-rules', { name: 'r', kinds: ['POLICY_REMOVED'], severity: 'warning', channelIds: ['00000000-0000-4000-8000-000000000000'] });
    expect([unknownChannel.status, unknownChannel.body.error.code]).toEqual([404, 'channel-not-found']);
    const rule = await call<{ id: string; namespace: string }>('POST', '/api/alert-rules', { name: 'payments', kinds: ['INTERNET_EXPOSURE'], namespace: 'pay-*', matchLabels: { team: 'payments' }, severity: 'critical', channelIds: [slack.body.id, 'default'] });
    expect(rule.status).toBe(201);
    expect((await call('GET', `/api/alert-rules/${rule.body.id}`)).body).toMatchObject({ namespace: 'pay-*', matchLabels: { team: 'payments' } });
    expect((await call('PUT', `/api/alert-rules/${rule.body.id}`, { name: 'payments', kinds: ['INTERNET_EXPOSURE'], severity: 'info', channelIds: ['default'] })).body).toMatchObject({ severity: 'info', namespace: null });
    expect((await call('DELETE', `/api/alert-rules/${rule.body.id}`)).status).toBe(204);
    expect((await call<{ error: { code: string } }>('GET', `/api/alert-rules/${rule.body.id}`)).body.error.code).toBe('alert-rule-not-found');

    const exception = await call<{ id: string; active: boolean }>('POST', '/api/exceptions', { namespace: 'shop', kind: 'Deployment', name: 'web', reason: 'public storefront', owner: 'web-team', expiresAt: '2099-01-01T00:00:00Z' });
    expect(exception.body.active).toBe(true);
    expect((await call<Items<unknown>>('GET', '/api/exceptions')).body.total).toBe(1);
    expect((await call('DELETE', `/api/exceptions/${exception.body.id}`)).status).toBe(204);

    const all = JSON.stringify([(await call('GET', '/api/channels')).body, (await call('GET', `/api/channels/${slack.body.id}`)).body, (await call('GET', '/api/deliveries')).body]);
    for (const secret of ['slack-s3cret-path', URL_TOKEN, SECRET]) {
      expect(all).not.toContain(secret);
      expect(api.output()).not.toContain(secret);
    }
    const docs = await call<{ paths: Record<string, unknown> }>('GET', '/api/docs-json');
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/alert-rules', '/api/channels/{id}/test', '/api/alerts', '/api/deliveries', '/api/exceptions']));
  });
});
