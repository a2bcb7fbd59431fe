import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ClientToServerEvents, Role, ServerToClientEvents } from '@palisade/api-contract';
import { createTestDatabase, TestDatabase } from '@palisade/database/testing';
import { io, Socket } from 'socket.io-client';
import {
  anonymous,
  bearer,
  bootstrapAdmin,
  browser,
  call,
  codeOf,
  createToken,
  createUser,
  CreatedToken,
  DemoObjects,
  demoObjects,
  documentedRoutes,
  Identity,
  Items,
  Json,
  login,
  randomId,
  Session,
  signIn,
} from './access-client';
import { ApiProcess, startApi, waitFor } from './api-process';

/**
 * Access control end to end against the built API (demo cluster, real PostgreSQL): who may call
 * every route, CSRF on cookie sessions, the socket.io handshake, API tokens, and users with
 * their roles. One API process; the tests run in order and share the tokens made at the start.
 */
const ADMIN = { username: 'root-admin', password: 'root admin password of the access suite' };

let db: TestDatabase;
let api: ApiProcess;
let dir: string;
let demo: DemoObjects;
let adminSession: Session;
const tokens: Partial<Record<Role, CreatedToken>> = {};

type Level = 'public' | Role;
const RANK: Record<Level, number> = { public: 0, viewer: 1, operator: 2, admin: 3 };

/** What a route's request is made of: its concrete path and, for writes, a body that would pass validation. */
type RequestOf = (o: DemoObjects) => { path: string; body?: unknown };
const at = (path: string, body?: unknown): RequestOf => () => ({ path, ...(body === undefined ? {} : { body }) });
/** A path made anew for each request (a random id each time). */
const fresh = (path: () => string, body?: unknown): RequestOf => () => ({ path: path(), ...(body === undefined ? {} : { body }) });
const inCluster = (suffix: string, body?: unknown): RequestOf => (o) => ({ path: `/api/clusters/${o.clusterId}${suffix}`, ...(body === undefined ? {} : { body }) });

const channelBody = { type: 'webhook', name: 'matrix', url: 'https://hooks.example.invalid/matrix' };
const ruleBody = { name: 'matrix', kinds: ['POLICY_REMOVED'], severity: 'warning', channelIds: ['default'] };
const exceptionBody = { namespace: 'shop', kind: 'Deployment', name: 'matrix', reason: 'access matrix', owner: 'tests' };

/**
 * The minimum level of every route, and the request the matrix makes of it. Writes aimed at
 * one object use a random id (the answer is 404 at or above the level); the rest use the demo
 * cluster's real objects. The list must match the OpenAPI document exactly.
 */
const ROUTES: Record<string, [Level, RequestOf]> = {
  'GET /api/health': ['public', at('/api/health')],
  'GET /api/ready': ['public', at('/api/ready')],
  // Prometheus scrapes with a viewer token (README, Metrics).
  'GET /api/metrics': ['viewer', at('/api/metrics')],
  'GET /api/auth/session': ['public', at('/api/auth/session')],
  'POST /api/auth/login': ['public', at('/api/auth/login', ADMIN)],
  // An admin exists: 409 already-set-up, from anyone.
  'POST /api/auth/setup': ['public', at('/api/auth/setup', { setupToken: 'not-the-setup-token', username: 'second-admin', password: 'a long enough password' })],
  'GET /api/auth/oidc/login': ['public', at('/api/auth/oidc/login')],
  'GET /api/auth/oidc/callback': ['public', at('/api/auth/oidc/callback?code=made-up&state=made-up')],
  'POST /api/auth/logout': ['viewer', at('/api/auth/logout')],
  // A token has no password (400); a session with a wrong current password gets 401 invalid-credentials.
  'POST /api/auth/password': ['viewer', at('/api/auth/password', { currentPassword: 'not the password', newPassword: 'a new long password' })],

  'GET /api/clusters': ['viewer', at('/api/clusters')],
  // Not a kubeconfig: 400 at or above the level, so the matrix adds no cluster.
  'POST /api/clusters': ['admin', at('/api/clusters', { name: 'matrix', kubeconfig: 'not: a kubeconfig' })],
  'GET /api/clusters/{id}': ['viewer', inCluster('')],
  'PUT /api/clusters/{id}/kubeconfig': ['admin', fresh(() => `/api/clusters/${randomId()}/kubeconfig`, { kubeconfig: 'not: a kubeconfig' })],
  'DELETE /api/clusters/{id}': ['admin', fresh(() => `/api/clusters/${randomId()}`)],
  'GET /api/clusters/{id}/scores': ['viewer', inCluster('/scores')],
  'GET /api/clusters/{id}/namespaces/{namespace}/scores': ['viewer', (o) => inCluster(`/namespaces/${o.workload.namespace}/scores`)(o)],
  'GET /api/clusters/{id}/workloads/{namespace}/{kind}/{name}/scores': ['viewer', (o) => inCluster(`/workloads/${o.workload.namespace}/${o.workload.kind}/${o.workload.name}/scores`)(o)],
  'GET /api/clusters/{id}/workloads': ['viewer', inCluster('/workloads')],
  'GET /api/clusters/{id}/workloads/{namespace}/{kind}/{name}': ['viewer', (o) => inCluster(`/workloads/${o.workload.namespace}/${o.workload.kind}/${o.workload.name}`)(o)],
  'GET /api/clusters/{id}/namespaces': ['viewer', inCluster('/namespaces')],
  'GET /api/clusters/{id}/policies': ['viewer', inCluster('/policies')],
  'GET /api/clusters/{id}/policies/{kind}/{namespace}/{name}': ['viewer', (o) => inCluster(`/policies/${o.policy.kind}/${o.policy.namespace}/${o.policy.name}`)(o)],
  'GET /api/clusters/{id}/policies/{kind}/{name}': ['viewer', (o) => inCluster(`/policies/${o.clusterPolicy.kind}/${o.clusterPolicy.name}`)(o)],
  'GET /api/clusters/{id}/changes': ['viewer', inCluster('/changes')],
  'GET /api/clusters/{id}/snapshots': ['viewer', inCluster('/snapshots')],
  'POST /api/clusters/{id}/snapshots': ['operator', inCluster('/snapshots')],
  'GET /api/clusters/{id}/diff': ['viewer', inCluster('/diff?from=1&to=1')],
  'GET /api/clusters/{id}/explain': ['viewer', (o) => inCluster(`/explain?from=${encodeURIComponent(o.pod)}&to=10.0.0.1&port=80%2FTCP`)(o)],

  'GET /api/alerts': ['viewer', at('/api/alerts')],
  'POST /api/alerts/{id}/acknowledge': ['operator', fresh(() => `/api/alerts/${randomId()}/acknowledge`)],
  'GET /api/deliveries': ['viewer', at('/api/deliveries')],
  'GET /api/exceptions': ['viewer', at('/api/exceptions')],
  'POST /api/exceptions': ['operator', at('/api/exceptions', exceptionBody)],
  'DELETE /api/exceptions/{id}': ['operator', fresh(() => `/api/exceptions/${randomId()}`)],
  'GET /api/reports': ['viewer', at('/api/reports')],
  'POST /api/reports': ['operator', at('/api/reports', {})],
  'GET /api/reports/{id}': ['viewer', fresh(() => `/api/reports/${randomId()}`)],
  'GET /api/reports/{id}/download': ['viewer', fresh(() => `/api/reports/${randomId()}/download?format=json`)],

  'GET /api/alert-rules': ['viewer', at('/api/alert-rules')],
  'POST /api/alert-rules': ['admin', at('/api/alert-rules', ruleBody)],
  'GET /api/alert-rules/{id}': ['viewer', fresh(() => `/api/alert-rules/${randomId()}`)],
  'PUT /api/alert-rules/{id}': ['admin', fresh(() => `/api/alert-rules/${randomId()}`, ruleBody)],
  'DELETE /api/alert-rules/{id}': ['admin', fresh(() => `/api/alert-rules/${randomId()}`)],
  'GET /api/channels': ['viewer', at('/api/channels')],
  'POST /api/channels': ['admin', at('/api/channels', channelBody)],
  'GET /api/channels/{id}': ['viewer', fresh(() => `/api/channels/${randomId()}`)],
  'PUT /api/channels/{id}': ['admin', fresh(() => `/api/channels/${randomId()}`, channelBody)],
  'DELETE /api/channels/{id}': ['admin', fresh(() => `/api/channels/${randomId()}`)],
  'POST /api/channels/{id}/test': ['admin', fresh(() => `/api/channels/${randomId()}/test`)],

  'GET /api/users': ['admin', at('/api/users')],
  'POST /api/users': ['admin', at('/api/users', { username: 'made-by-the-matrix', password: 'a long enough password', role: 'viewer' })],
  'GET /api/users/{id}': ['admin', fresh(() => `/api/users/${adminSession.user.id}`)],
  'PATCH /api/users/{id}': ['admin', fresh(() => `/api/users/${randomId()}`, { name: 'nobody' })],
  'DELETE /api/users/{id}': ['admin', fresh(() => `/api/users/${randomId()}`)],
  'GET /api/tokens': ['admin', at('/api/tokens')],
  'POST /api/tokens': ['admin', at('/api/tokens', { name: 'made-by-the-matrix', role: 'viewer' })],
  'DELETE /api/tokens/{id}': ['admin', fresh(() => `/api/tokens/${randomId()}`)],
  'GET /api/audit': ['admin', at('/api/audit')],
};

const as = <T = Json>(identity: Identity, method: string, pathAndQuery: string, body?: unknown) => call<T>(api.url, identity, method, pathAndQuery, body === undefined ? {} : { body });
const tokenOf = (role: Role): Identity => bearer(tokens[role]!.secret);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-access-e2e-'));
  db = await createTestDatabase();
  api = await startApi({
    DATABASE_URL: db.url,
    PALISADE_DATA_DIR: dir,
    PALISADE_DEMO: 'on',
    PALISADE_ADMIN_USERNAME: ADMIN.username,
    PALISADE_ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
  });
  demo = await waitFor('the demo cluster with workloads and policies', () => demoObjects(api.url), 60_000);
  for (const role of ['viewer', 'operator', 'admin'] as const) tokens[role] = await createToken(api.url, role, `matrix ${role}`);
  adminSession = await signIn(api.url, ADMIN.username, ADMIN.password);
}, 120_000);

afterAll(async () => {
  const code = await api?.stop();
  await db?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  expect(code).toBe(0);
});

describe('the access matrix', () => {
  it('has a level for every route of the OpenAPI document, and no route the document lacks', async () => {
    const documented = await documentedRoutes(api.url);
    const listed = Object.keys(ROUTES).sort();
    expect({ missingFromTheTable: documented.filter((r) => !listed.includes(r)), notInTheApi: listed.filter((r) => !documented.includes(r)) }).toEqual({
      missingFromTheTable: [],
      notInTheApi: [],
    });
  });

  it('documents the credentials of every route but the public ones, each scheme once', async () => {
    const doc = (await (await fetch(`${api.url}/api/docs-json`)).json()) as { paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>> };
    const problems: string[] = [];
    for (const [route, [level]] of Object.entries(ROUTES)) {
      const [method = '', apiPath = ''] = route.split(' ');
      const openApiPath = apiPath.replace(/:(\w+)/g, '{$1}');
      const security = doc.paths[openApiPath]?.[method.toLowerCase()]?.security ?? [];
      const names = security.flatMap((requirement) => Object.keys(requirement)).sort();
      const expected = level === 'public' ? [] : ['bearer', 'palisade_session'];
      if (JSON.stringify(names) !== JSON.stringify(expected)) problems.push(`${route}: ${names.join(', ') || 'none'}`);
    }
    expect(problems).toEqual([]);
  });

  it('answers every route by its level: 401 without credentials, 403 forbidden below the level, through at or above it', async () => {
    const identities: [string, Identity, number][] = [
      ['anonymous', anonymous, 0],
      ['viewer token', tokenOf('viewer'), RANK.viewer],
      ['operator token', tokenOf('operator'), RANK.operator],
      ['admin token', tokenOf('admin'), RANK.admin],
    ];
    const problems: string[] = [];
    for (const [route, [level, requestOf]] of Object.entries(ROUTES)) {
      const method = route.split(' ')[0];
      await Promise.all(
        identities.map(async ([who, identity, rank]) => {
          const { path: target, body } = requestOf(demo);
          const res = await as(identity, method, target, body);
          const got = `${res.status} ${codeOf(res) ?? ''}`.trim();
          if (level === 'public' || rank >= RANK[level]) {
            if (res.status === 401 || res.status === 403 || res.status >= 500) problems.push(`${route} (${level}) as ${who}: expected it through, got ${got}`);
          } else if (rank === 0) {
            if (res.status !== 401 || codeOf(res) !== 'unauthenticated') problems.push(`${route} (${level}) as ${who}: expected 401 unauthenticated, got ${got}`);
          } else if (res.status !== 403 || codeOf(res) !== 'forbidden') {
            problems.push(`${route} (${level}) as ${who}: expected 403 forbidden, got ${got}`);
          }
        }),
      );
    }
    expect(problems).toEqual([]);
  });

  it('checks the same levels for a signed-in browser (session cookie with its CSRF token)', async () => {
    const viewer = await createUser(api.url, { username: 'matrix-viewer', password: 'matrix viewer password', role: 'viewer' });
    const session = await signIn(api.url, viewer.username, 'matrix viewer password');
    const signedIn = browser(session);
    expect((await as(signedIn, 'GET', '/api/clusters')).status).toBe(200);
    const snapshot = await as(signedIn, 'POST', `/api/clusters/${demo.clusterId}/snapshots`);
    expect([snapshot.status, codeOf(snapshot)]).toEqual([403, 'forbidden']);
    const users = await as(signedIn, 'GET', '/api/users');
    expect([users.status, codeOf(users)]).toEqual([403, 'forbidden']);
    expect((await as(browser(adminSession), 'GET', '/api/users')).status).toBe(200);
  });
});

describe('CSRF on cookie sessions', () => {
  it('sets an httpOnly session cookie and a readable CSRF cookie whose value the sign-in answers', () => {
    const session = adminSession.cookies.find((c) => c.name === 'palisade_session')!;
    const csrf = adminSession.cookies.find((c) => c.name === 'palisade_csrf')!;
    expect(session.attributes).toHaveProperty('httponly');
    expect(session.attributes['samesite']?.toLowerCase()).toBe('lax');
    expect(csrf.attributes).not.toHaveProperty('httponly');
    expect(JSON.parse(adminSession.text).csrfToken).toBe(adminSession.csrfToken);
    expect(adminSession.sessionToken).not.toBe(adminSession.csrfToken);
  });

  it('refuses a change made with the cookie without the X-CSRF-Token header, or with a wrong one, and accepts the right one', async () => {
    const body = { ...exceptionBody, name: 'csrf-check' };
    const without = await as({ kind: 'session', session: adminSession, csrf: 'none' }, 'POST', '/api/exceptions', body);
    expect([without.status, codeOf(without)]).toEqual([403, 'csrf-failed']);
    const wrong = await as({ kind: 'session', session: adminSession, csrf: `${adminSession.csrfToken.slice(0, -2)}xx` }, 'POST', '/api/exceptions', body);
    expect([wrong.status, codeOf(wrong)]).toEqual([403, 'csrf-failed']);
    // The CSRF token of another session of the same user is not this session's.
    const other = await signIn(api.url, ADMIN.username, ADMIN.password);
    const crossed = await as({ kind: 'session', session: adminSession, csrf: other.csrfToken }, 'POST', '/api/exceptions', body);
    expect([crossed.status, codeOf(crossed)]).toEqual([403, 'csrf-failed']);
    const deleteWithout = await as({ kind: 'session', session: adminSession, csrf: 'none' }, 'DELETE', `/api/exceptions/${randomId()}`);
    expect([deleteWithout.status, codeOf(deleteWithout)]).toEqual([403, 'csrf-failed']);
    expect((await as(bootstrapAdmin, 'GET', '/api/exceptions?limit=1000')).body.items.map((e: Json) => e.name)).not.toContain('csrf-check');

    const right = await as(browser(adminSession), 'POST', '/api/exceptions', body);
    expect(right.status).toBe(201);
    expect((await as(browser(adminSession), 'DELETE', `/api/exceptions/${right.body.id}`)).status).toBe(204);
  });

  it('needs no CSRF header to read', async () => {
    const read = await as({ kind: 'session', session: adminSession, csrf: 'none' }, 'GET', '/api/users');
    expect(read.status).toBe(200);
    const me = await as({ kind: 'session', session: adminSession, csrf: 'none' }, 'GET', '/api/auth/session');
    expect(me.body).toMatchObject({ authenticated: true, role: 'admin', user: { username: ADMIN.username }, token: null });
  });

  it('needs the CSRF header to sign out, and then the cookie no longer works', async () => {
    const session = await signIn(api.url, ADMIN.username, ADMIN.password);
    const without = await as({ kind: 'session', session, csrf: 'none' }, 'POST', '/api/auth/logout');
    expect([without.status, codeOf(without)]).toEqual([403, 'csrf-failed']);
    const out = await as(browser(session), 'POST', '/api/auth/logout');
    expect(out.status).toBe(204);
    // The answer clears both cookies.
    expect(out.headers.getSetCookie().join('\n')).toMatch(/palisade_session=;/);
    const after = await as(browser(session), 'GET', '/api/clusters');
    expect([after.status, codeOf(after)]).toEqual([401, 'unauthenticated']);
  });
});

describe('the live socket.io namespace', () => {
  type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
  interface Outcome {
    readonly connected: boolean;
    readonly error?: string;
    readonly socket: LiveSocket;
  }
  const opened: LiveSocket[] = [];

  function connect(options: { token?: string; headers?: Record<string, string> } = {}): Promise<Outcome> {
    const socket: LiveSocket = io(`${api.url}/live`, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      timeout: 5000,
      ...(options.token ? { auth: { token: options.token } } : {}),
      ...(options.headers ? { extraHeaders: options.headers } : {}),
    });
    opened.push(socket);
    return new Promise((resolve) => {
      socket.once('connect', () => resolve({ connected: true, socket }));
      socket.once('connect_error', (error) => resolve({ connected: false, error: error.message, socket }));
    });
  }

  afterAll(() => {
    for (const socket of opened) socket.close();
  });

  it('refuses a connection without credentials, or with a made-up token', async () => {
    expect(await connect()).toMatchObject({ connected: false, error: 'unauthenticated' });
    expect(await connect({ token: 'pal_made-up-token-of-nobody' })).toMatchObject({ connected: false, error: 'unauthenticated' });
  });

  it('lets a viewer token in, and subscribing answers the cluster ids joined', async () => {
    const { connected, socket, error } = await connect({ token: tokens.viewer!.secret });
    expect({ connected, error }).toEqual({ connected: true, error: undefined });
    expect([...(await socket.timeout(5000).emitWithAck('subscribe', {}))].sort()).toEqual(demo.clusterIds);
    expect(await socket.timeout(5000).emitWithAck('subscribe', { clusterIds: [demo.clusterId, randomId()] })).toEqual([demo.clusterId]);
  });

  it('lets a signed-in browser in with its session cookie', async () => {
    const outcome = await connect({ headers: { cookie: adminSession.cookieHeader } });
    expect(outcome.connected).toBe(true);
  });

  it('refuses a revoked token', async () => {
    const token = await createToken(api.url, 'viewer', 'live, then revoked');
    expect((await connect({ token: token.secret })).connected).toBe(true);
    expect((await as(bootstrapAdmin, 'DELETE', `/api/tokens/${token.id}`)).status).toBe(204);
    expect(await connect({ token: token.secret })).toMatchObject({ connected: false, error: 'unauthenticated' });
  });

  it('refuses a browser handshake from another site even with valid credentials, and accepts the API\u2019s own origin', async () => {
    const evil = { origin: 'https://evil.example' };
    expect((await connect({ token: tokens.viewer!.secret, headers: evil })).connected).toBe(false);
    expect((await connect({ headers: { ...evil, cookie: adminSession.cookieHeader } })).connected).toBe(false);
    expect((await connect({ token: tokens.viewer!.secret, headers: { origin: api.url } })).connected).toBe(true);
    expect((await connect({ headers: { origin: api.url, cookie: adminSession.cookieHeader } })).connected).toBe(true);
    // The dashboard's address (PALISADE_PUBLIC_URL, by default http://localhost:3000) is allowed too.
    expect((await connect({ headers: { origin: 'http://localhost:3000', cookie: adminSession.cookieHeader } })).connected).toBe(true);
  });
});

describe('API tokens', () => {
  it('answers the secret once, at creation, with an expiry when asked', async () => {
    const before = Date.now();
    const token = await createToken(api.url, 'viewer', 'one day', bootstrapAdmin, 1);
    expect(token.secret).toMatch(/^pal_[A-Za-z0-9_-]{40,}$/);
    expect(token.prefix).toBe(token.secret.slice(0, 10));
    const expires = Date.parse(token.expiresAt!);
    expect(expires).toBeGreaterThanOrEqual(before + 86_400_000 - 5_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 86_400_000 + 5_000);
    expect((await as(bearer(token.secret), 'GET', '/api/clusters')).status).toBe(200);

    const list = await as<Items>(bootstrapAdmin, 'GET', '/api/tokens?limit=1000');
    expect(list.body.items.find((t) => t.id === token.id)).toMatchObject({ name: 'one day', role: 'viewer', prefix: token.prefix, expiresAt: token.expiresAt, revokedAt: null });
    expect(list.text).not.toContain(token.secret);
    for (const t of Object.values(tokens)) expect(list.text).not.toContain(t!.secret);
    expect(list.body.items.every((t) => !('secret' in t))).toBe(true);
  });

  it('stores only the SHA-256 of a secret: no column of the ApiToken table holds it', async () => {
    const token = await createToken(api.url, 'operator', 'stored hashed');
    const rows = await db.prisma.$queryRaw<{ row: Json }[]>`SELECT row_to_json(t) AS row FROM "ApiToken" t`;
    const row = rows.map((r) => r.row).find((r) => r['id'] === token.id)!;
    expect(row['tokenHash']).toBe(createHash('sha256').update(token.secret).digest('hex'));
    const stored = JSON.stringify(rows);
    for (const t of [token, ...Object.values(tokens)]) {
      expect(stored).not.toContain(t!.secret);
      expect(stored).not.toContain(t!.secret.slice('pal_'.length));
    }
  });

  it('refuses an expired token with 401 "the API token expired"', async () => {
    const token = await createToken(api.url, 'admin', 'expiring', bootstrapAdmin, 1);
    expect((await as(bearer(token.secret), 'GET', '/api/users')).status).toBe(200);
    // The API has no way to shorten a token's life: the row is moved into the past instead.
    await db.prisma.apiToken.update({ where: { id: token.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const after = await as(bearer(token.secret), 'GET', '/api/clusters');
    expect([after.status, codeOf(after), (after.body as Json).error?.message]).toEqual([401, 'unauthenticated', 'the API token expired']);
  });

  it('stops a revoked token at once', async () => {
    const token = await createToken(api.url, 'operator', 'revoked');
    expect((await as(bearer(token.secret), 'GET', '/api/clusters')).status).toBe(200);
    expect((await as(bootstrapAdmin, 'DELETE', `/api/tokens/${token.id}`)).status).toBe(204);
    const after = await as(bearer(token.secret), 'GET', '/api/clusters');
    expect([after.status, codeOf(after), (after.body as Json).error?.message]).toEqual([401, 'unauthenticated', 'the API token was revoked']);
    const listed = (await as<Items>(bootstrapAdmin, 'GET', '/api/tokens?limit=1000')).body.items.find((t) => t.id === token.id);
    expect(listed?.revokedAt).toEqual(expect.any(String));
    const unknown = await as(bootstrapAdmin, 'DELETE', `/api/tokens/${randomId()}`);
    expect([unknown.status, codeOf(unknown)]).toEqual([404, 'token-not-found']);
  });

  it('refuses a made-up token and one with a role it does not have', async () => {
    const made = await as(bearer('pal_not-a-token-anyone-made'), 'GET', '/api/clusters');
    expect([made.status, codeOf(made)]).toEqual([401, 'unauthenticated']);
    const invalid = await as(bootstrapAdmin, 'POST', '/api/tokens', { name: 'superuser', role: 'root' });
    expect([invalid.status, codeOf(invalid)]).toEqual([400, 'invalid-request']);
  });
});

describe('changing one\u2019s own password', () => {
  const PAT = { username: 'pat', password: 'pat has a long password', role: 'viewer' as const };

  it('needs the current password, ends the other sessions but this one, and refuses tokens', async () => {
    await createUser(api.url, PAT);
    const here = await signIn(api.url, PAT.username, PAT.password);
    const elsewhere = await signIn(api.url, PAT.username, PAT.password);
    const wrong = await as(browser(here), 'POST', '/api/auth/password', { currentPassword: 'not pat\u2019s password', newPassword: 'pat has a new password' });
    expect([wrong.status, codeOf(wrong)]).toEqual([401, 'invalid-credentials']);
    const short = await as(browser(here), 'POST', '/api/auth/password', { currentPassword: PAT.password, newPassword: 'short' });
    expect(short.status).toBe(400);
    expect((await as(browser(here), 'POST', '/api/auth/password', { currentPassword: PAT.password, newPassword: 'pat has a new password' })).status).toBe(204);
    expect((await as(browser(here), 'GET', '/api/auth/session')).body).toMatchObject({ authenticated: true });
    expect((await as(browser(elsewhere), 'GET', '/api/clusters')).status).toBe(401);
    expect((await login(api.url, PAT.username, PAT.password)).status).toBe(401);
    expect((await login(api.url, PAT.username, 'pat has a new password')).status).toBe(200);
    const token = await createToken(api.url, 'admin', 'no password');
    const byToken = await as(bearer(token.secret), 'POST', '/api/auth/password', { currentPassword: 'x', newPassword: 'a new long password' });
    expect([byToken.status, codeOf(byToken)]).toEqual([400, 'invalid-request']);
  });
});

describe('users and roles', () => {
  const VIEWER = { username: 'vera', password: 'vera has a long password', role: 'viewer' as const };
  const OPERATOR = { username: 'otto', password: 'otto has a long password', role: 'operator' as const };
  let vera: Json;
  let otto: Json;
  const exception = (name: string) => ({ ...exceptionBody, name });

  it('lets an admin add a viewer and an operator who sign in with their passwords', async () => {
    vera = await createUser(api.url, VIEWER, browser(adminSession));
    otto = await createUser(api.url, OPERATOR, bootstrapAdmin);
    expect(vera).toMatchObject({ username: 'vera', role: 'viewer', source: 'local', disabled: false });
    expect(JSON.stringify(vera)).not.toContain(VIEWER.password);
    const taken = await as(bootstrapAdmin, 'POST', '/api/users', { ...VIEWER, role: 'admin' });
    expect([taken.status, codeOf(taken)]).toEqual([409, 'username-taken']);
    const short = await as(bootstrapAdmin, 'POST', '/api/users', { username: 'shorty', password: 'short', role: 'viewer' });
    expect([short.status, codeOf(short)]).toEqual([400, 'invalid-request']);

    const veraSession = await signIn(api.url, VIEWER.username, VIEWER.password);
    const ottoSession = await signIn(api.url, OPERATOR.username, OPERATOR.password);
    expect(veraSession.user).toMatchObject({ id: vera.id, role: 'viewer' });
    expect((await as(browser(veraSession), 'GET', '/api/clusters')).status).toBe(200);
    const denied = await as(browser(veraSession), 'POST', '/api/exceptions', exception('by-vera'));
    expect([denied.status, codeOf(denied)]).toEqual([403, 'forbidden']);
    expect((await as(browser(ottoSession), 'POST', '/api/exceptions', exception('by-otto'))).status).toBe(201);
    const wrong = await login(api.url, VIEWER.username, 'not vera\u2019s password at all');
    expect([wrong.status, codeOf(wrong)]).toEqual([401, 'invalid-credentials']);
  });

  it('applies a role change to sessions already open', async () => {
    const session = await signIn(api.url, VIEWER.username, VIEWER.password);
    expect((await as(browser(session), 'POST', `/api/clusters/${demo.clusterId}/snapshots`)).status).toBe(403);
    expect((await as(bootstrapAdmin, 'PATCH', `/api/users/${vera.id}`, { role: 'operator' })).body).toMatchObject({ role: 'operator' });
    expect((await as(browser(session), 'POST', `/api/clusters/${demo.clusterId}/snapshots`)).status).toBe(201);
    expect((await as(browser(session), 'GET', '/api/auth/session')).body).toMatchObject({ role: 'operator' });
    expect((await as(browser(adminSession), 'PATCH', `/api/users/${vera.id}`, { role: 'viewer' })).status).toBe(200);
    const demoted = await as(browser(session), 'POST', `/api/clusters/${demo.clusterId}/snapshots`);
    expect([demoted.status, codeOf(demoted)]).toEqual([403, 'forbidden']);
  });

  it('ends the sessions of a disabled user, refuses their sign-in, and lets them back when enabled', async () => {
    const session = await signIn(api.url, OPERATOR.username, OPERATOR.password);
    expect((await as(browser(session), 'GET', '/api/clusters')).status).toBe(200);
    expect((await as(bootstrapAdmin, 'PATCH', `/api/users/${otto.id}`, { disabled: true })).body).toMatchObject({ disabled: true });
    const after = await as(browser(session), 'GET', '/api/clusters');
    expect([after.status, codeOf(after)]).toEqual([401, 'unauthenticated']);
    const refused = await login(api.url, OPERATOR.username, OPERATOR.password);
    expect([refused.status, codeOf(refused)]).toEqual([401, 'invalid-credentials']);
    expect((await as(bootstrapAdmin, 'PATCH', `/api/users/${otto.id}`, { disabled: false })).status).toBe(200);
    expect((await login(api.url, OPERATOR.username, OPERATOR.password)).status).toBe(200);
  });

  it('signs a user out everywhere when an admin changes their password', async () => {
    const session = await signIn(api.url, VIEWER.username, VIEWER.password);
    const newPassword = 'vera\u2019s brand new password';
    expect((await as(bootstrapAdmin, 'PATCH', `/api/users/${vera.id}`, { password: newPassword })).status).toBe(200);
    expect((await as(browser(session), 'GET', '/api/clusters')).status).toBe(401);
    expect((await login(api.url, VIEWER.username, VIEWER.password)).status).toBe(401);
    expect((await login(api.url, VIEWER.username, newPassword)).status).toBe(200);
  });

  it('keeps the last enabled admin: no deleting, demoting or disabling them (409 last-admin)', async () => {
    const admin = adminSession.user;
    for (const [method, body] of [
      ['DELETE', undefined],
      ['PATCH', { role: 'operator' }],
      ['PATCH', { disabled: true }],
    ] as const) {
      const res = await as(bootstrapAdmin, method, `/api/users/${admin.id}`, body);
      expect([method, res.status, codeOf(res)]).toEqual([method, 409, 'last-admin']);
    }
    // Nothing changed: the admin still signs in as admin.
    expect((await signIn(api.url, ADMIN.username, ADMIN.password)).user).toMatchObject({ role: 'admin', disabled: false });
    // With a second admin, the first may go to operator, and the second is then the last.
    expect((await as(bootstrapAdmin, 'PATCH', `/api/users/${otto.id}`, { role: 'admin' })).status).toBe(200);
    expect((await as(bootstrapAdmin, 'PATCH', `/api/users/${admin.id}`, { role: 'operator' })).status).toBe(200);
    const last = await as(bootstrapAdmin, 'DELETE', `/api/users/${otto.id}`);
    expect([last.status, codeOf(last)]).toEqual([409, 'last-admin']);
    expect((await as(bootstrapAdmin, 'PATCH', `/api/users/${admin.id}`, { role: 'admin' })).status).toBe(200);
    expect((await as(bootstrapAdmin, 'DELETE', `/api/users/${otto.id}`)).status).toBe(204);
    expect((await as(bootstrapAdmin, 'GET', `/api/users/${otto.id}`)).status).toBe(404);
    expect((await login(api.url, OPERATOR.username, OPERATOR.password)).status).toBe(401);
  });

  it('refuses a session past its expiry', async () => {
    const session = await signIn(api.url, ADMIN.username, ADMIN.password);
    expect((await as(browser(session), 'GET', '/api/clusters')).status).toBe(200);
    await db.prisma.userSession.updateMany({ where: { tokenHash: createHash('sha256').update(session.sessionToken).digest('hex') }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const after = await as(browser(session), 'GET', '/api/clusters');
    expect([after.status, codeOf(after)]).toEqual([401, 'unauthenticated']);
  });

  it('ends the sessions of a deleted user', async () => {
    const user = await createUser(api.url, { username: 'short-stay', password: 'short stay password', role: 'operator' });
    const session = await signIn(api.url, 'short-stay', 'short stay password');
    expect((await as(bootstrapAdmin, 'DELETE', `/api/users/${user.id}`)).status).toBe(204);
    expect((await as(browser(session), 'GET', '/api/clusters')).status).toBe(401);
  });
});

