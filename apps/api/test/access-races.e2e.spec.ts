import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTestDatabase, TestDatabase } from '@palisade/database/testing';
import { Answer, anonymous, bootstrapAdmin, call, codeOf, createUser, Items } from './access-client';
import { ApiProcess, startApi } from './api-process';

/**
 * Access changes made at the same moment, against the built API: two admins adding the same
 * username, two admins demoting each other, two browsers completing setup. Each pair must end
 * as if one came first (one success, one 409), never with a 500, and the API must still shut
 * down cleanly afterwards (a connection lost by a failed transaction would hold it up).
 * A fresh install (no admin) so that setup can be raced first; the steps run in order.
 */
const ROUNDS = 10;

let db: TestDatabase;
let api: ApiProcess;
let dir: string;
let setupToken: string;

const outcome = (a: Answer) => `${a.status} ${codeOf(a) ?? ''}`.trim();
const as = (method: string, pathAndQuery: string, body?: unknown) => call(api.url, bootstrapAdmin, method, pathAndQuery, body === undefined ? {} : { body });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-races-e2e-'));
  db = await createTestDatabase();
  api = await startApi({ DATABASE_URL: db.url, PALISADE_DATA_DIR: dir, PALISADE_DEMO: 'on', SHUTDOWN_TIMEOUT: '10s', LOG_LEVEL: 'warn' });
  setupToken = /setup token ([A-Za-z0-9_-]+)/.exec(api.output())![1];
}, 120_000);

afterAll(async () => {
  await api?.stop('SIGKILL');
  await db?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('access changes at the same moment', () => {
  it('creates one first admin when four browsers complete setup at once: one 201, the others 409 already-set-up', async () => {
    const answers = await Promise.all(
      ['racer-1', 'racer-2', 'racer-3', 'racer-4'].map((username) => call(api.url, anonymous, 'POST', '/api/auth/setup', { body: { setupToken, username, password: `${username} has a long password` } })),
    );
    expect(answers.map(outcome).sort()).toEqual(['201', '409 already-set-up', '409 already-set-up', '409 already-set-up']);
    expect(((await as('GET', '/api/users')).body as Items).total).toBe(1);
  });

  it('answers 409 username-taken, not a 500, to two admins adding the same username at once', async () => {
    const outcomes: string[][] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const body = { username: `twice-at-once-${round}`, password: 'a long enough password', role: 'viewer' };
      outcomes.push((await Promise.all([as('POST', '/api/users', body), as('POST', '/api/users', body)])).map(outcome).sort());
    }
    expect(outcomes).toEqual(Array(ROUNDS).fill(['201', '409 username-taken']));
  });

  it('keeps an admin when two admins demote each other at once: one 200, one 409 last-admin (never a 500)', async () => {
    const users = ((await as('GET', '/api/users?limit=1000')).body as Items).items;
    const first = users.find((u) => u.role === 'admin')!;
    const second = await createUser(api.url, { username: 'second-admin', password: 'second admin password', role: 'admin' });
    const outcomes: string[][] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const answers = await Promise.all([as('PATCH', `/api/users/${first.id}`, { role: 'operator' }), as('PATCH', `/api/users/${second.id}`, { role: 'operator' })]);
      outcomes.push(answers.map(outcome).sort());
      const admins = ((await as('GET', '/api/users?limit=1000')).body as Items).items.filter((u) => u.role === 'admin' && !u.disabled);
      expect(admins.length).toBeGreaterThanOrEqual(1);
      for (const id of [first.id, second.id]) await as('PATCH', `/api/users/${id}`, { role: 'admin' });
    }
    expect(outcomes).toEqual(Array(ROUNDS).fill(['200', '409 last-admin']));
  });

  it('still answers and shuts down gracefully afterwards (exit 0 within SHUTDOWN_TIMEOUT)', async () => {
    expect((await as('GET', '/api/users')).status).toBe(200);
    const started = Date.now();
    const code = await api.stop();
    expect({ code, seconds: Math.round((Date.now() - started) / 1000) }).toEqual({ code: 0, seconds: expect.any(Number) });
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 30_000);
});
