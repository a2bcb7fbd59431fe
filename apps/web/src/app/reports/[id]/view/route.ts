import { webConfig } from '../../../../config/web-config';

/**
 * A report's HTML, shown inline. The API answers every download as an attachment (a browser
 * would save it, not show it in a frame), so the dashboard re-serves the HTML inline, with a CSP
 * that forbids scripts and every fetch, on top of the frame's own sandbox. Only the dashboard
 * itself may frame it (next.config.ts leaves this route's CSP to it).
 */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await params;
  const url = `${webConfig().api.baseUrl}/api/reports/${encodeURIComponent(id)}/download?format=html`;
  let upstream: Response;
  try {
    upstream = await fetch(url, { cache: 'no-store', signal: AbortSignal.timeout(30_000) });
  } catch {
    return new Response('The Palisade API could not be reached.', {
      status: 502,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
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
