import type { IncomingMessage } from 'node:http';

/**
 * Whether a socket.io handshake may proceed, by its Origin: browsers always send one, so a page
 * of another site cannot open the live feed with the user's cookie (cross-site WebSocket
 * hijacking). Allowed: the dashboard's own address (PALISADE_PUBLIC_URL), CORS_ORIGINS, and the
 * host the request was made to (same origin, directly or through the dashboard's proxy).
 * No Origin: not a browser (scripts with an API token), which authentication handles.
 */
export function handshakeOriginAllowed(request: Pick<IncomingMessage, 'headers'>, allowed: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  const hosts = [request.headers.host, firstOf(request.headers['x-forwarded-host'])].filter((h): h is string => typeof h === 'string' && h.length > 0);
  try {
    return hosts.includes(new URL(origin).host);
  } catch {
    return false;
  }
}

function firstOf(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text?.split(',')[0]?.trim();
}
