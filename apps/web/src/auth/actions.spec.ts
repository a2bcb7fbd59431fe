import type { WriteResult } from '../alerts/api-write';
import { formOf, redirectOf, userItem } from '../testing/auth-fixtures';
import { changePassword, setUp, signIn, signOut } from './actions';

const sent: { method: string; path: string; body: unknown; options: unknown }[] = [];
let answer: WriteResult;
jest.mock('../alerts/api-write', () => ({
  sendJson: async (method: string, path: string, body: unknown, options: unknown) => {
    sent.push({ method, path, body, options });
    return answer;
  },
}));

const jar = { set: jest.fn(), delete: jest.fn() };
let requestHeaders = new Headers();
jest.mock('next/headers', () => ({
  cookies: async () => jar,
  headers: async () => requestHeaders,
}));

const user = userItem();
const signedIn: WriteResult = {
  ok: true,
  status: 200,
  body: { user, csrfToken: 'csrf-1', expiresAt: '2026-11-28T07:00:00.000Z' },
  setCookies: [
    'palisade_session=sess-1; Path=/; Expires=Sat, 28 Nov 2026 07:00:00 GMT; HttpOnly; SameSite=Lax',
    'palisade_csrf=csrf-1; Path=/; Expires=Sat, 28 Nov 2026 07:00:00 GMT; SameSite=Lax',
  ],
};

beforeEach(() => {
  sent.length = 0;
  jar.set.mockReset();
  jar.delete.mockReset();
  requestHeaders = new Headers({ origin: 'http://127.0.0.1:3000' });
});

describe('signIn', () => {
  it('signs in at the API without the old cookies, sets its cookies here and goes back', async () => {
    answer = signedIn;
    const target = await redirectOf(
      signIn(
        { attempt: 0 },
        formOf({
          username: ' olga ',
          password: ' secret words ',
          returnTo: '/alerts?status=firing',
        }),
      ),
    );

    expect(target).toBe('/alerts?status=firing');
    expect(sent).toEqual([
      {
        method: 'POST',
        path: '/api/auth/login',
        body: { username: 'olga', password: ' secret words ' },
        options: { anonymous: true },
      },
    ]);
    const expires = new Date('2026-11-28T07:00:00.000Z');
    expect(jar.set.mock.calls).toEqual([
      [
        'palisade_session',
        'sess-1',
        { httpOnly: true, sameSite: 'lax', path: '/', secure: false, expires },
      ],
      [
        'palisade_csrf',
        'csrf-1',
        { httpOnly: false, sameSite: 'lax', path: '/', secure: false, expires },
      ],
    ]);
  });

  it('sends the browser’s address on, so the API throttles the browser and not the dashboard', async () => {
    answer = signedIn;
    requestHeaders = new Headers({ 'x-forwarded-for': '203.0.113.7, 10.0.0.5' });
    await redirectOf(signIn({ attempt: 0 }, formOf({ username: 'olga', password: 'p' })));
    expect(sent[0]?.options).toEqual({
      anonymous: true,
      forwardedFor: '203.0.113.7, 10.0.0.5',
    });
  });

  it('marks the cookies Secure when the browser came over HTTPS', async () => {
    answer = signedIn;
    requestHeaders = new Headers({ 'x-forwarded-proto': 'https' });
    await redirectOf(signIn({ attempt: 0 }, formOf({ username: 'olga', password: 'p' })));
    expect(jar.set.mock.calls.map((call) => (call[2] as { secure: boolean }).secure)).toEqual([
      true,
      true,
    ]);
  });

  it('goes to the home page rather than another site', async () => {
    answer = signedIn;
    expect(
      await redirectOf(
        signIn(
          { attempt: 0 },
          formOf({ username: 'olga', password: 'p', returnTo: '//evil.example' }),
        ),
      ),
    ).toBe('/');
  });

  it('says the credentials are wrong, keeps the username and never the password', async () => {
    answer = {
      ok: false,
      code: 'invalid-credentials',
      status: 401,
      message: 'wrong username or password',
      fields: [],
    };
    const state = await signIn({ attempt: 2 }, formOf({ username: 'olga', password: 'nope' }));
    expect(state).toEqual({
      attempt: 3,
      error: 'Wrong username or password.',
      values: { username: ['olga'] },
    });
    expect(jar.set).not.toHaveBeenCalled();
  });

  it('says when to try again after too many attempts', async () => {
    answer = {
      ok: false,
      code: 'too-many-attempts',
      status: 429,
      message: 'too many failed attempts: try again in 40 s',
      fields: [],
      retryAfterSeconds: 40,
    };
    const state = await signIn({ attempt: 0 }, formOf({ username: 'olga', password: 'nope' }));
    expect(state.error).toBe('Too many sign-in attempts: try again in 40 seconds.');
  });

  it('asks for both fields before calling the API', async () => {
    const state = await signIn({ attempt: 0 }, formOf({ username: 'olga', password: '' }));
    expect(state.error).toBe('Enter your username and password.');
    expect(sent).toEqual([]);
  });
});

describe('setUp', () => {
  it('checks the passwords match before sending the setup token', async () => {
    const state = await setUp(
      { attempt: 0 },
      formOf({
        setupToken: 'tok',
        username: 'root',
        password: 'a long password',
        confirm: 'another long one',
      }),
    );
    expect(state.fields).toEqual([
      { field: 'confirm', message: 'The two passwords are not the same.' },
    ]);
    expect(state.values).toEqual({ username: ['root'], name: [''] });
    expect(sent).toEqual([]);
  });

  it('creates the first admin, signs them in and opens the dashboard', async () => {
    answer = { ...signedIn, status: 201 };
    const target = await redirectOf(
      setUp(
        { attempt: 0 },
        formOf({
          setupToken: ' tok ',
          username: 'root',
          name: 'Ro Ot',
          password: 'a long password',
          confirm: 'a long password',
        }),
      ),
    );
    expect(target).toBe('/');
    expect(sent[0]).toEqual({
      method: 'POST',
      path: '/api/auth/setup',
      body: { setupToken: 'tok', username: 'root', password: 'a long password', name: 'Ro Ot' },
      options: { anonymous: true },
    });
    expect(jar.set).toHaveBeenCalledTimes(2);
  });

  it('sends the browser’s address on with the setup token (setup is throttled too)', async () => {
    answer = { ...signedIn, status: 201 };
    requestHeaders = new Headers({ 'x-forwarded-for': '::ffff:127.0.0.1' });
    await redirectOf(
      setUp(
        { attempt: 0 },
        formOf({
          setupToken: 'tok',
          username: 'root',
          password: 'a long password',
          confirm: 'a long password',
        }),
      ),
    );
    expect(sent[0]?.options).toEqual({ anonymous: true, forwardedFor: '::ffff:127.0.0.1' });
  });

  it('points at the setup token when the API refuses it', async () => {
    answer = {
      ok: false,
      code: 'invalid-setup-token',
      status: 401,
      message: 'the setup token is not the one printed at start',
      fields: [],
    };
    const state = await setUp(
      { attempt: 0 },
      formOf({
        setupToken: 'x',
        username: 'root',
        password: 'a long password',
        confirm: 'a long password',
      }),
    );
    expect(state.fields?.map((f) => f.field)).toEqual(['setupToken']);
  });
});

describe('signOut', () => {
  it('ends the session at the API, forgets both cookies and shows the sign-in page', async () => {
    answer = { ok: true, status: 204, body: undefined, setCookies: [] };
    expect(await redirectOf(signOut())).toBe('/login');
    expect(sent).toEqual([
      {
        method: 'POST',
        path: '/api/auth/logout',
        body: undefined,
        options: { redirectOn401: false },
      },
    ]);
    expect(jar.delete.mock.calls).toEqual([['palisade_session'], ['palisade_csrf']]);
  });

  it('forgets the cookies even when the session had ended already', async () => {
    answer = { ok: false, status: 401, code: 'unauthenticated', message: 'expired', fields: [] };
    expect(await redirectOf(signOut())).toBe('/login');
    expect(jar.delete).toHaveBeenCalledTimes(2);
  });
});

describe('changePassword', () => {
  const fields = {
    currentPassword: ' old password ',
    newPassword: ' a new long password ',
    confirm: ' a new long password ',
  };
  const refused = (over: Partial<Extract<WriteResult, { ok: false }>>): WriteResult => ({
    ok: false,
    status: 400,
    message: 'refused',
    fields: [],
    ...over,
  });

  it('sends both passwords as typed, without the confirmation, and says the other sessions ended', async () => {
    answer = { ok: true, status: 204, body: undefined, setCookies: [] };
    requestHeaders = new Headers({ 'x-forwarded-for': '203.0.113.7' });
    const state = await changePassword({ attempt: 1 }, formOf(fields));
    expect(sent).toEqual([
      {
        method: 'POST',
        path: '/api/auth/password',
        body: { currentPassword: ' old password ', newPassword: ' a new long password ' },
        // The wrong current password is a 401 to show; the browser's address for the throttle.
        options: { redirectOn401: false, forwardedFor: '203.0.113.7' },
      },
    ]);
    expect(state).toEqual({
      attempt: 2,
      done: 'Password changed; your other sessions were signed out.',
    });
    expect(jar.set).not.toHaveBeenCalled();
  });

  it('checks the new password twice before calling the API', async () => {
    const state = await changePassword(
      { attempt: 0 },
      formOf({ ...fields, confirm: 'a new long passworD' }),
    );
    expect(state).toEqual({
      attempt: 1,
      error: 'Check the highlighted fields.',
      fields: [{ field: 'confirm', message: 'The two passwords are not the same.' }],
    });
    expect(sent).toEqual([]);
  });

  it('says the current password is wrong, beside it, and keeps no password', async () => {
    answer = refused({
      status: 401,
      code: 'invalid-credentials',
      message: 'the current password is wrong',
    });
    const state = await changePassword({ attempt: 0 }, formOf(fields));
    expect(state).toEqual({
      attempt: 1,
      error: 'The current password is wrong.',
      fields: [{ field: 'currentPassword', message: 'Not your current password.' }],
    });
    expect(JSON.stringify(state)).not.toMatch(/old password|new long password/);
  });

  it('sends a browser whose session ended to sign in, back to the page', async () => {
    answer = refused({ status: 401, code: 'unauthenticated', message: 'sign in first' });
    requestHeaders = new Headers({ 'x-palisade-path': '/account' });
    expect(await redirectOf(changePassword({ attempt: 0 }, formOf(fields)))).toBe(
      '/login?returnTo=%2Faccount',
    );
  });

  it('says when to try again after too many attempts', async () => {
    answer = refused({ status: 429, code: 'too-many-attempts', retryAfterSeconds: 30 });
    expect((await changePassword({ attempt: 0 }, formOf(fields))).error).toBe(
      'Too many password attempts: try again in 30 seconds.',
    );
  });

  it("puts the API's field errors beside the fields, and its reason otherwise", async () => {
    answer = refused({
      code: 'invalid-request',
      fields: [{ field: 'newPassword', message: 'a password has at least 12 characters' }],
    });
    expect(await changePassword({ attempt: 0 }, formOf(fields))).toMatchObject({
      error: 'Check the highlighted fields.',
      fields: [{ field: 'newPassword', message: 'a password has at least 12 characters' }],
    });
    answer = refused({
      code: 'invalid-request',
      message:
        'this account signs in through single sign-on: change the password at the identity provider',
    });
    expect((await changePassword({ attempt: 0 }, formOf(fields))).error).toBe(
      'This account signs in through single sign-on: change the password at the identity provider.',
    );
  });
});
