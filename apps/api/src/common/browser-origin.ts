import type { IncomingMessage } from 'node:http';

/**
 * Whether a browser request comes from the dashboard's own pages, by its Origin: browsers
 * always send one on a WebSocket handshake and on a POST, so a page of another site cannot open
 * the live feed with the user's cookie (cross-site WebSocket hijacking) or sign the visitor in
 * to an account of its choosing (login CSRF). Allowed: the dashboard's own address (PALISADE_PUBLIC_URL), CORS_ORIGINS, and the
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

/**
 * Why a sign-in request is refused as cross-site, or undefined. `Sec-Fetch-Site: cross-site`
 * (every current browser sends it) or an Origin that is not the dashboard's: a hostile page
 * posting to the sign-in route. Requests without either are not from a browser page.
 */
export function crossSiteRefusal(request: Pick<IncomingMessage, 'headers'>, allowed: readonly string[]): string | undefined {
  const site = firstOf(request.headers['sec-fetch-site']);
  if (site === 'cross-site') return 'sign-in from another site\'s page is refused';
  if (!handshakeOriginAllowed(request, allowed)) return 'sign-in from another origin is refused (allow it with CORS_ORIGINS)';
  return undefined;
}
