import type { Role } from '@palisade/api-contract';
import type { OidcConfig } from '../../config/app-config';

/**
 * The role of someone signing in through the identity provider, from the groups claim: the
 * highest role whose group list names one of their groups, else OIDC_DEFAULT_ROLE. `none`:
 * they may not sign in. Read at every sign-in, so a change at the provider applies next time.
 */
export function roleFromClaims(config: Pick<OidcConfig, 'groupsClaim' | 'adminGroups' | 'operatorGroups' | 'viewerGroups' | 'defaultRole'>, claims: Record<string, unknown>): Role | 'none' {
  const raw = claims[config.groupsClaim];
  const groups = new Set(Array.isArray(raw) ? raw.filter((g): g is string => typeof g === 'string') : typeof raw === 'string' ? [raw] : []);
  const member = (list: readonly string[]) => list.some((group) => groups.has(group));
  if (member(config.adminGroups)) return 'admin';
  if (member(config.operatorGroups)) return 'operator';
  if (member(config.viewerGroups)) return 'viewer';
  return config.defaultRole;
}

/** A same-site path to go back to after sign-in; anything else (another host, `//x`) goes home. */
export function safeReturnTo(value: string | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}
