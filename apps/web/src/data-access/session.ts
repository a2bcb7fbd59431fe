// Server side only.
import type { Role, SessionInfo } from '@palisade/api-contract';
import { cache } from 'react';
import { getJson, SESSION_PATH } from './api-client';
import type { ApiResult } from './api-result';
import { isSessionInfo } from './auth-checks';

/**
 * Who the browser's user is (GET /api/auth/session), read once per request however many
 * components ask: the header, the pages that hide the forms a role cannot use, the actions.
 */
export const getSession = cache((): Promise<ApiResult<SessionInfo>> =>
  getJson(SESSION_PATH, { check: isSessionInfo }),
);

/** The signed-in user's role; undefined when not signed in or the API could not say. */
export async function currentRole(): Promise<Role | undefined> {
  const session = await getSession();
  return session.ok && session.data.authenticated ? session.data.role : undefined;
}
