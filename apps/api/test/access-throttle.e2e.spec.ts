import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTestDatabase, TestDatabase } from '@palisade/database/testing';
import { Answer, bootstrapAdmin, call, codeOf, createUser, Items, Json, login } from './access-client';
import { ApiProcess, startApi } from './api-process';

/**
 * Brute-force throttling of sign-in against the built API, with LOGIN_MAX_FAILURES=3 and
 * LOGIN_BLOCK=3s so that a block can be watched start and end. Requests come from 127.0.0.1,
 * a trusted proxy by default (TRUST_PROXY), so X-Forwarded-For names other clients where a test
 * needs them; the tests run in order and each leaves no block behind for the next.
 */
const ADMIN = { username: 'throttled-admin', password: 'the admin password of the throttle suite' };
const OTHER = { username: 'bystander', password: 'the bystander password, never mistyped' };
const ROTATED = { username: 'much-guessed', password: 'the password guessed from many addresses' };
const WRONG = ['wrong password number one', 'wrong password number two', 'wrong password number three'];
const BLOCK_MS = 3000;

let db: TestDatabase;
let api: ApiProcess;
let dir: string;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const outcome = (res: Answer) => [res.status, codeOf(res) ?? 'signed in'];

/** Waits out a block: the Retry-After it answered, and a little more. */
async function waitOut(res: Answer): Promise<void> {
  await sleep(Number(res.headers.get('retry-after')) * 1000 + 300);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-throttle-e2e-'));
  db = await createTestDatabase();
  api = await startApi({
    DATABASE_URL: db.url,
    PALISADE_DATA_DIR: dir,
    PALISADE_DEMO: 'on',
    PALISADE_ADMIN_USERNAME: ADMIN.username,
    PALISADE_ADMIN_PASSWORD: ADMIN.password,
    LOGIN_MAX_FAILURES: '3',
    LOGIN_BLOCK: '3s',
    LOG_LEVEL: 'warn',
  });
  await createUser(api.url, { ...OTHER, role: 'viewer' });
  await createUser(api.url, { ...ROTATED, role: 'viewer' });
}, 120_000);

afterAll(async () => {
  const code = await api?.stop();
  await db?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  expect(code).toBe(0);
});

describe('sign-in throttling', () => {
  it('blocks a username after 3 wrong passwords, even for the right one, with 429 and Retry-After; the block ends after LOGIN_BLOCK', async () => {
    for (const wrong of WRONG) expect(outcome(await login(api.url, ADMIN.username, wrong))).toEqual([401, 'invalid-credentials']);
    const blockedAt = Date.now();
    const blocked = await login(api.url, ADMIN.username, ADMIN.password);
    expect(outcome(blocked)).toEqual([429, 'too-many-attempts']);
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(BLOCK_MS / 1000);
    expect((blocked.body as Json).error.retryAfterSeconds).toBe(retryAfter);
    expect(blocked.headers.getSetCookie()).toEqual([]);

    // Another username from the same address signs in meanwhile.
    expect(outcome(await login(api.url, OTHER.username, OTHER.password))).toEqual([200, 'signed in']);
    // Still blocked a moment later (the block is not lifted by asking again).
    expect((await login(api.url, ADMIN.username, ADMIN.password)).status).toBe(429);

    await waitOut(blocked);
    expect(Date.now() - blockedAt).toBeLessThan(BLOCK_MS + 2000);
    const after = await login(api.url, ADMIN.username, ADMIN.password);
    expect(outcome(after)).toEqual([200, 'signed in']);
  });

  it('records each failure in the audit log with the username tried, never the password', async () => {
    const audit = await call<Items>(api.url, bootstrapAdmin, 'GET', '/api/audit?action=auth.login-failed&limit=1000');
    expect(audit.status).toBe(200);
    const mine = audit.body.items.filter((e) => e.actor.name === ADMIN.username);
    expect(mine).toHaveLength(WRONG.length);
    for (const event of mine) {
      expect(event).toMatchObject({ action: 'auth.login-failed', target: `username:${ADMIN.username}`, actor: { kind: 'system', name: ADMIN.username } });
      expect(event.details).toEqual({ address: expect.any(String) });
    }
    const logins = await call<Items>(api.url, bootstrapAdmin, 'GET', '/api/audit?action=auth.login&limit=1000');
    expect(logins.body.items.map((e) => e.actor.name)).toEqual(expect.arrayContaining([ADMIN.username, OTHER.username]));
    for (const secret of [...WRONG, ADMIN.password, OTHER.password]) {
      expect(audit.text).not.toContain(secret);
      expect(logins.text).not.toContain(secret);
      expect(api.output()).not.toContain(secret);
    }
  });

  it('clears the count of a username when it signs in', async () => {
    for (const wrong of WRONG.slice(0, 2)) expect((await login(api.url, ADMIN.username, wrong)).status).toBe(401);
    expect((await login(api.url, ADMIN.username, ADMIN.password)).status).toBe(200);
    for (const wrong of WRONG.slice(0, 2)) expect((await login(api.url, ADMIN.username, wrong)).status).toBe(401);
    expect(outcome(await login(api.url, ADMIN.username, ADMIN.password))).toEqual([200, 'signed in']);
  });

  it('throttles unknown usernames the same way, so the answer tells no username apart', async () => {
    const unknown = 'no-such-user';
    for (const wrong of WRONG) expect(outcome(await login(api.url, unknown, wrong))).toEqual([401, 'invalid-credentials']);
    const blocked = await login(api.url, unknown, WRONG[0]);
    expect(outcome(blocked)).toEqual([429, 'too-many-attempts']);
    await waitOut(blocked);
  });

  it('counts per client address behind a trusted proxy: a blocked browser does not block the others', async () => {
    const from = (address: string) => ({ 'x-forwarded-for': address });
    for (const wrong of WRONG) expect((await login(api.url, OTHER.username, wrong, from('203.0.113.7'))).status).toBe(401);
    const blocked = await login(api.url, OTHER.username, OTHER.password, from('203.0.113.7'));
    expect(outcome(blocked)).toEqual([429, 'too-many-attempts']);
    expect(outcome(await login(api.url, OTHER.username, OTHER.password, from('203.0.113.8')))).toEqual([200, 'signed in']);
    const events = await call<Items>(api.url, bootstrapAdmin, 'GET', '/api/audit?action=auth.login-failed&limit=1000');
    expect(events.body.items.filter((e) => e.actor.name === OTHER.username).map((e) => e.details.address)).toEqual(['203.0.113.7', '203.0.113.7', '203.0.113.7']);
    await waitOut(blocked);
  });

  it('blocks a username guessed from many addresses after four times the limit, from every address', async () => {
    // Four addresses, each stopping at its own limit of 3: 12 failures of one username.
    for (const address of ['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4']) {
      for (const wrong of WRONG) expect((await login(api.url, ROTATED.username, wrong, { 'x-forwarded-for': address })).status).toBe(401);
    }
    const blocked = await login(api.url, ROTATED.username, ROTATED.password, { 'x-forwarded-for': '198.51.100.5' });
    expect(outcome(blocked)).toEqual([429, 'too-many-attempts']);
    expect(outcome(await login(api.url, ROTATED.username, ROTATED.password))).toEqual([429, 'too-many-attempts']);
    // Other usernames are not held up by it.
    expect(outcome(await login(api.url, OTHER.username, OTHER.password, { 'x-forwarded-for': '198.51.100.5' }))).toEqual([200, 'signed in']);
    await waitOut(blocked);
    expect(outcome(await login(api.url, ROTATED.username, ROTATED.password, { 'x-forwarded-for': '198.51.100.5' }))).toEqual([200, 'signed in']);
  });

  it('blocks an address that fails ten times the limit across usernames, for every username', async () => {
    const attempts = await Promise.all(Array.from({ length: 30 }, (_, i) => login(api.url, `sprayed-${i}`, 'a sprayed guess')));
    expect(attempts.map((res) => res.status)).toEqual(Array(30).fill(401));
    const blocked = await login(api.url, OTHER.username, OTHER.password);
    expect(outcome(blocked)).toEqual([429, 'too-many-attempts']);
    await waitOut(blocked);
    expect(outcome(await login(api.url, OTHER.username, OTHER.password))).toEqual([200, 'signed in']);
  });
});
