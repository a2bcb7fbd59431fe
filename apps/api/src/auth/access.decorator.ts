import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth } from '@nestjs/swagger';
import type { Role } from '@palisade/api-contract';
import { SESSION_COOKIE } from '@palisade/api-contract';

/** Who may call a route: anyone (`public`) or a signed-in principal with at least this role. */
export type AccessLevel = 'public' | Role;

export const ACCESS_METADATA = 'palisade:access';

/**
 * Every route carries one (on the handler or its controller; the handler's wins). AccessGuard
 * refuses a route that has none, so a new endpoint is closed until someone decides.
 */
export function Access(level: AccessLevel) {
  if (level === 'public') return SetMetadata(ACCESS_METADATA, level);
  return applyDecorators(SetMetadata(ACCESS_METADATA, level), ApiBearerAuth(), ApiCookieAuth(SESSION_COOKIE));
}
