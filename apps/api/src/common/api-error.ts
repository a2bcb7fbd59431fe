/** Every error code the API answers with. A new code fails compilation until statusOf maps it. */
export type ApiErrorCode =
  | 'invalid-request'
  | 'cluster-not-found'
  | 'workload-not-found'
  | 'namespace-not-found'
  | 'policy-not-found'
  | 'snapshot-not-found'
  | 'snapshot-thinned'
  | 'no-snapshot-yet'
  | 'cluster-not-synced'
  | 'peer-not-found'
  | 'alert-rule-not-found'
  | 'channel-not-found'
  | 'channel-read-only'
  | 'exception-not-found'
  | 'report-not-found'
  | 'report-not-ready'
  | 'alert-not-found'
  | 'cluster-name-taken'
  | 'cluster-not-stored'
  | 'unauthenticated'
  | 'invalid-credentials'
  | 'invalid-setup-token'
  | 'forbidden'
  | 'csrf-failed'
  | 'too-many-attempts'
  | 'already-set-up'
  | 'user-not-found'
  | 'username-taken'
  | 'last-admin'
  | 'token-not-found'
  | 'oidc-not-configured'
  | 'oidc-unavailable'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'cross-site-request'
  | 'not-found';

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export function statusOf(code: ApiErrorCode): number {
  switch (code) {
    case 'invalid-request':
    case 'peer-not-found':
      return 400;
    case 'unauthenticated':
    case 'invalid-credentials':
    case 'invalid-setup-token':
      return 401;
    case 'forbidden':
    case 'csrf-failed':
    case 'cross-site-request':
      return 403;
    case 'payload-too-large':
      return 413;
    case 'unsupported-media-type':
      return 415;
    case 'too-many-attempts':
      return 429;
    case 'oidc-unavailable':
      return 503;
    case 'cluster-name-taken':
    case 'cluster-not-stored':
    case 'already-set-up':
    case 'username-taken':
    case 'last-admin':
      return 409;
    case 'user-not-found':
    case 'token-not-found':
    case 'alert-not-found':
    case 'oidc-not-configured':
    case 'cluster-not-found':
    case 'workload-not-found':
    case 'namespace-not-found':
    case 'policy-not-found':
    case 'snapshot-not-found':
    case 'alert-rule-not-found':
    case 'channel-not-found':
    case 'exception-not-found':
    case 'report-not-found':
    case 'not-found':
      return 404;
    case 'channel-read-only':
    case 'report-not-ready':
      return 409;
    case 'snapshot-thinned':
    case 'no-snapshot-yet':
    case 'cluster-not-synced':
      return 409;
  }
}
