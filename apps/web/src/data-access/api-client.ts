import { webConfig } from '../config/web-config';
import type { ApiFailure, ApiResult } from './api-result';

export interface GetJsonOptions<T> {
  /** Checks the parsed body against the contract (a type guard). */
  readonly check: (body: unknown) => body is T;
  /** The API's base URL; defaults to the configured one. */
  readonly baseUrl?: string;
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 5_000;

/**
 * GET `path` (e.g. `/api/clusters`) from the API, server side. Never throws for the API being
 * down or answering badly: those come back as an ApiFailure.
 */
export async function getJson<T>(path: string, options: GetJsonOptions<T>): Promise<ApiResult<T>> {
  const url = `${options.baseUrl ?? webConfig().api.baseUrl}${path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json' },
      cache: 'no-store',
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch (error) {
    return failure({ kind: 'unreachable', url, reason: describeFetchError(error) });
  }

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
