// Server side only: pages, route handlers and server actions read the API through it.
import type { Role } from '@palisade/api-contract';
import { redirect } from 'next/navigation';
import { credentialsCookieHeader } from '../auth/api-cookies';
import { loginHref } from '../auth/return-to';
import { webConfig } from '../config/web-config';
import { isSessionInfo } from './auth-checks';
import type { ApiFailure, ApiResult } from './api-result';
import { requestCredentials, requestPath, type Credentials } from './request-context';

export interface GetJsonOptions<T> {
  /** Checks the parsed body against the contract (a type guard). */
  readonly check: (body: unknown) => body is T;
  /** The API's base URL; defaults to the configured one. */
  readonly baseUrl?: string;
  readonly timeoutMs?: number;
  /** Whose call it is; defaults to the cookies of the request being served. */
  readonly credentials?: Credentials;
}

const DEFAULT_TIMEOUT_MS = 5_000;

export const SESSION_PATH = '/api/auth/session';

/**
 * GET `path` (e.g. `/api/clusters`) from the API, server side, as the browser's user (its session
 * cookie goes along). Never throws for the API being down or answering badly: those come back as
 * an ApiFailure. A 401 (no session, or one that ended) is the exception: the browser is sent to
 * sign in, and back to this page afterwards.
 */
export async function getJson<T>(path: string, options: GetJsonOptions<T>): Promise<ApiResult<T>> {
  const baseUrl = options.baseUrl ?? webConfig().api.baseUrl;
  const url = `${baseUrl}${path}`;
  const credentials = options.credentials ?? (await requestCredentials());
  const cookie = credentialsCookieHeader(credentials);
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json', ...(cookie && { cookie }) },
      cache: 'no-store',
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch (error) {
    return failure({ kind: 'unreachable', url, reason: describeFetchError(error) });
  }
  if (response.status === 401) redirect(loginHref(await requestPath()));

  let body: unknown;
  try {
    body = await response.json();
  } catch {
    if (!response.ok)
      return failure({
        kind: 'http-error',
        url,
        status: response.status,
        message: response.statusText,
      });
    return failure({ kind: 'invalid-response', url, reason: 'the body is not JSON' });
  }
  if (response.status === 403) {
    return failure({
      kind: 'forbidden',
      url,
      message: errorMessageOf(body) ?? response.statusText,
      role: await roleOf(baseUrl, credentials),
    });
  }
  if (!response.ok) {
    return failure({
      kind: 'http-error',
      url,
      status: response.status,
      message: errorMessageOf(body) ?? response.statusText,
    });
  }
  if (!options.check(body)) {
    return failure({
      kind: 'invalid-response',
      url,
      reason: 'the body does not have the expected shape',
    });
  }
  return { ok: true, data: body };
}

/** The role of whoever made a refused call, to say it in the message (null when unknown). */
export async function roleOf(
  baseUrl: string | undefined,
  credentials: Credentials | undefined,
): Promise<Role | null> {
  const session = await getJson(SESSION_PATH, {
    check: isSessionInfo,
    ...(baseUrl !== undefined && { baseUrl }),
    ...(credentials !== undefined && { credentials }),
  });
  return session.ok && session.data.authenticated ? session.data.role : null;
}

function failure(error: ApiFailure): ApiResult<never> {
  return { ok: false, error };
}

/**
 * `fetch failed` says nothing; the cause (ECONNREFUSED, ENOTFOUND, a timeout) says what
 * happened. Duck-typed: the error may come from another realm (Jest, Next's sandboxes).
 */
function describeFetchError(error: unknown): string {
  const { name, message, cause } = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: unknown;
    message?: unknown;
    cause?: { code?: unknown; message?: unknown };
  };
  if (name === 'TimeoutError' || name === 'AbortError') return 'no answer in time';
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  return typeof message === 'string' ? message : String(error);
}

/** The API's error body is `{ error: { code, message } }`. */
function errorMessageOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null || !('message' in error)) return undefined;
  const message = (error as { message: unknown }).message;
  return typeof message === 'string' ? message : undefined;
}
