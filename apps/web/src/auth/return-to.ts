/**
 * Where the browser goes after signing in. A `returnTo` from the URL is only ever a path of this
 * dashboard: anything else (another host, `//host`, `/\host`, a scheme) would make the sign-in
 * page an open redirect.
 */

export const LOGIN_PATH = '/login';
export const SETUP_PATH = '/setup';

/** A path of this origin that is safe to redirect to, else `fallback`. */
export function safeReturnTo(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2_000) return fallback;
  // One leading slash, then not a second one or a backslash (browsers read `/\host` as `//host`);
  // no backslashes, whitespace or control characters anywhere (they are normalized away).
  if (!/^\/(?![/\\])/.test(value) || /[\\\s]/.test(value) || hasControlCharacter(value)) {
    return fallback;
  }
  const base = 'http://palisade.invalid';
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  // Back to the sign-in or setup page would be a loop.
  if (isAuthPage(url.pathname)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** The sign-in and first-admin pages: open without a session. */
export function isAuthPage(pathname: string): boolean {
  return [LOGIN_PATH, SETUP_PATH].some(
    (page) => pathname === page || pathname.startsWith(`${page}/`),
  );
}

/** `/login`, remembering where to go back to (left out when that is the home page). */
export function loginHref(returnTo: string, extra: Readonly<Record<string, string>> = {}): string {
  const params = new URLSearchParams();
  const path = safeReturnTo(returnTo);
  if (path !== '/') params.set('returnTo', path);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const search = params.toString();
  return search ? `${LOGIN_PATH}?${search}` : LOGIN_PATH;
}

/** Where the identity provider's sign-in starts; the API sends the browser back to `returnTo`. */
export function oidcLoginHref(returnTo: string): string {
  return `/api/auth/oidc/login?returnTo=${encodeURIComponent(safeReturnTo(returnTo))}`;
}
