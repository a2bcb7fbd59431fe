// Server side only: imported by the server actions, never by a client component.
import { webConfig } from '../config/web-config';
import type { FieldError } from './form-bodies';

/** A write to the API, server side (from a server action); never throws. */
export type WriteResult =
  | { readonly ok: true; readonly status: number; readonly body: unknown }
  | { readonly ok: false; readonly message: string; readonly fields: readonly FieldError[] };

const TIMEOUT_MS = 30_000;

export async function sendJson(
  method: 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<WriteResult> {
  const url = `${webConfig().api.baseUrl}${path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      cache: 'no-store',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `The Palisade API could not be reached (${reason}).`, fields: [] };
  }
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: the status says enough.
  }
  if (response.ok) return { ok: true, status: response.status, body: parsed };
  return { ok: false, ...errorOf(parsed, response) };
}

/** The API's 400 is `{ error: { code, message, fields?: [{ field, message }] } }`. */
function errorOf(body: unknown, response: Response): { message: string; fields: FieldError[] } {
  const error =
    typeof body === 'object' && body !== null && 'error' in body
      ? ((body as { error: unknown }).error as { message?: unknown; fields?: unknown })
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
  return { message, fields };
}
