// Server side only: used by pages.
import type { Role, SessionInfo } from '@palisade/api-contract';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { ApiUnavailable, Forbidden } from '../components/api-unavailable';
import { requestPath } from '../data-access/request-context';
import { getSession } from '../data-access/session';
import { loginHref } from './return-to';
import { can, type Permission } from './roles';

export type SignedInSession = Extract<SessionInfo, { authenticated: true }>;

/**
 * Who is reading a page that any signed-in user may open; when the API cannot say, its problem
 * to show instead. Sends a browser whose session ended to sign in.
 */
export async function signedInPage(): Promise<
  | { readonly allowed: true; readonly session: SignedInSession }
  | { readonly allowed: false; readonly page: ReactNode }
> {
  const session = await getSession();
  if (!session.ok) return { allowed: false, page: <ApiUnavailable error={session.error} /> };
  if (!session.data.authenticated) redirect(loginHref(await requestPath()));
  return { allowed: true, session: session.data };
}

/**
 * Whether the signed-in user may open a page that needs `permission`; when not, what to show
 * instead (the role's refusal, or the API's problem). The API refuses the page's calls anyway:
 * this says so before making them.
 */
export async function pageAccess(
  permission: Permission,
  what: string,
): Promise<
  | { readonly allowed: true; readonly role: Role }
  | { readonly allowed: false; readonly page: ReactNode }
> {
  const reader = await signedInPage();
  if (!reader.allowed) return reader;
  const { role } = reader.session;
  if (!can(role, permission)) {
    return { allowed: false, page: <Forbidden role={role} what={what} /> };
  }
  return { allowed: true, role };
}
