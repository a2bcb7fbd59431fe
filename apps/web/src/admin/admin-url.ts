import { first, offsetOf, type SearchParams } from '../alerts/alerts-url';

/**
 * The administration lists keep their page (and the audit log its action filter) in the URL:
 * `/admin/audit?action=user.created&offset=50`.
 */

export interface AuditQuery {
  /** One action (`user.created`, `token.revoked`, ...); every action when absent. */
  readonly action?: string;
  readonly offset: number;
}

/** An action is dotted words (`auth.login-failed`); anything else is no filter. */
const ACTION = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/;

export function parseAuditQuery(params: SearchParams): AuditQuery {
  const action = first(params['action'])?.toLowerCase();
  return {
    ...(action && ACTION.test(action) && action.length <= 100 && { action }),
    offset: offsetOf(params['offset']),
  };
}

export function auditHref(query: AuditQuery): string {
  const params = new URLSearchParams();
  if (query.action) params.set('action', query.action);
  if (query.offset > 0) params.set('offset', String(query.offset));
  const text = params.toString();
  return text ? `/admin/audit?${text}` : '/admin/audit';
}

/** `/admin/users?offset=50` and `/admin/tokens?offset=50`. */
export function pagedHref(basePath: string, offset: number): string {
  return offset > 0 ? `${basePath}?offset=${offset}` : basePath;
}
