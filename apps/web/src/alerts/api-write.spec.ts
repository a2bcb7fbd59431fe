import type { Credentials } from '../data-access/request-context';
import { signedInAs, userItem } from '../testing/auth-fixtures';
import { fakeApi, json, routes } from '../testing/fake-api';
import { sendJson } from './api-write';

const request = { credentials: {} as Credentials, path: '/' };
jest.mock('../data-access/request-context', () => ({
  requestCredentials: async () => request.credentials,
  requestPath: async () => request.path,
}));

const operator = signedInAs(userItem());

describe('sendJson as the browser’s user', () => {
  let api: Awaited<ReturnType<typeof fakeApi>> | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
    request.credentials = {};
    request.path = '/';
  });

  it('sends the session cookie and echoes the CSRF cookie in x-csrf-token', async () => {
    api = await fakeApi(json(201, { id: 'r1' }));
    request.credentials = { session: 'sess', csrf: 'csrf-value' };

    const result = await sendJson('POST', '/api/reports', {}, { baseUrl: api.baseUrl });

    expect(result).toMatchObject({ ok: true, status: 201, body: { id: 'r1' } });
    const [sent] = api.requests;
    expect(sent?.headers.cookie).toBe('palisade_session=sess; palisade_csrf=csrf-value');
    expect(sent?.headers['x-csrf-token']).toBe('csrf-value');
    expect(sent?.body).toBe('{}');
  });

  it('sends the browser to sign in on a 401, back to the page the form was on', async () => {
    api = await fakeApi(json(401, { error: { code: 'unauthenticated', message: 'no' } }));
    request.credentials = { session: 'expired', csrf: 'c' };
    request.path = '/alerts/exceptions';

    const error = await sendJson('DELETE', '/api/exceptions/1', undefined, {
      baseUrl: api.baseUrl,
    }).catch((e: unknown) => e);

    expect((error as { digest?: string }).digest).toMatch(
      /^NEXT_REDIRECT;\w+;\/login\?returnTo=%2Falerts%2Fexceptions;/,
    );
  });

  it("says which role was refused on a 403, with the API's reason", async () => {
    api = await fakeApi(
      routes({
        'POST /api/channels': json(403, {
          error: { code: 'forbidden', message: 'This needs the admin role.' },
        }),
        'GET /api/auth/session': json(200, operator),
      }),
    );
    request.credentials = { session: 's', csrf: 'c' };

    const result = await sendJson('POST', '/api/channels', { name: 'x' }, { baseUrl: api.baseUrl });

    expect(result).toMatchObject({
      ok: false,
      code: 'forbidden',
      status: 403,
      message:
        'Your role (operator) cannot do this: This needs the admin role. Ask an administrator for a role that can.',
    });
  });

  it('tells the user to reload when the CSRF check fails', async () => {
    api = await fakeApi(
      json(403, { error: { code: 'csrf-failed', message: 'CSRF token mismatch' } }),
    );

    const result = await sendJson('POST', '/api/reports', {}, { baseUrl: api.baseUrl });

    expect(result).toMatchObject({ ok: false, code: 'csrf-failed' });
    expect(!result.ok && result.message).toMatch(/reload the page/);
  });

  it('signs in anonymously: no cookie, a 401 is an answer, Set-Cookie comes back', async () => {
    api = await fakeApi((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'set-cookie': ['palisade_session=new; Path=/; HttpOnly', 'palisade_csrf=c2; Path=/'],
      });
      res.end('{}');
    });
    request.credentials = { session: 'stale', csrf: 'stale' };

    const result = await sendJson(
      'POST',
      '/api/auth/login',
      { username: 'a', password: 'b' },
      { baseUrl: api.baseUrl, anonymous: true },
    );

    expect(api.requests[0]?.headers.cookie).toBeUndefined();
    expect(api.requests[0]?.headers['x-csrf-token']).toBeUndefined();
    // No address chain given: none invented.
    expect(api.requests[0]?.headers['x-forwarded-for']).toBeUndefined();
    expect(result).toMatchObject({
      ok: true,
      setCookies: ['palisade_session=new; Path=/; HttpOnly', 'palisade_csrf=c2; Path=/'],
    });
  });

  it('passes on the browser’s address chain as x-forwarded-for when given one', async () => {
    api = await fakeApi(json(200, {}));

    await sendJson(
      'POST',
      '/api/auth/login',
      { username: 'a', password: 'b' },
      { baseUrl: api.baseUrl, anonymous: true, forwardedFor: '203.0.113.7, 10.0.0.2' },
    );

    expect(api.requests[0]?.headers['x-forwarded-for']).toBe('203.0.113.7, 10.0.0.2');
  });

  it('returns an anonymous 401 with its code instead of redirecting', async () => {
    api = await fakeApi(
      json(401, { error: { code: 'invalid-credentials', message: 'Wrong username or password.' } }),
    );

    const result = await sendJson(
      'POST',
      '/api/auth/login',
      {},
      { baseUrl: api.baseUrl, anonymous: true },
    );

    expect(result).toEqual({
      ok: false,
      code: 'invalid-credentials',
      status: 401,
      message: 'Wrong username or password.',
      fields: [],
    });
  });

  it('reads how long to wait from a 429 as the API sends it: in the error and in Retry-After', async () => {
    api = await fakeApi(
      json(
        429,
        {
          error: {
            code: 'too-many-attempts',
            message: 'too many failed attempts: try again in 12 s',
            retryAfterSeconds: 12,
          },
        },
        { 'retry-after': '12' },
      ),
    );
    const result = await sendJson(
      'POST',
      '/api/auth/login',
      {},
      { baseUrl: api.baseUrl, anonymous: true },
    );
    expect(result).toMatchObject({
      ok: false,
      code: 'too-many-attempts',
      status: 429,
      retryAfterSeconds: 12,
    });
  });

  it('reads how long to wait from a 429, from the details or else Retry-After', async () => {
    api = await fakeApi(
      json(
        429,
        {
          error: {
            code: 'too-many-attempts',
            message: 'slow down',
            details: { retryAfterSeconds: 41.2 },
          },
        },
        { 'retry-after': '99' },
      ),
    );
    const fromDetails = await sendJson(
      'POST',
      '/api/auth/login',
      {},
      { baseUrl: api.baseUrl, anonymous: true },
    );
    expect(fromDetails).toMatchObject({
      ok: false,
      code: 'too-many-attempts',
      retryAfterSeconds: 42,
    });
    await api.close();

    api = await fakeApi(
      json(
        429,
        { error: { code: 'too-many-attempts', message: 'slow down' } },
        { 'retry-after': '30' },
      ),
    );
    const fromHeader = await sendJson(
      'POST',
      '/api/auth/login',
      {},
      { baseUrl: api.baseUrl, anonymous: true },
    );
    expect(fromHeader).toMatchObject({ ok: false, retryAfterSeconds: 30 });
  });
});
