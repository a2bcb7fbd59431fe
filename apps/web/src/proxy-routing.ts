/**
 * What the proxy (src/proxy.ts) does with a request. Kept apart from Next so it can be tested
 * as plain data in, plain data out.
 */
export type ProxyDecision =
  /** Forward to the Palisade API: the browser sees one origin, so no CORS. */
  | { readonly kind: 'api'; readonly url: string }
  /** `/page/` -> `/page`, the redirect Next itself makes when it is not told to skip it. */
  | { readonly kind: 'redirect'; readonly pathname: string }
  | { readonly kind: 'next' };

/** Paths the API serves: its REST endpoints and docs, and socket.io (polling and WebSocket). */
const apiPrefixes = ['/api', '/socket.io'];

export function decide(pathname: string, search: string, apiBaseUrl: string): ProxyDecision {
  if (apiPrefixes.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`))) {
    return { kind: 'api', url: `${apiBaseUrl}${pathname}${search}` };
  }
  if (pathname.length > 1 && pathname.endsWith('/')) {
    return { kind: 'redirect', pathname: pathname.replace(/\/+$/, '') || '/' };
  }
  return { kind: 'next' };
}
