import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTestDatabase, TestDatabase } from '@palisade/database/testing';
import { anonymous, bootstrapAdmin, browser, call, codeOf, Items, parseSetCookies, sessionFrom } from './access-client';
import { ApiProcess, startApi } from './api-process';

/**
 * The first start of a fresh install without PALISADE_ADMIN_USERNAME/PASSWORD: the API prints a
 * one-time setup token (the one secret it ever prints, by design), and the first admin is made
 * with it. Apart from the secret-leak suite because that line is expected here. The API is
 * restarted on the same database between steps; the steps run in order.
 */
const FIRST_ADMIN = { username: 'first-admin', password: 'the first admin chose this password', name: 'First Admin' };

let db: TestDatabase;
let dir: string;
let api: ApiProcess | undefined;

const start = async () => {
  // A test that failed before its stop() leaves its API running: stop it before the next one.
  await api?.stop();
  api = await startApi({ DATABASE_URL: db.url, PALISADE_DATA_DIR: dir, PALISADE_DEMO: 'on', LOG_LEVEL: 'debug' });
  return api;
};
const stop = async () => {
  const code = await api?.stop();
  api = undefined;
  expect(code).toBe(0);
};
/** The setup tokens the output printed (random base64url), in order. */
const setupTokenOf = (output: string) => [...output.matchAll(/setup token ([A-Za-z0-9_-]+)/g)].map((m) => m[1]);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-setup-e2e-'));
  db = await createTestDatabase();
}, 60_000);

afterAll(async () => {
  await api?.stop();
  await db?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('first start and setup', () => {
  let staleToken: string;

  it('prints a setup token at the first start and says setup is required', async () => {
    const first = await start();
    const printed = setupTokenOf(first.output());
    expect(printed).toHaveLength(1);
    staleToken = printed[0];
    expect(staleToken.length).toBeGreaterThanOrEqual(32);
    const session = await call(first.url, anonymous, 'GET', '/api/auth/session');
    expect(session.body).toMatchObject({ authenticated: false, setupRequired: true, methods: { local: true, oidc: null } });
    // The bootstrap API token is no admin account: setup is still required.
    expect((await call(first.url, bootstrapAdmin, 'GET', '/api/users')).body).toEqual({ items: [], total: 0 });
    await stop();
  });

  it('prints a new token at each start while no admin exists, and only the latest works', async () => {
    const second = await start();
    const printed = setupTokenOf(second.output());
    expect(printed).toHaveLength(1);
    expect(printed[0]).not.toBe(staleToken);
    const stale = await call(second.url, anonymous, 'POST', '/api/auth/setup', { body: { setupToken: staleToken, ...FIRST_ADMIN } });
    expect([stale.status, codeOf(stale)]).toEqual([401, 'invalid-setup-token']);
  });

  it('refuses a wrong setup token with 401, sets no cookie, and creates no admin', async () => {
    const wrong = await call(api!.url, anonymous, 'POST', '/api/auth/setup', { body: { setupToken: 'not-the-printed-token', ...FIRST_ADMIN } });
    expect([wrong.status, codeOf(wrong)]).toEqual([401, 'invalid-setup-token']);
    expect(parseSetCookies(wrong.headers)).toEqual([]);
    expect((await call(api!.url, anonymous, 'GET', '/api/auth/session')).body).toMatchObject({ setupRequired: true });
    const weak = await call(api!.url, anonymous, 'POST', '/api/auth/setup', { body: { setupToken: setupTokenOf(api!.output())[0], username: 'x y', password: 'short' } });
    expect([weak.status, codeOf(weak)]).toEqual([400, 'invalid-request']);
  });

  it('creates the first admin with the right token: 201, signed in with cookies', async () => {
    const token = setupTokenOf(api!.output())[0];
    const res = await call(api!.url, anonymous, 'POST', '/api/auth/setup', { body: { setupToken: token, ...FIRST_ADMIN } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ user: { username: FIRST_ADMIN.username, name: FIRST_ADMIN.name, role: 'admin', source: 'local' }, csrfToken: expect.any(String) });
    const session = sessionFrom(res);
    expect(session.cookies.find((c) => c.name === 'palisade_session')?.attributes).toHaveProperty('httponly');
    expect((await call(api!.url, browser(session), 'GET', '/api/users')).body).toMatchObject({ total: 1, items: [{ username: FIRST_ADMIN.username, role: 'admin' }] });
    expect((await call(api!.url, anonymous, 'GET', '/api/auth/session')).body).toMatchObject({ authenticated: false, setupRequired: false });
    // The admin signs in with the password chosen at setup.
    expect((await call(api!.url, anonymous, 'POST', '/api/auth/login', { body: { username: FIRST_ADMIN.username, password: FIRST_ADMIN.password } })).status).toBe(200);

    const again = await call(api!.url, anonymous, 'POST', '/api/auth/setup', { body: { setupToken: token, username: 'second-admin', password: 'another long password' } });
    expect([again.status, codeOf(again)]).toEqual([409, 'already-set-up']);
    expect((await call<Items>(api!.url, bootstrapAdmin, 'GET', '/api/users')).body.total).toBe(1);

    const audit = await call<Items>(api!.url, bootstrapAdmin, 'GET', '/api/audit?action=user.created');
    expect(audit.body.items).toEqual([expect.objectContaining({ actor: expect.objectContaining({ kind: 'system', name: 'setup' }), details: expect.objectContaining({ username: FIRST_ADMIN.username }), target: expect.stringMatching(/^user:[0-9a-f-]{36}$/) })]);
    // The token and the password were printed or sent once: neither is echoed in the logs.
    expect(api!.output().split(token).length - 1).toBe(1);
    expect(api!.output()).not.toContain(FIRST_ADMIN.password);
    expect(audit.text).not.toContain(token);
    await stop();
  });

  it('prints no setup token once an admin exists', async () => {
    const later = await start();
    expect(setupTokenOf(later.output())).toEqual([]);
    expect(later.output()).not.toMatch(/setup token/);
    expect((await call(later.url, anonymous, 'GET', '/api/auth/session')).body).toMatchObject({ setupRequired: false });
    await stop();
  });
});
