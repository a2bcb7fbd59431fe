'use server';

import { CSRF_COOKIE, SESSION_COOKIE } from '@palisade/api-contract';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { sendJson, type SendOptions, type WriteResult } from '../alerts/api-write';
import { text, untrimmed, type FormFields } from '../alerts/form-bodies';
import type { FormState } from '../alerts/form-state';
import { isSignedIn } from '../data-access/auth-checks';
import { requestPath } from '../data-access/request-context';
import { cookiesToCopy, isHttpsRequest } from './api-cookies';
import { forwardedFor } from './client-address';
import {
  PASSWORD_CHANGED,
  PASSWORD_PATH,
  passwordChangeError,
  passwordChangeOf,
} from './password-change';
import { LOGIN_PATH, loginHref, safeReturnTo } from './return-to';
import { passwordProblems, setupError, signInError } from './sign-in-messages';

/**
 * Sign-in, first-admin setup, sign-out and changing one's password. The API is called server
 * side, so its Set-Cookie headers come back here: the same cookies are set on the browser from
 * this answer.
 */

/** Only these fields are typed back into a form after an error: never a password or a token. */
function keep(form: FormFields, names: readonly string[]): Record<string, string[]> {
  return Object.fromEntries(names.map((name) => [name, [text(form, name)]]));
}

/**
 * How sign-in and setup call the API: without the browser's old cookies, and with its address
 * (the API throttles failed attempts per address; it would see only the dashboard's).
 */
async function anonymousFromBrowser(): Promise<SendOptions> {
  return { anonymous: true, ...(await browserAddress()) };
}

/** The browser's address chain, so the API throttles and audits the browser (sign-in, passwords). */
async function browserAddress(): Promise<Pick<SendOptions, 'forwardedFor'>> {
  const chain = forwardedFor(await headers());
  return chain ? { forwardedFor: chain } : {};
}

/** Sets the session and CSRF cookies of the API's answer; false when it set none. */
async function adoptSession(result: Extract<WriteResult, { ok: true }>): Promise<boolean> {
  const copies = cookiesToCopy(result.setCookies, isHttpsRequest(await headers()));
  if (!copies.some((c) => c.name === SESSION_COOKIE)) return false;
  const jar = await cookies();
  for (const cookie of copies) jar.set(cookie.name, cookie.value, cookie.options);
  return true;
}

export async function signIn(previous: FormState, form: FormData): Promise<FormState> {
  const failed = (error: string): FormState => ({
    attempt: previous.attempt + 1,
    error,
    values: keep(form, ['username']),
  });
  const username = text(form, 'username');
  const password = untrimmed(form, 'password');
  if (!username || !password) return failed('Enter your username and password.');
  const result = await sendJson(
    'POST',
    '/api/auth/login',
    { username, password },
    await anonymousFromBrowser(),
  );
  if (!result.ok) return failed(signInError(result));
  if (!isSignedIn(result.body) || !(await adoptSession(result))) {
    return failed(
      'The API signed you in but sent no session: check that API_URL is the Palisade API.',
    );
  }
  redirect(safeReturnTo(text(form, 'returnTo')));
}

export async function setUp(previous: FormState, form: FormData): Promise<FormState> {
  const failed = (error: string, fields: FormState['fields'] = []): FormState => ({
    attempt: previous.attempt + 1,
    error,
    fields,
    values: keep(form, ['username', 'name']),
  });
  const password = untrimmed(form, 'password');
  const problems = passwordProblems(password, untrimmed(form, 'confirm'));
  if (problems.length > 0) return failed('Check the highlighted fields.', problems);
  const name = text(form, 'name');
  const result = await sendJson(
    'POST',
    '/api/auth/setup',
    {
      setupToken: text(form, 'setupToken'),
      username: text(form, 'username'),
      password,
      ...(name && { name }),
    },
    await anonymousFromBrowser(),
  );
  if (!result.ok) {
    const { message, fields } = setupError(result);
    return failed(message, fields);
  }
  if (!isSignedIn(result.body) || !(await adoptSession(result))) {
    return failed('The administrator was created, but the API sent no session: sign in.');
  }
  redirect('/');
}

/** Ends the session at the API (it may have ended already), then forgets its cookies. */
export async function signOut(): Promise<void> {
  await sendJson('POST', '/api/auth/logout', undefined, { redirectOn401: false });
  const jar = await cookies();
  jar.delete(SESSION_COOKIE);
  jar.delete(CSRF_COOKIE);
  redirect(LOGIN_PATH);
}

/**
 * The signed-in user changes their password with the current one; the page stays, and the
 * API ends their other sessions. Nothing typed is kept: every field is a password.
 */
export async function changePassword(previous: FormState, form: FormData): Promise<FormState> {
  const failed = (error: string, fields: FormState['fields'] = []): FormState => ({
    attempt: previous.attempt + 1,
    error,
    fields,
  });
  const built = passwordChangeOf(form);
  if (!built.ok) return failed('Check the highlighted fields.', built.errors);
  // A wrong current password is a 401 too: the answer to show, not a reason to sign in again.
  const result = await sendJson('POST', PASSWORD_PATH, built.body, {
    redirectOn401: false,
    ...(await browserAddress()),
  });
  if (!result.ok) {
    if (result.status === 401 && result.code !== 'invalid-credentials') {
      redirect(loginHref(await requestPath()));
    }
    const { message, fields } = passwordChangeError(result);
    return failed(message, fields);
  }
  return { attempt: previous.attempt + 1, done: PASSWORD_CHANGED };
}
