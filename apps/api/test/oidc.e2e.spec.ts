import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTestDatabase, TestDatabase } from '@palisade/database/testing';
import { ApiProcess, freePort, startApi, withAdmin } from './api-process';
import { CookieJar } from './support/cookie-jar';

/**
 * Single sign-on against a real OpenID Provider (oidc-provider, in its own process): the
 * authorization code flow with PKCE through the provider's own login and consent pages, the
 * role from the groups claim, and the failures a user can meet.
 */

const CLIENT_SECRET = 'oidc-client-secret-that-must-never-be-shown';
/** The authorization codes the provider handed out: single-use credentials, never logged. */
const codes: string[] = [];
let provider: ChildProcess;
let issuer: string;
let api: ApiProcess;
let db: TestDatabase;
let dir: string;

function startProvider(redirectUri: string): Promise<string> {
  provider = spawn(process.execPath, [path.join(__dirname, 'support/oidc-provider.mjs'), redirectUri, CLIENT_SECRET], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    provider.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
      const match = output.match(/listening (\S+)/);
      if (match?.[1]) resolve(match[1]);
    });
    provider.once('exit', (code) => reject(new Error(`the OIDC provider exited with ${code}`)));
  });
}

beforeAll(async () => {
  const port = await freePort();
  const apiUrl = `http://127.0.0.1:${port}`;
  issuer = await startProvider(`${apiUrl}/api/auth/oidc/callback`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-oidc-e2e-'));
  db = await createTestDatabase();
  api = await startApi(
    {
      DATABASE_URL: db.url,
      PALISADE_DATA_DIR: dir,
      PALISADE_DEMO: 'off',
      PALISADE_PUBLIC_URL: apiUrl,
      OIDC_ISSUER_URL: issuer,
      OIDC_CLIENT_ID: 'palisade',
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_LABEL: 'Test IdP',
      OIDC_ADMIN_GROUPS: 'palisade-admins',
      OIDC_OPERATOR_GROUPS: 'palisade-operators',
      OIDC_DEFAULT_ROLE: 'none',
      LOG_LEVEL: 'debug',
    },
    { port },
  );
}, 120_000);

afterAll(async () => {
  await api?.stop();
  provider?.kill();
  await db?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The HTML form's action on a provider page (its login or consent step). */
async function formAction(response: Response, pageUrl: string): Promise<string> {
  const html = await response.text();
  const action = html.match(/<form[^>]*action="([^"]+)"/)?.[1];
  if (!action) throw new Error(`no form on ${pageUrl}:\n${html.slice(0, 500)}`);
  return new URL(action.replace(/&amp;/g, '&'), pageUrl).href;
}

const form = (fields: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

/**
 * A browser signing in as `login` at the provider: start at the API, sign in and consent on
 * the provider's pages, come back to the callback. Answers where the API sent the browser.
 */
async function signIn(jar: CookieJar, login: string, returnTo = '/clusters?view=all'): Promise<{ location: string; response: Response }> {
  const callback = (url: string) => url.startsWith(`${api.url}/api/auth/oidc/callback`);
  let step = await jar.follow(`${api.url}/api/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`, {}, callback);
  // The provider's login page, then its consent page (or straight back once consented).
  const steps: Record<string, string>[] = [{ prompt: 'login', login, password: 'any' }, { prompt: 'consent' }];
  for (const fields of steps) {
    if (callback(step.url)) break;
    expect(step.response.status).toBe(200);
    step = await jar.follow(await formAction(step.response, step.url), form(fields), callback);
  }
  expect(callback(step.url)).toBe(true);
  codes.push(new URL(step.url).searchParams.get('code') ?? '');
  const response = await jar.fetch(step.url);
  expect(response.status).toBe(302);
  return { location: response.headers.get('location') ?? '', response };
}

describe('single sign-on (OIDC)', () => {
  it('says it is offered, with its label', async () => {
    const session = (await (await fetch(`${api.url}/api/auth/session`)).json()) as { methods: { oidc: { label: string } | null } };
    expect(session.methods.oidc).toEqual({ label: 'Test IdP' });
  });

  it('sends the browser to the provider with PKCE, state and nonce, and keeps them sealed in a cookie', async () => {
    const jar = new CookieJar();
    const response = await jar.fetch(`${api.url}/api/auth/oidc/login?returnTo=/alerts`);
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.origin).toBe(issuer);
    expect(location.searchParams.get('client_id')).toBe('palisade');
    expect(location.searchParams.get('redirect_uri')).toBe(`${api.url}/api/auth/oidc/callback`);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('state')).toBeTruthy();
    expect(location.searchParams.get('nonce')).toBeTruthy();
    const pending = response.headers.getSetCookie().find((c) => c.startsWith('palisade_oidc='));
    expect(pending).toMatch(/HttpOnly/i);
    expect(pending).toMatch(/SameSite=Lax/i);
    // Sealed: neither the state nor the verifier can be read from it.
    expect(pending).not.toContain(location.searchParams.get('state'));
  });

  it('signs an admin group member in as admin, back on the page asked for, with a working session', async () => {
    const jar = new CookieJar();
    const { location, response } = await signIn(jar, 'admin-ann');
    expect(location).toBe('/clusters?view=all');
    const cookies = response.headers.getSetCookie();
    expect(cookies.find((c) => c.startsWith('palisade_session='))).toMatch(/HttpOnly/i);
    const session = (await (await jar.fetch(`${api.url}/api/auth/session`)).json()) as { authenticated: boolean; role: string; user: { username: string; source: string; email: string } };
    expect(session).toMatchObject({ authenticated: true, role: 'admin', user: { username: 'admin-ann', source: 'oidc', email: 'admin-ann@example.com' } });
    expect((await jar.fetch(`${api.url}/api/users`)).status).toBe(200);
  });

  it('gives an operator group member the operator role, and the same account again on the next sign-in', async () => {
    const first = new CookieJar();
    await signIn(first, 'ops-olga');
    const again = new CookieJar();
    await signIn(again, 'ops-olga');
    const users = (await (await fetch(`${api.url}/api/users`, withAdmin())).json()) as { items: { username: string; role: string; source: string }[] };
    expect(users.items.filter((u) => u.username.startsWith('ops-olga'))).toEqual([expect.objectContaining({ username: 'ops-olga', role: 'operator', source: 'oidc' })]);
    expect((await again.fetch(`${api.url}/api/users`)).status).toBe(403);
  });

  it('refuses someone in none of the groups when the default role is none, and says why', async () => {
    const jar = new CookieJar();
    const { location } = await signIn(jar, 'visitor');
    const url = new URL(location, api.url);
    expect(url.pathname).toBe('/login');
    expect(url.searchParams.get('error')).toMatch(/no Palisade role/);
    expect(jar.get(api.url, 'palisade_session')).toBeUndefined();
  });

  it('refuses a callback without the sign-in it belongs to (login CSRF) or with a forged state', async () => {
    const stranger = new CookieJar();
    const noPending = await stranger.fetch(`${api.url}/api/auth/oidc/callback?code=stolen&state=x`);
    expect(noPending.status).toBe(302);
    expect(new URL(noPending.headers.get('location') ?? '', api.url).searchParams.get('error')).toMatch(/start again/);

    const jar = new CookieJar();
    await jar.fetch(`${api.url}/api/auth/oidc/login`);
    const forged = await jar.fetch(`${api.url}/api/auth/oidc/callback?code=stolen&state=forged&iss=${encodeURIComponent(issuer)}`);
    expect(new URL(forged.headers.get('location') ?? '', api.url).searchParams.get('error')).toMatch(/single sign-on failed/);
    expect(jar.get(api.url, 'palisade_session')).toBeUndefined();
  });

  it('sends only same-site return paths back', async () => {
    const jar = new CookieJar();
    const { location } = await signIn(jar, 'admin-bob', 'https://evil.example/steal');
    expect(location).toBe('/');
  });

  it('records sign-ins and refusals in the audit log, and never shows or logs the client secret or an authorization code', async () => {
    const audit = (await (await fetch(`${api.url}/api/audit?limit=100`, withAdmin())).json()) as { items: { action: string; actor: { name: string }; details: Record<string, unknown> }[] };
    expect(audit.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'auth.login', actor: expect.objectContaining({ name: 'admin-ann' }), details: expect.objectContaining({ method: 'oidc' }) }),
        expect.objectContaining({ action: 'user.created', details: expect.objectContaining({ username: 'ops-olga', role: 'operator' }) }),
        expect.objectContaining({ action: 'auth.login-failed', actor: expect.objectContaining({ name: 'visitor' }) }),
      ]),
    );
    expect(JSON.stringify(audit)).not.toContain(CLIENT_SECRET);
    expect(api.output()).not.toContain(CLIENT_SECRET);
    expect(codes.length).toBeGreaterThan(3);
    for (const code of codes) expect(api.output()).not.toContain(code);
    // The request log still shows the callback was called.
    expect(api.output()).toContain('/api/auth/oidc/callback?code=%5Bredacted%5D');
  });
});

describe('single sign-on with the provider down', () => {
  it('goes back to the sign-in page with the reason instead of failing, while the API keeps answering', async () => {
    const port = await freePort();
    const down = await startApi({
      DATABASE_URL: db.url,
      PALISADE_DATA_DIR: dir,
      PALISADE_DEMO: 'off',
      OIDC_ISSUER_URL: `http://127.0.0.1:${port}`,
      OIDC_CLIENT_ID: 'palisade',
    });
    try {
      const response = await fetch(`${down.url}/api/auth/oidc/login`, { redirect: 'manual' });
      expect(response.status).toBe(302);
      expect(new URL(response.headers.get('location') ?? '', down.url).searchParams.get('error')).toMatch(/identity provider does not answer/);
      expect((await fetch(`${down.url}/api/health`)).status).toBe(200);
    } finally {
      await down.stop();
    }
  });
});

