// Test support (imported by specs only): the signed-in user, form posts and redirects of the
// actions' and pages' specs.
import type { SessionInfo, UserItem } from '@palisade/api-contract';
import type { ApiResult } from '../data-access/api-result';

/** A local operator, olga, who has not signed in before; `over` changes any field. */
export function userItem(over: Partial<UserItem> = {}): UserItem {
  return {
    id: 'u1',
    username: 'olga',
    name: null,
    email: null,
    role: 'operator',
    source: 'local',
    disabled: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    lastSignInAt: null,
    ...over,
  };
}

/** The session of a browser signed in as `user` (local sign-in only). */
export function signedInAs(user: UserItem): Extract<SessionInfo, { authenticated: true }> {
  return {
    authenticated: true,
    user,
    token: null,
    role: user.role,
    methods: { local: true, oidc: null },
  };
}

/** GET /api/auth/session when nothing answers at the API's address. */
export const SESSION_UNREACHABLE: ApiResult<SessionInfo> = {
  ok: false,
  error: {
    kind: 'unreachable',
    url: 'http://127.0.0.1:4000/api/auth/session',
    reason: 'ECONNREFUSED',
  },
};

/** A form post with these fields. */
export function formOf(fields: Readonly<Record<string, string>>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

/** Where Next's redirect() was sending the browser: its error's digest names the target. */
export async function redirectOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  const digest = (error as { digest?: unknown } | undefined)?.digest;
  if (typeof digest !== 'string' || !digest.startsWith('NEXT_REDIRECT')) {
    throw new Error(`expected a redirect, got ${String(error)}`);
  }
  return digest.split(';')[2] ?? '';
}
