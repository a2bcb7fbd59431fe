import type { Role } from '@palisade/api-contract';

/**
 * What a call to the Palisade API can end in. An API that is down or answers badly is an
 * expected outcome for a dashboard, so it is a value the page renders, not an exception.
 */
export type ApiFailure =
  /** Nothing answered: connection refused, unknown host, timeout. */
  | { readonly kind: 'unreachable'; readonly url: string; readonly reason: string }
  /** The API answered with an error status. */
  | {
      readonly kind: 'http-error';
      readonly url: string;
      readonly status: number;
      readonly message: string;
    }
  /** The API refused the signed-in user's role (403); `role` is theirs when it could be read. */
  | {
      readonly kind: 'forbidden';
      readonly url: string;
      readonly message: string;
      readonly role: Role | null;
    }
  /** The API answered 2xx with a body that is not what the contract says. */
  | { readonly kind: 'invalid-response'; readonly url: string; readonly reason: string };

export type ApiResult<T> =
  { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: ApiFailure };
