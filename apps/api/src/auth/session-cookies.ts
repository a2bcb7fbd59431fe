import { CSRF_COOKIE, SESSION_COOKIE } from '@palisade/api-contract';
import type { CookieOptions, Response } from 'express';

/**
 * The session cookie is httpOnly (no script reads it); the CSRF cookie is readable by the page,
 * which echoes it in X-CSRF-Token. Both SameSite=Lax: sent on top-level navigations (the OIDC
 * callback lands as one) but not with cross-site posts or fetches.
 */
export function setSessionCookies(response: Response, session: { token: string; csrfToken: string; expiresAt: Date }, secure: boolean): void {
  const common: CookieOptions = { sameSite: 'lax', secure, path: '/', expires: session.expiresAt };
  response.cookie(SESSION_COOKIE, session.token, { ...common, httpOnly: true });
  response.cookie(CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false });
}

export function clearSessionCookies(response: Response, secure: boolean): void {
  const common: CookieOptions = { sameSite: 'lax', secure, path: '/' };
  response.clearCookie(SESSION_COOKIE, { ...common, httpOnly: true });
  response.clearCookie(CSRF_COOKIE, common);
}
