import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTestDatabase, TestDatabase } from '@palisade/database/testing';
import { FakeKubeApiServer } from '@palisade/k8s-testing';
import { stringify } from 'yaml';
import { Answer, anonymous, bearer, bootstrapAdmin, browser, call, codeOf, createToken, createUser, Items, Json, login, signIn } from './access-client';
import { ADMIN_TOKEN, ApiProcess, freePort, startApi, waitFor } from './api-process';
import { namespace } from './cluster-objects';

/**
 * What an attacker tried against the built API (issue "Hardening"), each as it was reproduced:
 * a kubeconfig that makes the server read its own files, remote answers shown to anonymous
 * callers, credentials in channel URLs, free password hashing, YAML alias bombs, tokens outliving
 * their owners, login CSRF, lock-outs by strangers, 500s for bad requests, unbounded answers,
 * and the setup link ignoring PORT. Each test failed before its fix.
 */

const FILE_SECRET = 'contents-of-a-server-file-nobody-may-read';
const REMOTE_SECRET = 'remote-server-says-something-secret';
const URL_SECRET_PATH = 'T0000-hook-path-secret';
const URL_SECRET_QUERY = 'query-secret-token';
const KUBE_TOKEN = 'fake-cluster-token-of-the-hardening-suite';
const PUBLIC_PORT = '3300';

let db: TestDatabase;
let api: ApiProcess;
let fake: FakeKubeApiServer;
let dir: string;
let secretFile: string;
/** Every request the hostile servers received, with their headers. */
const received: { path: string; headers: http.IncomingHttpHeaders }[] = [];
let hostile: http.Server;
let hostileUrl: string;

const as = bootstrapAdmin;
const listen = (server: http.Server) => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as net.AddressInfo).port}`)));
const close = (server: http.Server) => new Promise<void>((resolve) => server.close(() => resolve()));

/** A kubeconfig for `server` whose user has these fields. */
function kubeconfig(server: string, user: Record<string, unknown>, cluster: Record<string, unknown> = {}): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'c', cluster: { server, 'insecure-skip-tls-verify': true, ...cluster } }],
    users: [{ name: 'u', user }],
    contexts: [{ name: 'ctx', context: { cluster: 'c', user: 'u' } }],
    'current-context': 'ctx',
  });
}

function rawPost(pathAndQuery: string, body: string | Buffer, headers: Record<string, string>): Promise<Answer> {
  return fetch(`${api.url}${pathAndQuery}`, { method: 'POST', headers, body }).then(async (res) => {
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
    return { status: res.status, body: parsed as Json, text, headers: res.headers };
  });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-hardening-'));
  secretFile = path.join(dir, 'server-secret');
  fs.writeFileSync(secretFile, `${FILE_SECRET}\n`);
  // Answers every request with a 500 whose body and headers carry a secret, and records what came.
  hostile = http.createServer((req, res) => {
    received.push({ path: req.url ?? '', headers: req.headers });
    res.writeHead(req.url?.startsWith('/api/v1/pods') ? 403 : 500, { 'content-type': 'application/json', 'x-remote': REMOTE_SECRET });
    res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message: REMOTE_SECRET, reason: 'InternalError', code: 500 }));
  });
  hostileUrl = await listen(hostile);
  fake = await FakeKubeApiServer.start({ token: KUBE_TOKEN });
  namespace(fake, 'shop');
  db = await createTestDatabase();
  api = await startApi({
    DATABASE_URL: db.url,
    PALISADE_DATA_DIR: dir,
    PALISADE_DEMO: 'off',
    PALISADE_SECRET_KEY: 'c'.repeat(64),
    PORT: PUBLIC_PORT,
    LOGIN_MAX_FAILURES: '3',
    LOGIN_BLOCK: '3s',
    // Receivers of this suite listen on loopback; everything else private stays refused.
    ALERT_ALLOW_PRIVATE_TARGETS: '127.0.0.0/8',
    ALERT_DELIVERY_TIMEOUT: '5s',
    CLUSTER_LOCK_RETRY: '500ms',
    LOG_LEVEL: 'debug',
  });
}, 120_000);

afterAll(async () => {
  const code = await api?.stop();
  await db?.drop();
  await fake?.stop();
  if (hostile) await close(hostile);
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  expect(code).toBe(0);
});

describe('kubeconfigs given over the API (finding 1, 5)', () => {
  const fileFields: [string, Record<string, unknown>, Record<string, unknown>][] = [
    ['token-file', { 'token-file': '' }, {}],
    ['tokenFile', { tokenFile: '' }, {}],
    ['client-certificate', { 'client-certificate': '', 'client-key-data': 'a2V5' }, {}],
    ['client-key', { 'client-key': '', 'client-certificate-data': 'Y2VydA==' }, {}],
    ['auth-provider', { 'auth-provider': { name: 'oidc', config: { tokenFile: '' } } }, {}],
    ['exec', { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: 'cat', args: [''] } }, {}],
    ['certificate-authority', { token: 't' }, { 'certificate-authority': '' }],
    ['proxy-url', { token: 't' }, { 'proxy-url': '' }],
  ];

  it.each(fileFields)('refuses %s before anything reads the file or the network', async (field, user, cluster) => {
    // Every empty string above is the path of a file that exists on the server.
    const fill = (o: Record<string, unknown>): Record<string, unknown> =>
      JSON.parse(JSON.stringify(o).replace(/""/g, JSON.stringify(field === 'proxy-url' ? hostileUrl : secretFile)));
    const before = received.length;
    const res = await call(api.url, as, 'POST', '/api/clusters', { body: { name: `file-${field.toLowerCase()}`, kubeconfig: kubeconfig(hostileUrl, fill(user), fill(cluster)) } });
    expect([res.status, codeOf(res)]).toEqual([400, 'invalid-request']);
    expect(res.body['error'].message).toContain(field);
    expect(res.text).not.toContain(FILE_SECRET);
    // Nothing was sent anywhere, and nothing was kept.
    await new Promise((r) => setTimeout(r, 300));
    expect(received.length).toBe(before);
    expect(await db.prisma.cluster.count({ where: { name: `file-${field.toLowerCase()}` } })).toBe(0);
  });

  it('refuses a server URL with credentials, a query or a fragment, and a cloud metadata server', async () => {
    for (const server of [`${hostileUrl}/#`, `${hostileUrl}/?x=1`, hostileUrl.replace('http://', 'http://u:p@'), 'http://169.254.169.254', 'http://[fd00:ec2::254]', 'http://metadata.google.internal']) {
      const res = await call(api.url, as, 'POST', '/api/clusters', { body: { name: 'odd-server', kubeconfig: kubeconfig(server, { token: 't' }) } });
      expect([server, res.status]).toEqual([server, 400]);
    }
  });

  it('refuses a YAML alias bomb at once, and stores nothing', async () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const bomb = `${levels.join('\n')}\n${kubeconfig(fake.url, { token: KUBE_TOKEN })}`;
    expect(bomb.length).toBeLessThan(2000);
    const started = Date.now();
    const res = await call(api.url, as, 'POST', '/api/clusters', { body: { name: 'bomb', kubeconfig: bomb } });
    expect([res.status, codeOf(res)]).toEqual([400, 'invalid-request']);
    expect(res.body['error'].message).toMatch(/aliases/);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await db.prisma.cluster.count({ where: { name: 'bomb' } })).toBe(0);
  });

  it('refuses fields of the wrong type with a named 400', async () => {
    const res = await call(api.url, as, 'POST', '/api/clusters', { body: { name: 'typed', kubeconfig: kubeconfig(fake.url, { token: { nested: true } }, { 'insecure-skip-tls-verify': 'yes' }) } });
    expect(res.status).toBe(400);
    expect(res.body['error'].message).toMatch(/token must be a string/);
    expect(res.body['error'].message).toMatch(/insecure-skip-tls-verify must be true or false/);
  });

  it('takes a pasted kubeconfig of up to 1 MB, as the README promises', async () => {
    const big = kubeconfig(fake.url, { token: KUBE_TOKEN });
    const padded = `${big}# ${'x'.repeat(1_000_000 - big.length - 10)}\n`;
    expect(Buffer.byteLength(padded)).toBeLessThanOrEqual(1_000_000);
    expect(Buffer.byteLength(padded)).toBeGreaterThan(990_000);
    const res = await call<Json>(api.url, as, 'POST', '/api/clusters', { body: { name: 'big', kubeconfig: padded } });
    expect(res.status).toBe(201);
    const over = await call(api.url, as, 'POST', '/api/clusters', { body: { name: 'bigger', kubeconfig: `${padded}${'#'.repeat(20_000)}\n` } });
    expect(over.status).toBe(400);
    expect((await call(api.url, as, 'DELETE', `/api/clusters/${res.body['id']}`)).status).toBe(204);
  });
});

describe('remote answers (finding 2)', () => {
  let id: string;

  it('shows viewers a reason Palisade wrote, never the remote body or headers; anonymous readiness says only healthy or not', async () => {
    const created = await call<Json>(api.url, as, 'POST', '/api/clusters', { body: { name: 'hostile', kubeconfig: kubeconfig(hostileUrl, { token: 'a-token' }) } });
    expect(created.status).toBe(201);
    id = created.body['id'];
    const viewer = await createToken(api.url, 'viewer', 'remote-viewer');
    const cluster = await waitFor('the hostile cluster to fail', async () => {
      const res = await call<Json>(api.url, bearer(viewer.secret), 'GET', `/api/clusters/${id}`);
      return res.body['status'] !== 'connecting' ? res : undefined;
    });
    expect(cluster.body['statusReason']).toMatch(/answered 500/);
    const everywhere = [
      cluster,
      await call(api.url, bearer(viewer.secret), 'GET', '/api/clusters'),
      await call(api.url, bearer(viewer.secret), 'GET', '/api/ready'),
      await call(api.url, anonymous, 'GET', '/api/ready'),
    ];
    for (const res of everywhere) expect(res.text).not.toContain(REMOTE_SECRET);
    expect(api.output()).not.toContain(REMOTE_SECRET);
    const ready = await call<Json>(api.url, anonymous, 'GET', '/api/ready');
    expect(Object.keys(ready.body).sort()).toEqual(['clusters', 'status']);
    for (const c of ready.body['clusters'] as Json[]) expect(Object.keys(c).sort()).toEqual(['healthy', 'name']);
    expect(ready.body['clusters']).toContainEqual({ name: 'hostile', healthy: false });
    const signedIn = await call<Json>(api.url, bearer(viewer.secret), 'GET', '/api/ready');
    expect(signedIn.body).toMatchObject({ database: 'ok', replica: expect.any(String) });
  });

  it('removes the hostile cluster', async () => {
    expect((await call(api.url, as, 'DELETE', `/api/clusters/${id}`)).status).toBe(204);
  });
});

describe('channels (findings 3, 10, 11)', () => {
  let receiver: http.Server;
  let receiverUrl: string;
  let bytesSent = 0;
  let closedPort: number;

  beforeAll(async () => {
    // Answers with 150 MB, as fast as the client reads it.
    receiver = http.createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(1024 * 1024, 'z');
      let left = 150;
      const pump = () => {
        while (left > 0) {
          left--;
          bytesSent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => (left = 0));
      pump();
    });
    receiverUrl = await listen(receiver);
    closedPort = await freePort();
  });

  afterAll(async () => {
    receiver.closeAllConnections();
    await close(receiver);
  });

  it('refuses a URL with user:password@, a cloud metadata or link-local address, and private ranges not allowed', async () => {
    const cases: [string, RegExp][] = [
      [`http://user:hunter2@127.0.0.1:${closedPort}/`, /user name or password/],
      ['http://169.254.169.254/latest/meta-data/', /metadata/],
      ['http://[fd00:ec2::254]/', /metadata/],
      ['http://100.100.100.200/', /metadata/],
      ['http://169.254.10.10/', /link-local/],
      ['http://10.20.30.40/hook', /private or loopback/],
      ['http://192.168.1.1/hook', /private or loopback/],
    ];
    for (const [url, why] of cases) {
      const res = await call(api.url, as, 'POST', '/api/channels', { body: { type: 'webhook', name: 'bad', url } });
      expect([url, res.status]).toEqual([url, 400]);
      expect(res.body['error'].message).toMatch(why);
      expect(res.text).not.toContain('hunter2');
    }
    const smtp = await call(api.url, as, 'POST', '/api/channels', { body: { type: 'email', name: 'bad-mail', host: '169.254.169.254', from: 'a@example.com', to: ['b@example.com'] } });
    expect(smtp.status).toBe(400);
  });

  it('reports a failed delivery as "could not connect", quoting no URL path or query, in the answer, the delivery log and the server log', async () => {
    const url = `http://127.0.0.1:${closedPort}/services/${URL_SECRET_PATH}?token=${URL_SECRET_QUERY}`;
    const channel = await call<Json>(api.url, as, 'POST', '/api/channels', { body: { type: 'slack', name: 'closed', url } });
    expect(channel.status).toBe(201);
    const test = await call<Json>(api.url, as, 'POST', `/api/channels/${channel.body['id']}/test`);
    expect(test.body).toMatchObject({ ok: false, error: 'could not connect' });
    const deliveries = await call(api.url, as, 'GET', '/api/deliveries?limit=100');
    const channels = await call(api.url, as, 'GET', '/api/channels');
    const audit = await call(api.url, as, 'GET', '/api/audit?limit=200');
    const attempts = await db.prisma.deliveryAttempt.findMany();
    for (const text of [channel.text, test.text, deliveries.text, channels.text, audit.text, JSON.stringify(attempts, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)), api.output()]) {
      expect(text).not.toContain(URL_SECRET_PATH);
      expect(text).not.toContain(URL_SECRET_QUERY);
    }
  });

  it('reads at most a small part of a receiver\'s answer (150 MB answered)', async () => {
    const channel = await call<Json>(api.url, as, 'POST', '/api/channels', { body: { type: 'webhook', name: 'huge-answer', url: `${receiverUrl}/hook` } });
    expect(channel.status).toBe(201);
    const test = await call<Json>(api.url, as, 'POST', `/api/channels/${channel.body['id']}/test`);
    expect(test.body).toMatchObject({ ok: true, statusCode: 200 });
    // The connection is dropped after the first 64 KiB: what the receiver got out is bounded by socket buffers.
    await new Promise((r) => setTimeout(r, 300));
    expect(bytesSent).toBeLessThan(32 * 1024 * 1024);
  });
});

describe('first-admin setup (finding 4) and the setup link (finding 12)', () => {
  it('prints the setup link on the dashboard\'s port (PORT)', () => {
    expect(api.output()).toContain(`http://localhost:${PUBLIC_PORT}/setup`);
    expect(api.output()).not.toContain('http://localhost:3000/setup');
  });

  it('throttles every refused setup, also once an admin exists', async () => {
    const from = { 'x-forwarded-for': '192.0.2.200' };
    const attempt = () => call(api.url, anonymous, 'POST', '/api/auth/setup', { body: { setupToken: 'not-the-token-at-all', username: 'would-be', password: 'a long enough password' }, headers: from });
    for (let i = 0; i < 3; i++) expect(codeOf(await attempt())).toBe('invalid-setup-token');
    const blocked = await attempt();
    expect([blocked.status, codeOf(blocked)]).toEqual([429, 'too-many-attempts']);
    await new Promise((r) => setTimeout(r, Number(blocked.headers.get('retry-after')) * 1000 + 300));

    await createUser(api.url, { username: 'first-admin', password: 'the first admin password', role: 'admin' });
    const later = { 'x-forwarded-for': '192.0.2.201' };
    const afterAdmin = () => call(api.url, anonymous, 'POST', '/api/auth/setup', { body: { setupToken: 'whatever-anyone-sends', username: 'x1', password: 'a long enough password' }, headers: later });
    for (let i = 0; i < 3; i++) expect(codeOf(await afterAdmin())).toBe('already-set-up');
    expect([(await afterAdmin()).status]).toEqual([429]);
  });
});

describe('API tokens and their owners (finding 6)', () => {
  const OWNER = { username: 'token-owner', password: 'the token owner password' };

  it('ends a token when its owner is disabled, narrows it when they are demoted, and deletes it with them', async () => {
    const owner = await createUser(api.url, { ...OWNER, role: 'admin' });
    // Another admin, so the owner may be demoted (one enabled admin must remain).
    await createUser(api.url, { username: 'spare-admin', password: 'the spare admin password', role: 'admin' });
    const session = await signIn(api.url, OWNER.username, OWNER.password);
    const adminToken = await createToken(api.url, 'admin', 'owned-admin', browser(session));
    const operatorToken = await createToken(api.url, 'operator', 'owned-operator', browser(session));
    expect((await call(api.url, bearer(adminToken.secret), 'GET', '/api/users')).status).toBe(200);

    // Demoted to viewer: the admin token can no longer act as an admin, nor the operator token as an operator.
    expect((await call(api.url, as, 'PATCH', `/api/users/${owner['id']}`, { body: { role: 'viewer' } })).status).toBe(200);
    expect((await call(api.url, bearer(adminToken.secret), 'GET', '/api/users')).status).toBe(403);
    expect((await call(api.url, bearer(adminToken.secret), 'GET', '/api/clusters')).status).toBe(200);
    const tokens = await call<Items>(api.url, as, 'GET', '/api/tokens?limit=100');
    expect(tokens.body.items.filter((t) => t['createdBy'] === OWNER.username).map((t) => t['role'])).toEqual(['viewer', 'viewer']);
    expect((await call(api.url, bearer(operatorToken.secret), 'POST', '/api/clusters/00000000-0000-0000-0000-000000000000/snapshots')).status).toBe(403);

    // Disabled: no token of theirs works, even after they are enabled again.
    expect((await call(api.url, as, 'PATCH', `/api/users/${owner['id']}`, { body: { disabled: true } })).status).toBe(200);
    expect((await call(api.url, bearer(adminToken.secret), 'GET', '/api/clusters')).status).toBe(401);
    expect((await call(api.url, as, 'PATCH', `/api/users/${owner['id']}`, { body: { disabled: false } })).status).toBe(200);
    expect((await call(api.url, bearer(adminToken.secret), 'GET', '/api/clusters')).status).toBe(401);

    // Deleted: their tokens are gone.
    expect((await call(api.url, as, 'DELETE', `/api/users/${owner['id']}`)).status).toBe(204);
    expect(await db.prisma.apiToken.count({ where: { name: { in: ['owned-admin', 'owned-operator'] } } })).toBe(0);
    // The bootstrap token is the documented exception: it belongs to no user.
    expect((await call(api.url, as, 'GET', '/api/users')).status).toBe(200);
  });
});

describe('sign-in (findings 7, 8)', () => {
  const USER = { username: 'locked-out-victim', password: 'the victim password, typed right' };

  it('accepts JSON only, and refuses sign-in from another site', async () => {
    await createUser(api.url, { ...USER, role: 'viewer' });
    const form = await rawPost('/api/auth/login', `username=${USER.username}&password=x`, { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' });
    expect([form.status, codeOf(form)]).toEqual([415, 'unsupported-media-type']);
    const text = await rawPost('/api/auth/login', JSON.stringify({ username: USER.username, password: USER.password }), { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
    const crossOrigin = await login(api.url, USER.username, USER.password, { origin: 'https://evil.example', 'x-forwarded-for': '192.0.2.70' });
    expect([crossOrigin.status, codeOf(crossOrigin)]).toEqual([403, 'cross-site-request']);
    expect(crossOrigin.headers.getSetCookie()).toEqual([]);
    const crossSite = await login(api.url, USER.username, USER.password, { 'sec-fetch-site': 'cross-site', 'x-forwarded-for': '192.0.2.70' });
    expect(crossSite.status).toBe(403);
    const ownPage = await login(api.url, USER.username, USER.password, { origin: `http://localhost:${PUBLIC_PORT}`, 'sec-fetch-site': 'same-origin', 'x-forwarded-for': '192.0.2.70' });
    expect(ownPage.status).toBe(200);
  });

  it('lets a user in from where they signed in before while strangers rotate addresses against the username', async () => {
    // 192.0.2.70 signed in above. Five strangers exhaust the per-username limit (3 x 4 = 12 failures).
    for (const n of [1, 2, 3, 4, 5]) {
      for (let i = 0; i < 3; i++) await login(api.url, USER.username, `guess ${n}.${i}`, { 'x-forwarded-for': `198.51.100.${n}` });
    }
    const stranger = await login(api.url, USER.username, USER.password, { 'x-forwarded-for': '198.51.100.99' });
    expect([stranger.status, codeOf(stranger)]).toEqual([429, 'too-many-attempts']);
    const owner = await login(api.url, USER.username, USER.password, { 'x-forwarded-for': '192.0.2.70' });
    expect(owner.status).toBe(200);
  });
});

describe('malformed requests (finding 9)', () => {
  const cases: [string, () => Promise<Answer>, number, string][] = [
    ['a body over the limit', () => rawPost('/api/auth/login', JSON.stringify({ username: 'x', password: 'y'.repeat(3 * 1024 * 1024) }), { 'content-type': 'application/json' }), 413, 'payload-too-large'],
    ['an unknown charset', () => rawPost('/api/auth/login', '{"username":"a","password":"b"}', { 'content-type': 'application/json; charset=ebcdic-cp-us' }), 415, 'unsupported-media-type'],
    ['a fake Content-Encoding', () => rawPost('/api/auth/login', '{"username":"a","password":"b"}', { 'content-type': 'application/json', 'content-encoding': 'fake' }), 415, 'unsupported-media-type'],
    ['a form with many fields', () => rawPost('/api/auth/login', Array.from({ length: 5000 }, (_, i) => `f${i}=1`).join('&'), { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'unsupported-media-type'],
    ['malformed JSON', () => rawPost('/api/auth/login', '{"username":', { 'content-type': 'application/json' }), 400, 'invalid-request'],
    ['a NUL byte in a JSON field', () => rawPost('/api/channels', JSON.stringify({ type: 'webhook', name: 'nul\u0000name', url: 'http://127.0.0.1:9/' }), { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` }), 400, 'invalid-request'],
    ['a NUL byte in a query', () => call(api.url, as, 'GET', '/api/audit?action=a%00b'), 400, 'invalid-request'],
    ['a NUL byte in a path parameter', () => call(api.url, as, 'GET', '/api/clusters/%00'), 400, 'invalid-request'],
  ];

  it.each(cases)('answers %s with a named 4xx, not a 500', async (_what, send, status, code) => {
    const res = await send();
    expect([res.status, codeOf(res)]).toEqual([status, code]);
    expect(res.body['error'].message).toEqual(expect.any(String));
  });
});

describe('documentation (finding 11)', () => {
  it('serves the OpenAPI document to anyone, as the README says: it describes routes, not data', async () => {
    expect((await call(api.url, anonymous, 'GET', '/api/docs-json')).status).toBe(200);
    const readme = fs.readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
    expect(readme).toMatch(/`\/api\/docs`[^\n]*public/);
  });
});

describe('what an attack leaves behind', () => {
  it('never logged a file, a remote secret or a URL secret', () => {
    for (const secret of [FILE_SECRET, REMOTE_SECRET, URL_SECRET_PATH, URL_SECRET_QUERY, 'hunter2']) expect(api.output()).not.toContain(secret);
  });
});
