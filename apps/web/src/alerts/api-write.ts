// Server side only: imported by the server actions, never by a client component.
import { CSRF_HEADER } from '@palisade/api-contract';
import { redirect } from 'next/navigation';
import { credentialsCookieHeader } from '../auth/api-cookies';
import { FORWARDED_FOR } from '../auth/client-address';
import { loginHref } from '../auth/return-to';
import { webConfig } from '../config/web-config';
import { roleOf } from '../data-access/api-client';
import { requestCredentials, requestPath, type Credentials } from '../data-access/request-context';
import type { FieldError } from './form-bodies';

/** A write to the API, server side (from a server action); never throws. */
export type WriteResult =
  | {
      readonly ok: true;
      readonly status: number;
      readonly body: unknown;
      /** The API's Set-Cookie headers (sign-in and setup answer with the session's cookies). */
      readonly setCookies: readonly string[];
    }
  | {
      readonly ok: false;
      readonly message: string;
      readonly fields: readonly FieldError[];
      /** The API's error code (`last-admin`, `too-many-attempts`, ...), when it gave one. */
      readonly code?: string;
      readonly status?: number;
      /** From a 429: how long to wait (Retry-After, or the error's details). */
      readonly retryAfterSeconds?: number;
    };

export interface SendOptions {
  /**
   * Sign-in and setup: no credentials go along, and a 401 is the answer to show (wrong
   * password), not a reason to send the browser to the sign-in page.
   */
  readonly anonymous?: boolean;
  /** Whose call it is; defaults to the cookies of the request being served. */
  readonly credentials?: Credentials;
  readonly baseUrl?: string;
  /** Sign-out: a session that ended already is fine, not a reason to sign in again. */
  readonly redirectOn401?: boolean;
  /**
   * Sign-in and setup: the browser's address chain (auth/client-address.ts), sent as
   * `x-forwarded-for` so the API throttles and audits the browser, not the dashboard.
   */
  readonly forwardedFor?: string;
}

const TIMEOUT_MS = 30_000;

/**
 * Sends a write to the API as the browser's user: its session cookie and, since the API wants
 * proof that a cookie-authenticated write was meant, its CSRF cookie's value in CSRF_HEADER.
 */
export async function sendJson(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  options: SendOptions = {},
): Promise<WriteResult> {
  const baseUrl = options.baseUrl ?? webConfig().api.baseUrl;
  const url = `${baseUrl}${path}`;
  const credentials = options.anonymous
    ? {}
    : (options.credentials ?? (await requestCredentials()));
  const cookie = credentialsCookieHeader(credentials);
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(cookie && { cookie }),
        ...(credentials.csrf && { [CSRF_HEADER]: credentials.csrf }),
        ...(options.forwardedFor && { [FORWARDED_FOR]: options.forwardedFor }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      cache: 'no-store',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `The Palisade API could not be reached (${reason}).`, fields: [] };
  }
  if (response.status === 401 && !options.anonymous && options.redirectOn401 !== false) {
    redirect(loginHref(await requestPath()));
  }
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: the status says enough.
  }
  if (response.ok) {
    return {
      ok: true,
      status: response.status,
      body: parsed,
      setCookies: response.headers.getSetCookie(),
    };
  }
  const error = errorOf(parsed, response);
  if (response.status === 403 && !options.anonymous) {
    return {
      ...error,
      message:
        error.code === 'csrf-failed'
          ? 'Your session’s security check failed (the page may be older than your sign-in): reload the page and try again.'
          : forbiddenMessage(await roleOf(baseUrl, credentials), error.message),
    };
  }
  return error;
}

/** "Your role (viewer) cannot do this: …", the API's own words after it. */
export function forbiddenMessage(role: string | null, apiMessage: string): string {
  return `Your role${role ? ` (${role})` : ''} cannot do this: ${apiMessage.replace(/\.$/, '')}. Ask an administrator for a role that can.`;
}

type Failure = Extract<WriteResult, { ok: false }>;

/**
 * The API's error is `{ error: { code, message, fields?: [{ field, message }], ... } }`; a 429
 * says when to try again in Retry-After and in the error's `retryAfterSeconds` (the API spreads
 * an error's details into it; a `details` object is read too).
 */
function errorOf(body: unknown, response: Response): Failure {
  const error =
    typeof body === 'object' && body !== null && 'error' in body
      ? ((body as { error: unknown }).error as {
          code?: unknown;
          message?: unknown;
          fields?: unknown;
          retryAfterSeconds?: unknown;
          details?: { retryAfterSeconds?: unknown };
        })
      : undefined;
  const message =
    typeof error?.message === 'string'
      ? error.message
      : `HTTP ${response.status} ${response.statusText}`;
  const fields = Array.isArray(error?.fields)
    ? (error.fields as unknown[]).flatMap((f) =>
        typeof f === 'object' &&
        f !== null &&
        typeof (f as FieldError).field === 'string' &&
        typeof (f as FieldError).message === 'string'
          ? [{ field: (f as FieldError).field, message: (f as FieldError).message }]
          : [],
      )
    : [];
  const retryAfter = retryAfterOf(
    error?.retryAfterSeconds ?? error?.details?.retryAfterSeconds,
    response,
  );
  return {
    ok: false,
    message,
    fields,
    status: response.status,
    ...(typeof error?.code === 'string' && { code: error.code }),
    ...(retryAfter !== undefined && { retryAfterSeconds: retryAfter }),
  };
}

function retryAfterOf(fromDetails: unknown, response: Response): number | undefined {
  if (typeof fromDetails === 'number' && Number.isFinite(fromDetails) && fromDetails >= 0) {
    return Math.ceil(fromDetails);
  }
  const header = response.headers.get('retry-after');
  if (header && /^\d+$/.test(header.trim())) return Number(header.trim());
  if (header) {
    const at = Date.parse(header);
    if (!Number.isNaN(at)) return Math.max(0, Math.ceil((at - Date.now()) / 1000));
  }
  return undefined;
}
