import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTestDatabase, TestDatabase } from '@palisade/database/testing';
import { FakeKubeApiServer } from '@palisade/k8s-testing';
import {
  Answer,
  bearer,
  bootstrapAdmin,
  browser,
  call,
  createToken,
  CreatedToken,
  DemoObjects,
  demoObjects,
  documentedRoutes,
  Identity,
  Items,
  Json,
  login,
  Session,
  signIn,
} from './access-client';
import { ADMIN_TOKEN, ApiProcess, startApi, waitFor } from './api-process';
import { deployment, namespace } from './cluster-objects';

/**
 * Secrets never leak, and the audit log says who did what: against the built API with
 * LOG_LEVEL=debug (request logs included), one scenario makes every kind of secret (passwords,
 * token secrets, channel secrets and webhook URLs, session and CSRF tokens, the bootstrap token
 * and the secret key), then reads every GET route of the OpenAPI document, the process output,
 * the database and the audit log. The steps run in order.
 */
const ADMIN = { username: 'secret-admin', password: 'admin-password-9f3c1e-never-shown' };
const VIEWER = { username: 'secret-viewer', password: 'viewer-password-5b7d2a-never-shown' };
const OPERATOR = { username: 'secret-operator', password: 'operator-password-2c8e4f-never-shown' };
const OPERATOR_NEW_PASSWORD = 'operator-new-password-7a1b9c-never-shown';
const DOOMED = { username: 'secret-doomed', password: 'doomed-password-4e6f8a-never-shown' };
const WRONG_PASSWORDS = ['admin-password-9f3c1e-never-shoWn', 'viewer-guess-3d5e7f-never-shown'];
const WEBHOOK_SECRET = 'webhook-hmac-secret-1a2b3c-never-shown';
const WEBHOOK_SECRET_2 = 'webhook-hmac-secret-4d5e6f-never-shown';
const WEBHOOK_URL_TOKEN = 'webhook-url-token-7a8b9c-never-shown';
const SLACK_PATH = 'T0SECRETS/B0SECRETS/slack-path-0d1e2f-never-shown';
const SMTP_PASSWORD = 'smtp-password-3a4b5c-never-shown';
const SECRET_KEY = Buffer.from('palisade access suite secret key').toString('base64');
const KUBE_TOKEN = 'kube-bearer-token-5e6f7a-never-shown';
const WRONG_KUBE_TOKEN = 'kube-bearer-token-8b9c0d-rejected-never-shown';

let db: TestDatabase;
let api: ApiProcess;
let dir: string;
let receiver: http.Server;
let fake: FakeKubeApiServer;
let demo: DemoObjects;
let admin: Session;
let viewer: Session;
let operator: Session;
const ids: Record<string, string> = {};
const madeTokens: CreatedToken[] = [];
const sessions: Session[] = [];

const as = <T = Json>(identity: Identity, method: string, pathAndQuery: string, body?: unknown) => call<T>(api.url, identity, method, pathAndQuery, body === undefined ? {} : { body });

async function ok<T = Json>(answer: Promise<Answer<T>>, status: number): Promise<T> {
  const res = await answer;
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${res.text}`);
  return res.body;
}

/** Every secret the scenario made, by what it is. Session and CSRF tokens are added as they are made. */
function secrets(): Record<string, string> {
  const all: Record<string, string> = {
    'admin password (PALISADE_ADMIN_PASSWORD)': ADMIN.password,
    'viewer password': VIEWER.password,
    'operator password': OPERATOR.password,
    'operator new password': OPERATOR_NEW_PASSWORD,
    'deleted user password': DOOMED.password,
    'webhook secret': WEBHOOK_SECRET,
    'webhook secret after update': WEBHOOK_SECRET_2,
    'webhook URL token': WEBHOOK_URL_TOKEN,
    'slack webhook path': SLACK_PATH,
    'smtp password': SMTP_PASSWORD,
    'PALISADE_BOOTSTRAP_TOKEN': ADMIN_TOKEN,
    'PALISADE_SECRET_KEY': SECRET_KEY,
    'kubeconfig token of a cluster added through the API': KUBE_TOKEN,
    'kubeconfig token that the cluster refuses': WRONG_KUBE_TOKEN,
  };
  WRONG_PASSWORDS.forEach((p, i) => (all[`wrong password ${i + 1}`] = p));
  madeTokens.forEach((t) => (all[`token secret ${t.prefix}`] = t.secret));
  sessions.forEach((s) => {
    all[`session cookie of ${s.user.username} ${s.sessionToken.slice(0, 4)}`] = s.sessionToken;
    all[`csrf token of ${s.user.username} ${s.csrfToken.slice(0, 4)}`] = s.csrfToken;
  });
  return all;
}

/** Which secrets `text` contains, by name. */
const leaked = (text: string, except: readonly string[] = []) =>
  Object.entries(secrets())
    .filter(([, value]) => !except.includes(value) && text.includes(value))
    .map(([name]) => name);

async function startReceiver(): Promise<string> {
  receiver = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(502).end('the receiver is down'));
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/palisade?token=${WEBHOOK_URL_TOKEN}`;
}

beforeAll(async () => {
  const webhookUrl = await startReceiver();
  fake = await FakeKubeApiServer.start({ token: KUBE_TOKEN });
  namespace(fake, 'shop');
  deployment(fake, 'shop', 'web');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-secrets-e2e-'));
  db = await createTestDatabase();
  api = await startApi({
    DATABASE_URL: db.url,
    PALISADE_DATA_DIR: dir,
    PALISADE_DEMO: 'on',
    PALISADE_ADMIN_USERNAME: ADMIN.username,
    PALISADE_ADMIN_PASSWORD: ADMIN.password,
    PALISADE_SECRET_KEY: SECRET_KEY,
    ALERT_GRACE: '0s',
    ALERT_RETRY_BASE: '100ms',
    ALERT_DELIVERY_ATTEMPTS: '2',
    LOG_LEVEL: 'debug',
  });
  demo = await waitFor('the demo cluster with workloads and policies', () => demoObjects(api.url), 60_000);

  // The admin works in the browser: every change below carries the session's CSRF token.
  admin = await signIn(api.url, ADMIN.username, ADMIN.password);
  sessions.push(admin);
  const asAdmin = browser(admin);
  ids['webhook'] = (await ok(as(asAdmin, 'POST', '/api/channels', { type: 'webhook', name: 'receiver', url: webhookUrl, secret: WEBHOOK_SECRET }), 201)).id;
  ids['slack'] = (await ok(as(asAdmin, 'POST', '/api/channels', { type: 'slack', name: 'ops chat', url: `https://hooks.slack.com/services/${SLACK_PATH}` }), 201)).id;
  ids['email'] = (
    await ok(as(asAdmin, 'POST', '/api/channels', { type: 'email', name: 'mail', host: 'smtp.example.invalid', port: 587, user: 'palisade', password: SMTP_PASSWORD, from: 'palisade@example.com', to: ['ops@example.com'] }), 201)
  ).id;
  await ok(as(asAdmin, 'PUT', `/api/channels/${ids['webhook']}`, { type: 'webhook', name: 'receiver (rotated)', secret: WEBHOOK_SECRET_2 }), 200);
  const doomedChannel = await ok(as(asAdmin, 'POST', '/api/channels', { type: 'webhook', name: 'short-lived', url: `${webhookUrl}&short=1`, secret: WEBHOOK_SECRET }), 201);
  await ok(as(asAdmin, 'DELETE', `/api/channels/${doomedChannel.id}`), 204);
  await ok(as(asAdmin, 'POST', `/api/channels/${ids['webhook']}/test`), 200);
  // A cluster added through the API, re-keyed with a token its API server refuses (so the
  // collector's error paths run), and another one added and removed.
  const kubeconfig = fake.kubeconfigYaml('stored');
  expect(kubeconfig).toContain(KUBE_TOKEN);
  ids['stored'] = (await ok(as(asAdmin, 'POST', '/api/clusters', { name: 'stored', kubeconfig }), 201)).id;
  await waitFor('the added cluster to be watched', async () => ((await as(bootstrapAdmin, 'GET', `/api/clusters/${ids['stored']}`)).body.status === 'ok' ? true : undefined), 30_000);
  await ok(as(asAdmin, 'PUT', `/api/clusters/${ids['stored']}/kubeconfig`, { kubeconfig: kubeconfig.replace(KUBE_TOKEN, WRONG_KUBE_TOKEN) }), 200);
  ids['storedGone'] = (await ok(as(asAdmin, 'POST', '/api/clusters', { name: 'short-lived', kubeconfig }), 201)).id;
  await ok(as(asAdmin, 'DELETE', `/api/clusters/${ids['storedGone']}`), 204);
  await waitFor('the re-keyed cluster to be refused', async () => ((await as(bootstrapAdmin, 'GET', `/api/clusters/${ids['stored']}`)).body.status === 'unauthorized' ? true : undefined), 30_000);

  ids['rule'] = (await ok(as(asAdmin, 'POST', '/api/alert-rules', { name: 'everything', kinds: ['WORKLOAD_EXPOSED', 'INTERNET_EXPOSURE', 'POLICY_REMOVED'], severity: 'warning', channelIds: [ids['webhook']] }), 201)).id;

  ids['viewer'] = (await ok(as(asAdmin, 'POST', '/api/users', { ...VIEWER, role: 'viewer' }), 201)).id;
  ids['operator'] = (await ok(as(asAdmin, 'POST', '/api/users', { ...OPERATOR, role: 'operator' }), 201)).id;
  await ok(as(asAdmin, 'PATCH', `/api/users/${ids['operator']}`, { password: OPERATOR_NEW_PASSWORD }), 200);
  ids['doomed'] = (await ok(as(asAdmin, 'POST', '/api/users', { ...DOOMED, role: 'viewer' }), 201)).id;
  await ok(as(asAdmin, 'DELETE', `/api/users/${ids['doomed']}`), 204);

  madeTokens.push(await createToken(api.url, 'viewer', 'automation', asAdmin, 30));
  madeTokens.push(await createToken(api.url, 'operator', 'short-lived automation', asAdmin));
  await ok(as(asAdmin, 'DELETE', `/api/tokens/${madeTokens[1].id}`), 204);
  madeTokens.push(await createToken(api.url, 'admin', 'made with the bootstrap token', bootstrapAdmin));
  expect((await as(bearer(madeTokens[0].secret), 'GET', '/api/clusters')).status).toBe(200);

  // The operator manages exceptions; the viewer signs in, out, and in again.
  operator = await signIn(api.url, OPERATOR.username, OPERATOR_NEW_PASSWORD);
  sessions.push(operator);
  const exception = await ok(as(browser(operator), 'POST', '/api/exceptions', { namespace: demo.workload.namespace, kind: demo.workload.kind, name: demo.workload.name, reason: 'tested', owner: 'qa' }), 201);
  ids['exception'] = exception.id;
  ids['exception2'] = (await ok(as(browser(operator), 'POST', '/api/exceptions', { namespace: 'shop', kind: 'Deployment', name: 'gone', reason: 'temporary', owner: 'qa' }), 201)).id;
  await ok(as(browser(operator), 'DELETE', `/api/exceptions/${ids['exception2']}`), 204);
  ids['report'] = (await ok(as(browser(operator), 'POST', '/api/reports', { clusterId: demo.clusterId }), 201)).id;

  const first = await signIn(api.url, VIEWER.username, VIEWER.password);
  sessions.push(first);
  await ok(as(browser(first), 'POST', '/api/auth/logout'), 204);
  viewer = await signIn(api.url, VIEWER.username, VIEWER.password);
  sessions.push(viewer);
  expect((await login(api.url, ADMIN.username, WRONG_PASSWORDS[0])).status).toBe(401);
  expect((await login(api.url, VIEWER.username, WRONG_PASSWORDS[1])).status).toBe(401);
  // A few alerts reach the failing receiver, so delivery errors are logged too.
  await waitFor('a delivery attempt to the receiver', async () => {
    const res = await as<Items>(bootstrapAdmin, 'GET', `/api/deliveries?channel=${ids['webhook']}`);
    return res.body.items.some((d) => d.log.length > 0) ? true : undefined;
  }, 20_000).catch(() => undefined);
}, 120_000);

afterAll(async () => {
  const code = await api?.stop();
  await db?.drop();
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
  await fake?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  expect(code).toBe(0);
});

/** Concrete paths for the GET routes of the OpenAPI document, with real ids and objects. */
function getPaths(route: string): string[] {
  const template = route.slice('GET '.length);
  const c = `/api/clusters/${demo.clusterId}`;
  const w = demo.workload;
  const byTemplate: Record<string, string[]> = {
    '/api/clusters/{id}': [c, `/api/clusters/${ids['stored']}`],
    '/api/clusters/{id}/scores': [`${c}/scores`],
    '/api/clusters/{id}/namespaces/{namespace}/scores': [`${c}/namespaces/${w.namespace}/scores`],
    '/api/clusters/{id}/workloads/{namespace}/{kind}/{name}/scores': [`${c}/workloads/${w.namespace}/${w.kind}/${w.name}/scores`],
    '/api/clusters/{id}/workloads': [`${c}/workloads?limit=1000`],
    '/api/clusters/{id}/workloads/{namespace}/{kind}/{name}': [`${c}/workloads/${w.namespace}/${w.kind}/${w.name}`],
    '/api/clusters/{id}/namespaces': [`${c}/namespaces?limit=1000`],
    '/api/clusters/{id}/policies': [`${c}/policies?limit=1000`],
    '/api/clusters/{id}/policies/{kind}/{namespace}/{name}': [`${c}/policies/${demo.policy.kind}/${demo.policy.namespace}/${demo.policy.name}`],
    '/api/clusters/{id}/policies/{kind}/{name}': [`${c}/policies/${demo.clusterPolicy.kind}/${demo.clusterPolicy.name}`],
    '/api/clusters/{id}/changes': [`${c}/changes?limit=1000`],
    '/api/clusters/{id}/snapshots': [`${c}/snapshots?limit=1000`],
    '/api/clusters/{id}/diff': [`${c}/diff?from=1&to=1`],
    '/api/clusters/{id}/explain': [`${c}/explain?from=${encodeURIComponent(demo.pod)}&to=10.0.0.1&port=80%2FTCP`],
    '/api/users/{id}': [`/api/users/${ids['viewer']}`, `/api/users/${ids['operator']}`],
    '/api/channels/{id}': [`/api/channels/${ids['webhook']}`, `/api/channels/${ids['slack']}`, `/api/channels/${ids['email']}`],
    '/api/alert-rules/{id}': [`/api/alert-rules/${ids['rule']}`],
    '/api/reports/{id}': [`/api/reports/${ids['report']}`],
    '/api/reports/{id}/download': ['html', 'json', 'csv', 'policyreport'].map((f) => `/api/reports/${ids['report']}/download?format=${f}`),
    '/api/auth/oidc/callback': ['/api/auth/oidc/callback?code=made-up&state=made-up'],
  };
  if (byTemplate[template]) return byTemplate[template];
  if (template.includes('{')) throw new Error(`no parameters for ${route}: add them to getPaths`);
  return [template.startsWith('/api/auth') || template === '/api/health' || template === '/api/ready' || template === '/api/metrics' ? template : `${template}?limit=1000`];
}

describe('secrets never leak', () => {
  it('answers no secret on any GET route, to an admin token or an admin session', async () => {
    await waitFor('the report', async () => ((await as(bootstrapAdmin, 'GET', `/api/reports/${ids['report']}`)).body.status === 'ready' ? true : undefined), 30_000);
    const routes = (await documentedRoutes(api.url)).filter((r) => r.startsWith('GET '));
    expect(routes.length).toBeGreaterThan(30);
    const found: string[] = [];
    let read = 0;
    for (const route of routes) {
      for (const target of getPaths(route)) {
        for (const [who, identity] of [
          ['admin token', bootstrapAdmin],
          ['admin session', browser(admin)],
        ] as const) {
          const res = await as(identity, 'GET', target);
          // A 400 would mean the scan read an error instead of the route's data.
          if (res.status === 400 || res.status >= 500) found.push(`${target} as ${who}: ${res.status} ${res.text}`);
          if (res.status === 200) read++;
          const where = `${target} as ${who}`;
          for (const name of leaked(`${res.text}\n${[...res.headers.entries()].map(([k, v]) => `${k}: ${v}`).join('\n')}`)) found.push(`${where}: ${name}`);
        }
      }
    }
    expect(found).toEqual([]);
    expect(read).toBeGreaterThan(routes.length);
  });

  it('answers the CSRF token only to the sign-in, and a token secret only to its creation', () => {
    expect(leaked(admin.text, [admin.csrfToken])).toEqual([]);
    expect(admin.text).toContain(admin.csrfToken);
    for (const token of madeTokens) expect(leaked(token.text, [token.secret])).toEqual([]);
  });

  it('prints no secret in the process output, request logs included', async () => {
    await new Promise((r) => setTimeout(r, 300));
    const output = api.output();
    // The debug request logs are there, so a leak through them would show.
    expect(output).toMatch(/"url":"\/api\/auth\/login"/);
    expect(output).toMatch(/"url":"\/api\/channels\/[0-9a-f-]+\/test"/);
    expect(leaked(output)).toEqual([]);
    // An admin existed from the start: no setup token was printed.
    expect(output).not.toMatch(/setup token/);
  });

  it('keeps no password, token secret or session token in the database in clear', async () => {
    const tables = await db.prisma.$queryRaw<{ table_name: string }[]>`SELECT table_name::text AS table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
    let dump = '';
    for (const { table_name } of tables) {
      const rows = await db.prisma.$queryRawUnsafe<{ row: unknown }[]>(`SELECT row_to_json(t) AS row FROM "${table_name.replace(/"/g, '""')}" t`);
      dump += JSON.stringify(rows);
    }
    expect(dump.length).toBeGreaterThan(1000);
    // The CSRF token is kept as is (it is compared with the header, and is no credential alone).
    const csrf = sessions.map((s) => s.csrfToken);
    expect(leaked(dump, csrf)).toEqual([]);
  });
});

describe('the audit log', () => {
  let events: Json[];
  const find = (action: string, target?: string) => events.filter((e) => e.action === action && (target === undefined || e.target === target));
  const byAdmin = { kind: 'user', name: ADMIN.username };

  beforeAll(async () => {
    const res = await as<Items>(bootstrapAdmin, 'GET', '/api/audit?limit=1000');
    expect(res.status).toBe(200);
    events = res.body.items;
  });

  it('lists user changes with who made them, passwords redacted', () => {
    expect(find('user.created').filter((e) => e.details['username'] === ADMIN.username)).toEqual([expect.objectContaining({ actor: { kind: 'system', id: null, name: 'bootstrap' } })]);
    expect(find('user.created', `user:${ids['viewer']}`)).toEqual([
      expect.objectContaining({ actor: expect.objectContaining({ ...byAdmin, id: admin.user.id }), details: { username: VIEWER.username, role: 'viewer', password: '[redacted]' } }),
    ]);
    expect(find('user.updated', `user:${ids['operator']}`)).toEqual([expect.objectContaining({ actor: expect.objectContaining(byAdmin), details: { password: '[redacted]' } })]);
    expect(find('user.deleted', `user:${ids['doomed']}`)).toEqual([expect.objectContaining({ actor: expect.objectContaining(byAdmin) })]);
  });

  it('lists tokens made and revoked, by a user or by a token', () => {
    expect(find('token.created').filter((e) => e.details['via'] === 'PALISADE_BOOTSTRAP_TOKEN')).toEqual([expect.objectContaining({ actor: expect.objectContaining({ kind: 'system', name: 'bootstrap' }) })]);
    expect(find('token.created', `token:${madeTokens[0].id}`)).toEqual([expect.objectContaining({ actor: expect.objectContaining(byAdmin), details: { name: 'automation', role: 'viewer', expiresInDays: 30 } })]);
    expect(find('token.created', `token:${madeTokens[2].id}`)).toEqual([expect.objectContaining({ actor: expect.objectContaining({ kind: 'token', name: 'bootstrap' }) })]);
    expect(find('token.revoked', `token:${madeTokens[1].id}`)).toEqual([expect.objectContaining({ actor: expect.objectContaining(byAdmin) })]);
  });

  it('lists channel changes with their secrets and URLs redacted', () => {
    const created = find('channel.created');
    expect(created).toHaveLength(4);
    expect(find('channel.created', `channel:${ids['webhook']}`)[0]).toMatchObject({ actor: byAdmin, details: { type: 'webhook', name: 'receiver', url: '[redacted]', secret: '[redacted]' } });
    expect(find('channel.created', `channel:${ids['slack']}`)[0]).toMatchObject({ details: { type: 'slack', url: '[redacted]' } });
    expect(find('channel.created', `channel:${ids['email']}`)[0]).toMatchObject({ details: { type: 'email', host: 'smtp.example.invalid', user: 'palisade', password: '[redacted]' } });
    expect(find('channel.updated', `channel:${ids['webhook']}`)).toEqual([expect.objectContaining({ actor: expect.objectContaining(byAdmin), details: { type: 'webhook', name: 'receiver (rotated)', secret: '[redacted]' } })]);
    expect(find('channel.deleted')).toHaveLength(1);
    expect(find('channel.tested', `channel:${ids['webhook']}`)).toHaveLength(1);
  });

  it('lists clusters added, re-keyed and removed, their kubeconfigs redacted', () => {
    expect(find('cluster.created', `cluster:${ids['stored']}`)).toEqual([expect.objectContaining({ actor: expect.objectContaining(byAdmin), details: { name: 'stored', kubeconfig: '[redacted]' } })]);
    expect(find('cluster.credentials-replaced', `cluster:${ids['stored']}`)).toEqual([expect.objectContaining({ actor: expect.objectContaining(byAdmin), details: { kubeconfig: '[redacted]' } })]);
    expect(find('cluster.deleted', `cluster:${ids['storedGone']}`)).toEqual([expect.objectContaining({ actor: expect.objectContaining(byAdmin) })]);
  });

  it('lists exceptions and alert rules with their authors', () => {
    expect(find('exception.created', `exception:${ids['exception']}`)).toEqual([expect.objectContaining({ actor: expect.objectContaining({ kind: 'user', name: OPERATOR.username }), details: expect.objectContaining({ reason: 'tested', owner: 'qa' }) })]);
    expect(find('exception.deleted', `exception:${ids['exception2']}`)).toEqual([expect.objectContaining({ actor: expect.objectContaining({ name: OPERATOR.username }) })]);
    expect(find('alert-rule.created', `alert-rule:${ids['rule']}`)).toEqual([expect.objectContaining({ actor: expect.objectContaining(byAdmin), details: expect.objectContaining({ name: 'everything', channelIds: [ids['webhook']] }) })]);
  });

  it('lists sign-ins, sign-outs and failed sign-ins, never with a password', () => {
    const logins = find('auth.login').map((e) => e.actor.name);
    expect(logins.filter((n: string) => n === VIEWER.username)).toHaveLength(2);
    expect(logins).toEqual(expect.arrayContaining([ADMIN.username, OPERATOR.username]));
    expect(find('auth.login', `user:${ids['viewer']}`)[0].details).toEqual({ method: 'password', address: expect.any(String) });
    expect(find('auth.logout', `user:${ids['viewer']}`)).toEqual([expect.objectContaining({ actor: expect.objectContaining({ kind: 'user', name: VIEWER.username }) })]);
    const failed = find('auth.login-failed');
    expect(failed.map((e) => e.actor.name).sort()).toEqual([ADMIN.username, VIEWER.username].sort());
    for (const e of failed) expect(e.details).toEqual({ address: expect.any(String) });
    expect(leaked(JSON.stringify(events))).toEqual([]);
  });

  it('filters by action', async () => {
    const res = await as<Items>(bootstrapAdmin, 'GET', '/api/audit?action=channel.created');
    expect(res.body.items.map((e) => e.action)).toEqual(['channel.created', 'channel.created', 'channel.created', 'channel.created']);
    expect(res.body.total).toBe(4);
  });
});
