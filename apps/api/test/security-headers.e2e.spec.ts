import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTestDatabase, TestDatabase } from '@palisade/database/testing';
import { ApiProcess, startApi, waitFor, withAdmin } from './api-process';

/**
 * The headers browsers see from the built API: the strict policy on JSON, the one Swagger UI
 * needs on /api/docs, a script-free policy on downloaded reports, and CORS closed unless
 * CORS_ORIGINS lists an origin (for socket.io too).
 */

const ALLOWED = 'https://ops.example.com';
const EVIL = 'https://evil.example';

interface Started {
  readonly api: ApiProcess;
  readonly db: TestDatabase;
  readonly dir: string;
}
let closed: Started;
let open: Started;

async function start(env: Record<string, string>): Promise<Started> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-security-'));
  const db = await createTestDatabase();
  const api = await startApi({ DATABASE_URL: db.url, PALISADE_DATA_DIR: dir, PALISADE_DEMO: 'on', LOG_LEVEL: 'warn', ...env });
  return { api, db, dir };
}

async function stop(started: Started | undefined): Promise<void> {
  if (!started) return;
  await started.api.stop();
  await started.db.drop();
  fs.rmSync(started.dir, { recursive: true, force: true });
}

const headersOf = async (api: ApiProcess, pathAndQuery: string, init: RequestInit = {}) => {
  const res = await fetch(`${api.url}${pathAndQuery}`, withAdmin(init));
  const body = await res.text();
  return { status: res.status, headers: res.headers, body };
};

const preflight = (api: ApiProcess, origin: string) =>
  headersOf(api, '/api/clusters', { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'GET' } });

/** socket.io's first polling request, as a browser on another origin would send it. */
const socketHandshake = (api: ApiProcess, origin: string) => headersOf(api, '/socket.io/?EIO=4&transport=polling', { headers: { Origin: origin } });

beforeAll(async () => {
  [closed, open] = await Promise.all([start({}), start({ CORS_ORIGINS: ALLOWED, HSTS: 'true' })]);
}, 120_000);

afterAll(async () => {
  await Promise.all([stop(closed), stop(open)]);
});

describe('security headers', () => {
  it('answers JSON with a policy that loads nothing, no referrer, nosniff, same-origin CORP, and no X-Powered-By or HSTS', async () => {
    const res = await headersOf(closed.api, '/api/clusters');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('strict-transport-security')).toBeNull();
    // Errors too: a 404 comes from Nest's exception filter, not from a controller.
    const missing = await headersOf(closed.api, '/api/no-such-route');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
    expect(missing.headers.get('x-powered-by')).toBeNull();
  });

  it('sends HSTS when HSTS=true', async () => {
    expect((await headersOf(open.api, '/api/health')).headers.get('strict-transport-security')).toBe('max-age=31536000');
  });

  it('serves Swagger UI at /api/docs with a policy that allows its own scripts and styles only', async () => {
    const page = await headersOf(closed.api, '/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.body).toContain('swagger-ui-bundle.js');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
    // The scripts the page names are same-origin files that the policy lets load.
    for (const asset of ['swagger-ui-bundle.js', 'swagger-ui-init.js', 'swagger-ui.css']) {
      const res = await headersOf(closed.api, `/api/docs/${asset}`);
      expect({ asset, status: res.status }).toEqual({ asset, status: 200 });
    }
    // The OpenAPI document is JSON like every answer.
    const doc = await headersOf(closed.api, '/api/docs-json');
    expect(doc.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
  });

  it('downloads an HTML report as an attachment with a sandboxed, script-free policy', async () => {
    await waitFor('the demo cluster to have a snapshot', async () => {
      const body = (await (await fetch(`${closed.api.url}/api/clusters`, withAdmin())).json()) as { items: { lastSnapshotAt: string | null }[] };
      return body.items.some((c) => c.lastSnapshotAt !== null) ? true : undefined;
    });
    const created = await fetch(`${closed.api.url}/api/reports`, withAdmin({ method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }));
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const res = await headersOf(closed.api, `/api/reports/${id}/download?format=html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.html"$/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = (res.headers.get('content-security-policy') ?? '').split(';').map((d) => d.trim());
    expect(csp).toEqual(expect.arrayContaining(['sandbox', "default-src 'none'", "frame-ancestors 'none'"]));
    expect(csp.some((d) => d.startsWith('script-src'))).toBe(false);
  });
});

describe('CORS', () => {
  it('by default answers another origin without any Access-Control-Allow-Origin, and refuses its socket.io handshake', async () => {
    const get = await headersOf(closed.api, '/api/clusters', { headers: { Origin: EVIL } });
    expect(get.status).toBe(200);
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
    const options = await preflight(closed.api, EVIL);
    expect(options.headers.get('access-control-allow-origin')).toBeNull();
    expect(options.headers.get('access-control-allow-methods')).toBeNull();
    // A page of another site must not open the live feed with the user's cookie.
    const socket = await socketHandshake(closed.api, EVIL);
    expect(socket.status).toBe(403);
    expect(socket.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('with CORS_ORIGINS, echoes a listed origin without credentials and ignores any other, for the API and socket.io', async () => {
    const allowed = await headersOf(open.api, '/api/clusters', { headers: { Origin: ALLOWED } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const allowedPreflight = await preflight(open.api, ALLOWED);
    expect(allowedPreflight.status).toBe(204);
    expect(allowedPreflight.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect((await preflight(open.api, EVIL)).headers.get('access-control-allow-origin')).toBeNull();
    expect((await headersOf(open.api, '/api/clusters', { headers: { Origin: EVIL } })).headers.get('access-control-allow-origin')).toBeNull();
    expect((await socketHandshake(open.api, ALLOWED)).headers.get('access-control-allow-origin')).toBe(ALLOWED);
    const evilSocket = await socketHandshake(open.api, EVIL);
    expect(evilSocket.status).toBe(403);
    expect(evilSocket.headers.get('access-control-allow-origin')).toBeNull();
    expect(evilSocket.headers.get('access-control-allow-credentials')).toBeNull();
  });
});
