// Server side only: used by pages.
import type { Role } from '@palisade/api-contract';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { ApiUnavailable, Forbidden } from '../components/api-unavailable';
import { requestPath } from '../data-access/request-context';
import { getSession } from '../data-access/session';
import { loginHref } from './return-to';
import { can, type Permission } from './roles';

/**
 * Whether the signed-in user may open a page that needs `permission`; when not, what to show
 * instead (the role's refusal, or the API's problem). Sends a browser whose session ended to
 * sign in. The API refuses the page's calls anyway: this says so before making them.
 */
export async function pageAccess(
  permission: Permission,
  what: string,
): Promise<
  | { readonly allowed: true; readonly role: Role }
  | { readonly allowed: false; readonly page: ReactNode }
> {
  const session = await getSession();
  if (!session.ok) return { allowed: false, page: <ApiUnavailable error={session.error} /> };
  if (!session.data.authenticated) redirect(loginHref(await requestPath()));
  const { role } = session.data;
  if (!can(role, permission)) {
    return { allowed: false, page: <Forbidden role={role} what={what} /> };
  }
  return { allowed: true, role };
}
