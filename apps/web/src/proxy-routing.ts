import { isAuthPage, loginHref } from './auth/return-to';

/**
 * What the proxy (src/proxy.ts) does with a request. Kept apart from Next so it can be tested
 * as plain data in, plain data out.
 */
export type ProxyDecision =
  /** Forward to the Palisade API: the browser sees one origin, so no CORS. The API decides who may. */
  | { readonly kind: 'api'; readonly url: string }
  /** `/page/` -> `/page`, the redirect Next itself makes when it is not told to skip it. */
  | { readonly kind: 'redirect'; readonly pathname: string }
  /** A page asked without a session: sign in first, then come back to it. */
  | { readonly kind: 'sign-in'; readonly location: string }
  /** Render the page; `path` (with its query) goes to the page in PATH_HEADER. */
  | { readonly kind: 'next'; readonly path: string };

/**
 * The page's own path and query, for the server components: a 401 from the API sends the
 * browser to sign in and back here. Set by the proxy on every page request (a value sent by the
 * browser is replaced).
 */
export const PATH_HEADER = 'x-palisade-path';

export interface ProxyRequest {
  readonly pathname: string;
  readonly search: string;
  /** Whether the browser sent the session cookie (whether it is still valid is the API's call). */
  readonly hasSession: boolean;
}

/** Paths the API serves: its REST endpoints and docs, and socket.io (polling and WebSocket). */
const apiPrefixes = ['/api', '/socket.io'];

/** Files any visitor may fetch (the matcher in proxy.ts already skips /_next/static and /_next/image). */
const publicFiles = new Set([
  '/favicon.ico',
  '/robots.txt',
  '/icon.svg',
  '/apple-icon.png',
  '/manifest.webmanifest',
]);

export function decide(request: ProxyRequest, apiBaseUrl: string): ProxyDecision {
  const { pathname, search, hasSession } = request;
  if (apiPrefixes.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`))) {
    return { kind: 'api', url: `${apiBaseUrl}${pathname}${search}` };
  }
  if (pathname.length > 1 && pathname.endsWith('/')) {
    return { kind: 'redirect', pathname: pathname.replace(/\/+$/, '') || '/' };
  }
  const path = `${pathname}${withoutRscMarker(search)}`;
  if (
    !hasSession &&
    !isAuthPage(pathname) &&
    !pathname.startsWith('/_next/') &&
    !publicFiles.has(pathname)
  ) {
    return { kind: 'sign-in', location: loginHref(path) };
  }
  return { kind: 'next', path };
}

/** Next's client-side navigations add `_rsc=<hash>`: not part of the page's address. */
function withoutRscMarker(search: string): string {
  if (!search.includes('_rsc')) return search;
  const params = new URLSearchParams(search);
  params.delete('_rsc');
  const rest = params.toString();
  return rest ? `?${rest}` : '';
}
