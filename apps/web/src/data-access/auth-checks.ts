import type {
  ApiTokenItem,
  AuditEventItem,
  CreatedApiToken,
  SessionInfo,
  SignedIn,
  SignInMethods,
  UserItem,
} from '@palisade/api-contract';
import { isRole } from '../auth/roles';
import { isObject, isStringOrNull } from './shape-checks';

/**
 * Shallow checks of the access answers (sign-in, users, tokens, audit): the fields the dashboard
 * cannot render without. The shapes themselves are declared in @palisade/api-contract.
 */

export { isPageOf } from './shape-checks';

function isSignInMethods(value: unknown): value is SignInMethods {
  return (
    isObject(value) &&
    value['local'] === true &&
    (value['oidc'] === null ||
      (isObject(value['oidc']) && typeof value['oidc']['label'] === 'string'))
  );
}

export function isUserItem(value: unknown): value is UserItem {
  return (
    isObject(value) &&
    typeof value['id'] === 'string' &&
    typeof value['username'] === 'string' &&
    isStringOrNull(value['name']) &&
    isStringOrNull(value['email']) &&
    isRole(value['role']) &&
    (value['source'] === 'local' || value['source'] === 'oidc') &&
    typeof value['disabled'] === 'boolean' &&
    typeof value['createdAt'] === 'string' &&
    isStringOrNull(value['lastSignInAt'])
  );
}

export function isSessionInfo(value: unknown): value is SessionInfo {
  if (!isObject(value) || !isSignInMethods(value['methods'])) return false;
  if (value['authenticated'] === false) return typeof value['setupRequired'] === 'boolean';
  return (
    value['authenticated'] === true &&
    isRole(value['role']) &&
    (value['user'] === null || isUserItem(value['user'])) &&
    (value['token'] === null ||
      (isObject(value['token']) &&
        typeof value['token']['id'] === 'string' &&
        typeof value['token']['name'] === 'string'))
  );
}

export function isSignedIn(value: unknown): value is SignedIn {
  return (
    isObject(value) &&
    isUserItem(value['user']) &&
    typeof value['csrfToken'] === 'string' &&
    typeof value['expiresAt'] === 'string'
  );
}

export function isApiTokenItem(value: unknown): value is ApiTokenItem {
  return (
    isObject(value) &&
    typeof value['id'] === 'string' &&
    typeof value['name'] === 'string' &&
    isRole(value['role']) &&
    typeof value['prefix'] === 'string' &&
    typeof value['createdAt'] === 'string' &&
    isStringOrNull(value['createdBy']) &&
    isStringOrNull(value['expiresAt']) &&
    isStringOrNull(value['lastUsedAt']) &&
    isStringOrNull(value['revokedAt'])
  );
}

export function isCreatedApiToken(value: unknown): value is CreatedApiToken {
  return isApiTokenItem(value) && typeof (value as { secret?: unknown }).secret === 'string';
}

export function isAuditEventItem(value: unknown): value is AuditEventItem {
  return (
    isObject(value) &&
    typeof value['id'] === 'string' &&
    typeof value['at'] === 'string' &&
    isObject(value['actor']) &&
    ['user', 'token', 'system'].includes(value['actor']['kind'] as string) &&
    typeof value['actor']['name'] === 'string' &&
    typeof value['action'] === 'string' &&
    isStringOrNull(value['target']) &&
    isObject(value['details']) &&
    isStringOrNull(value['requestId'])
  );
}
