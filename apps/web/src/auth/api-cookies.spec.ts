import {
  cookiesToCopy,
  credentialsCookieHeader,
  isHttpsRequest,
  parseSetCookie,
} from './api-cookies';

const SESSION =
  'palisade_session=s3cr3t-Session_v4lue; Path=/; Expires=Sat, 28 Nov 2026 07:00:00 GMT; HttpOnly; SameSite=Lax';
const CSRF = 'palisade_csrf=csrf-abc; Path=/; Max-Age=43200; SameSite=Lax';

describe('parseSetCookie', () => {
  it('reads the name, the value and the lifetime', () => {
    expect(parseSetCookie(SESSION)).toEqual({
      name: 'palisade_session',
      value: 's3cr3t-Session_v4lue',
      expires: new Date('2026-11-28T07:00:00.000Z'),
    });
    expect(parseSetCookie(CSRF)).toEqual({
      name: 'palisade_csrf',
      value: 'csrf-abc',
      maxAge: 43200,
    });
  });

  it('decodes a percent-encoded or quoted value and keeps = inside it', () => {
    expect(parseSetCookie('a=x%2By%3D%3D; Path=/')?.value).toBe('x+y==');
    expect(parseSetCookie('a="quoted"')?.value).toBe('quoted');
    expect(parseSetCookie('a=b=c')?.value).toBe('b=c');
  });

  it('ignores a header without a name', () => {
    expect(parseSetCookie('=value')).toBeUndefined();
    expect(parseSetCookie('garbage')).toBeUndefined();
  });
});

describe('cookiesToCopy', () => {
  it('copies the session cookie httpOnly and the CSRF cookie readable, both Lax on the whole site', () => {
    expect(cookiesToCopy([SESSION, CSRF], false)).toEqual([
      {
        name: 'palisade_session',
        value: 's3cr3t-Session_v4lue',
        options: {
          httpOnly: true,
          sameSite: 'lax',
          path: '/',
          secure: false,
          expires: new Date('2026-11-28T07:00:00.000Z'),
        },
      },
      {
        name: 'palisade_csrf',
        value: 'csrf-abc',
        options: { httpOnly: false, sameSite: 'lax', path: '/', secure: false, maxAge: 43200 },
      },
    ]);
  });

  it('makes the session cookie httpOnly even when the API forgot to, and Secure over HTTPS', () => {
    const [copy] = cookiesToCopy(['palisade_session=v; Path=/api'], true);
    expect(copy?.options).toEqual({ httpOnly: true, sameSite: 'lax', path: '/', secure: true });
  });

  it('copies no other cookie', () => {
    expect(cookiesToCopy(['tracking=1; Path=/', 'palisade_sessionx=2'], false)).toEqual([]);
  });
});

describe('isHttpsRequest', () => {
  const headers = (values: Record<string, string>) => new Headers(values);

  it('believes the TLS proxy in front (its first hop)', () => {
    expect(isHttpsRequest(headers({ 'x-forwarded-proto': 'https' }))).toBe(true);
    expect(isHttpsRequest(headers({ 'x-forwarded-proto': 'https, http' }))).toBe(true);
    expect(isHttpsRequest(headers({ 'x-forwarded-proto': 'http', origin: 'https://x' }))).toBe(
      false,
    );
  });

  it("otherwise reads the form post's Origin", () => {
    expect(isHttpsRequest(headers({ origin: 'https://palisade.example.com' }))).toBe(true);
    expect(isHttpsRequest(headers({ origin: 'http://127.0.0.1:3000' }))).toBe(false);
    expect(isHttpsRequest(headers({}))).toBe(false);
  });
});

describe('credentialsCookieHeader', () => {
  it('carries the session and the CSRF cookie, encoded', () => {
    expect(credentialsCookieHeader({ session: 'a b', csrf: 'c' })).toBe(
      'palisade_session=a%20b; palisade_csrf=c',
    );
    expect(credentialsCookieHeader({ session: 's' })).toBe('palisade_session=s');
  });

  it('is absent without credentials', () => {
    expect(credentialsCookieHeader({})).toBeUndefined();
  });
});
