import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { createTestDatabase, TestDatabase } from '@palisade/database/testing';
import { bootstrapAdmin, call, Json } from './access-client';
import { ApiProcess, startApi } from './api-process';

/**
 * Every route that takes a body, fed random bodies and random values for the fields it
 * documents: the answer is a success or a named 4xx (`{ error: { code, message } }`), never a
 * 500. The built API over HTTP, as an admin (the widest set of routes).
 */

let db: TestDatabase;
let api: ApiProcess;
let dir: string;

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly fields: readonly string[];
}

const operations: Operation[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-bodies-'));
  db = await createTestDatabase();
  api = await startApi({ DATABASE_URL: db.url, PALISADE_DATA_DIR: dir, PALISADE_DEMO: 'off', PALISADE_SECRET_KEY: 'd'.repeat(64), LOG_LEVEL: 'warn', LOGIN_MAX_FAILURES: '1000' });
  const document = (await call<Json>(api.url, bootstrapAdmin, 'GET', '/api/docs-json')).body;
  const schemas = (document['components']?.['schemas'] ?? {}) as Record<string, Json>;
  for (const [route, methods] of Object.entries(document['paths'] as Record<string, Record<string, Json>>)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (!['post', 'put', 'patch'].includes(method)) continue;
      const ref = operation['requestBody']?.['content']?.['application/json']?.['schema']?.['$ref'] as string | undefined;
      const schema = ref ? schemas[ref.split('/').pop() ?? ''] : operation['requestBody']?.['content']?.['application/json']?.['schema'];
      operations.push({ method: method.toUpperCase(), path: route, fields: Object.keys((schema?.['properties'] ?? {}) as Json) });
    }
  }
}, 120_000);

afterAll(async () => {
  const code = await api?.stop();
  await db?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  expect(code).toBe(0);
});

const someValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string(),
  fc.constantFrom('', 'a'.repeat(300), 'https://example.com/x', 'http://169.254.169.254/', 'viewer', 'admin', 'webhook', 'email', 'WORKLOAD_EXPOSED', '*', 'kind: Config', '\u202e', '🙂', '../../etc/passwd'),
  fc.integer(),
  fc.double(),
);

describe('every body-taking route, given random bodies', () => {
  it('finds the routes in the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(15);
  });

  it('answers a success or a named 4xx, never a 500', async () => {
    const seen = new Map<string, number[]>();
    for (const operation of operations) {
      const url = operation.path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      const bodies = fc.oneof(fc.jsonValue({ maxDepth: 3 }), operation.fields.length > 0 ? fc.dictionary(fc.constantFrom(...operation.fields), someValue) : fc.object());
      await fc.assert(
        fc.asyncProperty(bodies, async (body) => {
          const res = await call(api.url, bootstrapAdmin, operation.method, url, { body });
          seen.set(`${operation.method} ${operation.path}`, [...(seen.get(`${operation.method} ${operation.path}`) ?? []), res.status]);
          expect([operation.method, operation.path, res.status < 500 ? 'no 500' : res.text]).toEqual([operation.method, operation.path, 'no 500']);
          if (res.status >= 400) expect(res.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
        }),
        { numRuns: 25 },
      );
    }
    expect(seen.size).toBe(operations.length);
  }, 240_000);
});
