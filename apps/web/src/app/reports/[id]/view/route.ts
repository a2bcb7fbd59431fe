import { credentialsCookieHeader } from '../../../../auth/api-cookies';
import { webConfig } from '../../../../config/web-config';
import { requestCredentials } from '../../../../data-access/request-context';

/**
 * A report's HTML, shown inline. The API answers every download as an attachment (a browser
 * would save it, not show it in a frame), so the dashboard re-serves the HTML inline, with a CSP
 * that forbids scripts and every fetch, on top of the frame's own sandbox. Only the dashboard
 * itself may frame it (next.config.ts leaves this route's CSP to it). The browser's session
 * cookie goes along: the API decides whether its user may read reports. A refusal is answered
 * as text in the frame (the frame cannot show the sign-in page: pages may not be framed).
 */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await params;
  const url = `${webConfig().api.baseUrl}/api/reports/${encodeURIComponent(id)}/download?format=html`;
  const cookie = credentialsCookieHeader(await requestCredentials());
  let upstream: Response;
  try {
    upstream = await fetch(url, {
      headers: cookie ? { cookie } : {},
      cache: 'no-store',
      signal: AbortSignal.timeout(30_000),
    });
  } catch {
    return new Response('The Palisade API could not be reached.', {
      status: 502,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  if (upstream.status === 401 || upstream.status === 403) {
    return new Response(
      upstream.status === 401
        ? 'Your session has ended: sign in again to see this report.'
        : 'Your role may not read this report.',
      { status: upstream.status, headers: { 'content-type': 'text/plain; charset=utf-8' } },
    );
  }
  if (!upstream.ok) {
    return new Response(`The Palisade API answered HTTP ${upstream.status}.`, {
      status: upstream.status === 404 ? 404 : 502,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  return new Response(await upstream.text(), {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy':
        "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; frame-ancestors 'self'",
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    },
  });
}
