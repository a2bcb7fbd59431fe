import { NextResponse, type NextRequest } from 'next/server';
import { webConfig } from './config/web-config';
import { decide } from './proxy-routing';

/**
 * Proxies /api/* and /socket.io/* to the API. `rewrites` in next.config would be frozen into
 * the build (routes-manifest.json) with the API_URL of build time; this reads API_URL when
 * the server runs. WebSocket upgrades go through it too.
 */
export function proxy(request: NextRequest) {
  const decision = decide(
    request.nextUrl.pathname,
    request.nextUrl.search,
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
    case 'next':
      return NextResponse.next();
  }
}

export const config = {
  // Everything but Next's own assets: the trailing-slash redirect is done here (see next.config.ts).
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
