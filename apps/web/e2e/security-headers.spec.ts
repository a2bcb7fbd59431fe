import type { Page } from 'playwright-core';
import { waitFor } from './support/processes';
import { dashboardForThisFile, expectText } from './support/session';

/**
 * The dashboard's security headers in a real browser: every page carries the CSP and may not be
 * framed, the report view may be framed by the dashboard only and runs no script, and the CSP
 * breaks nothing: hydration, charts, live socket.io over a WebSocket, the report frame and the
 * API's Swagger UI load without a single violation.
 */

const dashboard = dashboardForThisFile();
const web = () => dashboard.web.url;

/** The CSP violations Chromium reports on the console, in the page and its frames. */
function collectViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

async function createReport(): Promise<string> {
  const res = await dashboard.session.apiFetch('/api/reports', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const directives = (csp: string | null) => (csp ?? '').split(';').map((d) => d.trim());

it('answers every page with a same-origin script policy, no framing, nosniff, no referrer to other sites and no X-Powered-By', async () => {
  for (const path of ['/', `/clusters/${dashboard.clusterId}`, '/reports', '/no-such-page']) {
    const res = await dashboard.session.webFetch(path);
    const csp = directives(res.headers.get('content-security-policy'));
    expect({ path, csp }).toEqual({
      path,
      csp: expect.arrayContaining([
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "connect-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
      ]),
    });
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('permissions-policy')).toContain('camera=()');
    expect(res.headers.get('x-powered-by')).toBeNull();
  }
});

it('lets only the dashboard frame a report view, with the view route’s own script-free policy alone', async () => {
  const id = await createReport();
  const res = await dashboard.session.webFetch(`/reports/${id}/view`);
  expect(res.status).toBe(200);
  // One policy: the pages' policy (frame-ancestors 'none') would forbid the frame if it were added.
  expect(directives(res.headers.get('content-security-policy'))).toEqual([
    'sandbox',
    "default-src 'none'",
    'img-src data:',
    "style-src 'unsafe-inline'",
    'font-src data:',
    "frame-ancestors 'self'",
  ]);
  expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
});

it('keeps the API’s own policy on /api through the proxy', async () => {
  const res = await dashboard.session.webFetch('/api/clusters');
  expect(res.headers.get('content-security-policy')).toBe(
    "default-src 'none';frame-ancestors 'none'",
  );
});

it('runs the overview with live updates over a WebSocket without a CSP violation', async () => {
  const page = await dashboard.newPage();
  const violations = collectViolations(page);
  const sockets: string[] = [];
  page.on('websocket', (socket) => sockets.push(socket.url()));
  await page.goto(`${web()}/clusters/${dashboard.clusterId}`);
  await expectText(page.locator('[data-connection]'), 'Live');
  await page.locator('.recharts-surface').first().waitFor();
  // socket.io upgraded from polling to a WebSocket: connect-src lets it through.
  await waitFor('a socket.io WebSocket', async () =>
    sockets.some((url) => /^ws:\/\/127\.0\.0\.1:\d+\/socket\.io\//.test(url)) ? true : undefined,
  );
  // Some live events of the demo story arrive and are rendered.
  await page.waitForTimeout(3_000);
  expect(violations).toEqual([]);
  await page.close();
});

it('draws a workload’s score chart without a CSP violation', async () => {
  const page = await dashboard.newPage();
  const violations = collectViolations(page);
  await page.goto(`${web()}/clusters/${dashboard.clusterId}/workloads/payments/Deployment/api`);
  await page.locator('[data-testid="score-history"] .recharts-surface:visible').waitFor();
  // Hydrated: a client-side navigation works.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Reports' })
    .click();
  await page.waitForURL('**/reports');
  expect(violations).toEqual([]);
  await page.close();
});

it('shows a report in its frame without a CSP violation', async () => {
  const id = await createReport();
  const page = await dashboard.newPage();
  const violations = collectViolations(page);
  await page.goto(`${web()}/reports/${id}`);
  const heading = page.frameLocator('iframe').locator('h1').first();
  await heading.waitFor();
  expect(((await heading.textContent()) ?? '').length).toBeGreaterThan(0);
  expect(violations).toEqual([]);
  await page.close();
});

it('serves the API’s Swagger UI through the dashboard without a CSP violation', async () => {
  const page = await dashboard.newPage();
  const violations = collectViolations(page);
  await page.goto(`${web()}/api/docs`);
  await expectText(page.locator('.swagger-ui .info .title').first(), 'Palisade API 0.1.0 OAS 3.0');
  await page.locator('.opblock').first().waitFor();
  expect(violations).toEqual([]);
  await page.close();
});
