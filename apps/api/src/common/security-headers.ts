import type { RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

/** The Swagger UI and its assets (not /api/docs-json, which is JSON like every other answer). */
const isDocs = (path: string) => path === '/api/docs' || path.startsWith('/api/docs/');

/**
 * JSON answers are never rendered, framed or scripted: nothing may load from them. A browser that
 * opens one (or an error page) runs nothing.
 */
const API_CSP = { defaultSrc: ["'none'"], frameAncestors: ["'none'"] };

/**
 * @nestjs/swagger serves the UI from /api/docs/: its scripts (bundle, preset, init) and its
 * stylesheet are same-origin files; the page has inline <style> blocks and the stylesheet uses
 * data: images; "Try it out" calls the API itself.
 */
const DOCS_CSP = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * A downloaded HTML report is a static page with inline styles and data: images: sandboxed, no
 * script, nothing fetched, never framed (the dashboard re-serves it for its own frame).
 */
export const REPORT_CSP = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; frame-ancestors 'none'";

const options = (directives: Record<string, string[]>, hsts: boolean): HelmetOptions => ({
  contentSecurityPolicy: { useDefaults: false, directives },
  // Off by default: the API may be reached on plain HTTP, where HSTS is ignored at best and
  // pins the host to HTTPS at worst. This host only: its sibling hosts are not ours to pin.
  strictTransportSecurity: hsts ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  referrerPolicy: { policy: 'no-referrer' },
  crossOriginResourcePolicy: { policy: 'same-origin' },
  xFrameOptions: { action: 'deny' },
  // X-Content-Type-Options: nosniff, X-Download-Options, no X-Powered-By: helmet's defaults.
});

/** Helmet for the API: the strict policy for JSON, the one Swagger UI needs under /api/docs. */
export function securityHeaders(config: { readonly hsts: boolean }): RequestHandler {
  const api = helmet(options(API_CSP, config.hsts));
  const docs = helmet(options(DOCS_CSP, config.hsts));
  return (req, res, next) => (isDocs(req.path) ? docs : api)(req, res, next);
}
