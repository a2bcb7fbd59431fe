import { SESSION_COOKIE } from '@palisade/api-contract';
import { NextResponse, type NextRequest } from 'next/server';
import { webConfig } from './config/web-config';
import { decide, PATH_HEADER } from './proxy-routing';

/**
 * Proxies /api/* and /socket.io/* to the API (with the browser's cookies: the API decides who
 * may), sends page requests without a session to /login, and tells the pages their own address.
 * `rewrites` in next.config would be frozen into the build (routes-manifest.json) with the
 * API_URL of build time; this reads API_URL when the server runs. WebSocket upgrades go through
 * it too.
 */
export function proxy(request: NextRequest) {
  const decision = decide(
    {
      pathname: request.nextUrl.pathname,
      search: request.nextUrl.search,
      hasSession: Boolean(request.cookies.get(SESSION_COOKIE)?.value),
    },
    webConfig().api.baseUrl,
  );
  switch (decision.kind) {
    case 'api':
      return NextResponse.rewrite(new URL(decision.url));
    case 'redirect': {
      // A plain URL: a clone of nextUrl remembers the trailing slash and would put it back.
      const url = new URL(request.url);
      url.pathname = decision.pathname;
      return NextResponse.redirect(url, 308);
    }
    case 'sign-in':
      // A form posted without a session must not be posted again to the sign-in page: 303.
      return NextResponse.redirect(
        new URL(decision.location, request.url),
        request.method === 'GET' || request.method === 'HEAD' ? 307 : 303,
      );
    case 'next': {
      const headers = new Headers(request.headers);
      headers.set(PATH_HEADER, decision.path);
      return NextResponse.next({ request: { headers } });
    }
  }
}

export const config = {
  // Everything but Next's own assets: the trailing-slash redirect is done here (see next.config.ts).
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
