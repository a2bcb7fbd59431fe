// Server side only: reads the incoming request of a page, a route handler or a server action.
import { CSRF_COOKIE, SESSION_COOKIE } from '@palisade/api-contract';
import { cookies, headers } from 'next/headers';
import { safeReturnTo } from '../auth/return-to';
import { PATH_HEADER } from '../proxy-routing';

/** The browser's credentials, carried on to the API by the dashboard's own server-side calls. */
export interface Credentials {
  readonly session?: string;
  readonly csrf?: string;
}

export async function requestCredentials(): Promise<Credentials> {
  const jar = await cookies();
  const session = jar.get(SESSION_COOKIE)?.value;
  const csrf = jar.get(CSRF_COOKIE)?.value;
  return { ...(session && { session }), ...(csrf && { csrf }) };
}

/** The page being rendered (path and query), as the proxy saw it; the home page when unknown. */
export async function requestPath(): Promise<string> {
  return safeReturnTo((await headers()).get(PATH_HEADER));
}
