import type { NextConfig } from 'next';
import { PHASE_DEVELOPMENT_SERVER } from 'next/constants';
import path from 'node:path';

/** The Nx workspace root: the app imports libs/api-contract and the font from node_modules there. */
const workspaceRoot = path.resolve(__dirname, '../..');

/**
 * The dashboard's Content-Security-Policy.
 *
 * script-src: Next's App Router streams the page's data in inline <script> tags. They pass a CSP
 * either with a per-request nonce or with 'unsafe-inline'. A nonce means setting the CSP in
 * src/proxy.ts, and it makes every page render per request (a static page cannot carry a fresh
 * nonce); the dashboard renders no HTML of its own users' making (React escapes text, report
 * HTML stays in a sandboxed frame on its own route), so 'unsafe-inline' is the simpler choice
 * and the policy still does what matters here: scripts come from this origin only (no third
 * party, no other host), nothing is fetched elsewhere, the page is never framed. In development
 * React also needs 'unsafe-eval' (its dev build rebuilds call stacks with eval).
 * style-src: recharts and server-rendered style attributes need 'unsafe-inline'; next/font is
 * self-hosted ('self'). connect-src 'self' covers same-origin ws:/wss: (CSP level 3), which is
 * where socket.io goes through src/proxy.ts. frame-src 'self': the report view's iframe.
 */
function contentSecurityPolicy(dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Sent with every page; the CSP and X-Frame-Options go to every page but the report view. */
const common = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // Not no-referrer: under it a browser sends `Origin: null` with a form post, and Next refuses
  // a server action whose Origin is not the dashboard's (forms without JavaScript would fail).
  // same-origin: no referrer to any other site.
  { key: 'Referrer-Policy', value: 'same-origin' },
  // Powerful features the dashboard never uses, denied to it and to anything it frames.
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  },
];

/**
 * Not /api and /socket.io (src/proxy.ts passes the API's own headers through: Swagger UI needs
 * its own policy) and not the report view, whose route sets a script-free CSP with
 * frame-ancestors 'self' so that the reports page can frame it.
 */
const PAGES = '/:path((?!api(?:/|$)|socket\\.io(?:/|$)|reports/[^/]+/view$).*)';
const REPORT_VIEW = '/reports/:id/view';

export default function config(phase: string): NextConfig {
  return {
    reactStrictMode: true,
    poweredByHeader: false,
    // The production image runs Next's standalone server with only the files it traces
    // (tools/scripts/runtime-layout.mjs); `npm start` and the tests use `next start`.
    ...(process.env['PALISADE_STANDALONE'] === '1' ? { output: 'standalone' as const } : {}),
    turbopack: { root: workspaceRoot },
    outputFileTracingRoot: workspaceRoot,
    // Next would answer socket.io's `/socket.io/?EIO=4...` with a 308 to `/socket.io?...`, which
    // breaks it; src/proxy.ts makes the redirect for every other path instead.
    skipTrailingSlashRedirect: true,
    async headers() {
      return [
        {
          source: PAGES,
          headers: [
            ...common,
            {
              key: 'Content-Security-Policy',
              value: contentSecurityPolicy(phase === PHASE_DEVELOPMENT_SERVER),
            },
            { key: 'X-Frame-Options', value: 'DENY' },
          ],
        },
        {
          source: REPORT_VIEW,
          headers: [...common, { key: 'X-Frame-Options', value: 'SAMEORIGIN' }],
        },
      ];
    },
  };
}
