import type { SessionInfo } from '@palisade/api-contract';
import { redirectOf } from '../testing/auth-fixtures';
import { fakeApi, json, routes } from '../testing/fake-api';
import { getJson } from './api-client';
import { isSessionInfo } from './auth-checks';
import type { Credentials } from './request-context';

const request = { credentials: {} as Credentials, path: '/' };
jest.mock('./request-context', () => ({
  requestCredentials: async () => request.credentials,
  requestPath: async () => request.path,
}));

const isAnything = (_body: unknown): _body is unknown => true;

const viewerSession: SessionInfo = {
  authenticated: true,
  user: null,
  token: { id: 't1', name: 'ci' },
  role: 'viewer',
  methods: { local: true, oidc: null },
};

describe('getJson as the browser’s user', () => {
  let api: Awaited<ReturnType<typeof fakeApi>> | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
    request.credentials = {};
    request.path = '/';
  });

  it("carries the request's session and CSRF cookies on to the API", async () => {
    api = await fakeApi(json(200, { ok: 1 }));
    request.credentials = { session: 'sess-1', csrf: 'csrf-1' };

    await getJson('/api/clusters', { baseUrl: api.baseUrl, check: isAnything });

    expect(api.requests[0]?.headers.cookie).toBe('palisade_session=sess-1; palisade_csrf=csrf-1');
  });

  it('sends no cookie when the browser has none', async () => {
    api = await fakeApi(json(200, { ok: 1 }));

    await getJson('/api/clusters', { baseUrl: api.baseUrl, check: isAnything });

    expect(api.requests[0]?.headers.cookie).toBeUndefined();
  });

  it('sends the browser to sign in on a 401, and back to the page it was on', async () => {
    api = await fakeApi(json(401, { error: { code: 'unauthenticated', message: 'sign in' } }));
    request.path = '/alerts?status=firing';

    const target = await redirectOf(
      getJson('/api/alerts', { baseUrl: api.baseUrl, check: isAnything }),
    );

    expect(target).toBe('/login?returnTo=%2Falerts%3Fstatus%3Dfiring');
  });

  it("reports a 403 as forbidden, with the API's message and the user's role", async () => {
    api = await fakeApi(
      routes({
        'GET /api/users': json(403, {
          error: { code: 'forbidden', message: 'Only admins may list users.' },
        }),
        'GET /api/auth/session': json(200, viewerSession),
      }),
    );

    const result = await getJson('/api/users', {
      baseUrl: api.baseUrl,
      check: isAnything,
      credentials: { session: 's' },
    });

    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'forbidden',
        url: `${api.baseUrl}/api/users`,
        message: 'Only admins may list users.',
        role: 'viewer',
      },
    });
    // The role was asked as the same user.
    expect(api.requests[1]?.headers.cookie).toBe('palisade_session=s');
  });

  it('reads the session answer of a signed-out browser', async () => {
    api = await fakeApi(
      json(200, {
        authenticated: false,
        setupRequired: true,
        methods: { local: true, oidc: { label: 'Okta' } },
      }),
    );

    const result = await getJson('/api/auth/session', {
      baseUrl: api.baseUrl,
      check: isSessionInfo,
    });

    expect(result).toEqual({
      ok: true,
      data: {
        authenticated: false,
        setupRequired: true,
        methods: { local: true, oidc: { label: 'Okta' } },
      },
    });
  });
});
