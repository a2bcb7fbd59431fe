import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { visible, withoutJavaScript } from './support/browser';
import { waitFor } from './support/processes';
import {
  type DashboardSession,
  expectNoApiError,
  expectText,
  saveScreenshot,
  startDashboard,
} from './support/session';

/**
 * The alerting and report pages against the built API: a webhook channel is added through the
 * forms and tested against a real receiver in this process, a rule and an exception are added,
 * the test notification shows in the delivery log, and a fleet report is generated and opened.
 */

const SECRET = 'e2e-webhook-secret-7f3a9c';
const CHANNEL = 'ops webhook';
const RULE = 'new workloads without a policy';

interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

let session: DashboardSession | undefined;
let receiver: HttpServer | undefined;
let receiverUrl: string;
const received: Received[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => receiver!.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  session = await startDashboard();
}, 120_000);

afterAll(async () => {
  await session?.close();
  await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve(undefined)));
}, 60_000);

const web = () => session!.web.url;

/** The page's HTML as the server sends it (no browser state in between). */
async function html(path: string): Promise<string> {
  const response = await session!.webFetch(path);
  expect(response.status).toBe(200);
  return response.text();
}

it('adds a webhook channel, sends a signed test to it, and never shows its secret', async () => {
  const page = await session!.newPage();
  await page.goto(`${web()}/alerts/channels`);
  expect(
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Alerts' })
      .getAttribute('aria-current'),
  ).toBe('page');
  await page
    .getByText(/No channels yet: add a webhook, Slack, Teams, Alertmanager or email/)
    .waitFor();
  await page.getByLabel('Name', { exact: true }).fill(CHANNEL);
  await page.getByLabel('Type').selectOption('webhook');
  await page.getByLabel('Webhook URL', { exact: true }).fill(receiverUrl);
  await page.getByLabel('Signing secret').fill(SECRET);
  // Only the chosen type's fields are shown once the page runs its JavaScript.
  await page.getByLabel('Slack incoming webhook URL').waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: 'Add channel' }).click();

  const row = visible(page, `tr[data-channel="${CHANNEL}"]`);
  await row.waitFor();
  expect(await row.textContent()).toContain('127.0.0.1');
  expect(await row.locator('td').nth(2).textContent()).toBe('Set');
  expect(await page.content()).not.toContain(SECRET);

  await row.getByRole('button', { name: `Send a test to ${CHANNEL}` }).click();
  const result = row.locator('[data-test-result]');
  await result.waitFor();
  expect(await result.getAttribute('data-test-result')).toBe('ok');
  expect(await result.textContent()).toMatch(/^Sent: HTTP 200 in \d+ ms$/);

  // The receiver got exactly one POST, signed with the channel's secret.
  expect(received).toHaveLength(1);
  const [request] = received;
  expect(request!.method).toBe('POST');
  expect(request!.url).toBe('/hook');
  const expected = `sha256=${createHmac('sha256', SECRET).update(request!.body).digest('hex')}`;
  expect(request!.headers['x-palisade-signature']).toBe(expected);
  expect(JSON.parse(request!.body)).toMatchObject({ status: 'firing' });

  // Neither the list nor the edit form sends the secret to the browser.
  const channels = (await (await session!.apiFetch('/api/channels')).json()) as {
    items: { id: string; name: string }[];
  };
  const channelId = channels.items.find((c) => c.name === CHANNEL)!.id;
  expect(await html('/alerts/channels')).not.toContain(SECRET);
  const editForm = await html(`/alerts/channels?edit=${channelId}`);
  expect(editForm).toContain(`Edit channel ${CHANNEL}`);
  expect(editForm).toContain('A secret is set. Leave empty to keep it');
  expect(editForm).not.toContain(SECRET);
  expect(editForm).not.toContain(receiverUrl);

  await expectNoApiError(page);
  await saveScreenshot(page, 'alerts-channels');
  await page.close();
}, 60_000);

it('shows the API’s validation error beside the rule form, keeping the input, then adds the rule', async () => {
  const page = await session!.newPage();
  await page.goto(`${web()}/alerts/rules`);
  await page.getByLabel('Name', { exact: true }).fill(RULE);
  await page.getByLabel('Namespace', { exact: true }).fill('shop');
  await page.getByLabel('Workload labels').fill('team=shop');
  await page.getByLabel(CHANNEL).check();
  // No kind ticked: the API refuses the rule.
  await page.getByRole('button', { name: 'Add rule' }).click();
  const error = visible(page, '#rule-form-error');
  await error.waitFor();
  expect(await error.textContent()).toMatch(/kinds/);
  const kinds = page.getByRole('group', { name: 'Alert when' });
  expect(await kinds.getAttribute('aria-describedby')).toBe('rule-kinds-error');
  expect(await visible(page, '#rule-kinds-error').count()).toBe(1);
  expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe(RULE);
  expect(await page.getByLabel('Workload labels').inputValue()).toBe('team=shop');
  expect(await page.getByLabel(CHANNEL).isChecked()).toBe(true);

  await page.getByLabel('Workload added without a policy', { exact: true }).check();
  await page.getByLabel('Severity').selectOption('critical');
  await page.getByRole('button', { name: 'Add rule' }).click();
  const row = visible(page, `tr[data-rule="${RULE}"]`);
  await row.waitFor();
  const text = (await row.textContent()) ?? '';
  expect(text).toContain('Workload added without a policy');
  expect(text).toContain(CHANNEL);
  expect(text).toContain('Critical');
  expect(text).toContain('namespace shop');
  expect(text).toContain('Enabled');

  const rules = (await (await session!.apiFetch('/api/alert-rules')).json()) as {
    items: { name: string; kinds: string[]; matchLabels: unknown; severity: string }[];
  };
  expect(rules.items.find((r) => r.name === RULE)).toMatchObject({
    kinds: ['WORKLOAD_ADDED_UNPROTECTED'],
    matchLabels: { team: 'shop' },
    severity: 'critical',
  });

  // Disabling keeps the rest of the rule.
  await row.getByRole('button', { name: `Disable ${RULE}` }).click();
  await expectText(visible(page, `tr[data-rule="${RULE}"] td:nth-of-type(5)`), 'Disabled');
  await visible(page, `tr[data-rule="${RULE}"]`)
    .getByRole('button', { name: `Enable ${RULE}` })
    .click();
  await expectText(visible(page, `tr[data-rule="${RULE}"] td:nth-of-type(5)`), 'Enabled');
  await saveScreenshot(page, 'alerts-rules');
  await page.close();
}, 60_000);

it('adds an exception prefilled from the URL and lists it as active', async () => {
  const page = await session!.newPage();
  await page.goto(
    `${web()}/alerts/exceptions?new=shop/Deployment/frontend&cluster=${session!.clusterId}`,
  );
  expect(await page.getByLabel('Namespace', { exact: true }).inputValue()).toBe('shop');
  expect(await page.getByLabel('Kind').inputValue()).toBe('Deployment');
  expect(await page.getByLabel('Workload name').inputValue()).toBe('frontend');
  expect(await page.getByLabel('Cluster').inputValue()).toBe(session!.clusterId);
  await page.getByLabel('Reason').fill('The public storefront');
  await page.getByLabel('Owner').fill('team-shop');
  const nextYear = `${new Date().getUTCFullYear() + 1}-06-30`;
  await page.getByLabel('Expires on').fill(nextYear);
  await page.getByRole('button', { name: 'Add exception' }).click();

  const active = page.getByRole('region', { name: 'Active exceptions' });
  const row = active.locator('tr[data-exception="shop/Deployment/frontend"]');
  await row.waitFor();
  expect(await row.getAttribute('data-active')).toBe('true');
  const text = (await row.textContent()) ?? '';
  expect(text).toContain('The public storefront');
  expect(text).toContain('team-shop');
  expect(text).toContain(`${nextYear.slice(0, 4)}-07-01 00:00 UTC`);
  await page.close();
}, 60_000);

it('lists the test notification as delivered in the delivery log, with its attempt', async () => {
  const page = await session!.newPage();
  await page.goto(`${web()}/alerts/deliveries?status=delivered`);
  const row = visible(page, 'tr[data-transition="test"]').first();
  await row.waitFor();
  expect(await row.getAttribute('data-status')).toBe('delivered');
  expect(await row.textContent()).toContain(CHANNEL);
  expect(await row.textContent()).toContain('Delivered');
  await page.getByText('Attempt log (1)').first().click();
  await page
    .getByText(/Attempt 1 at .*: delivered, HTTP 200/)
    .first()
    .waitFor();

  // The filter lives in the URL: "failed" shows none of it.
  await page.getByLabel('Status').selectOption('failed');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL('**/alerts/deliveries?status=failed');
  await waitFor('the filtered log', async () =>
    (await visible(page, 'tr[data-transition="test"]').count()) === 0 ? true : undefined,
  );
  await page.goto(`${web()}/alerts/deliveries`);
  await visible(page, 'tr[data-transition="test"]').first().waitFor();
  await saveScreenshot(page, 'alerts-deliveries');
  await page.close();
}, 60_000);

it('generates a fleet report, shows it inline and offers every format', async () => {
  const page = await session!.newPage();
  await page.goto(`${web()}/reports`);
  expect(
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Reports' })
      .getAttribute('aria-current'),
  ).toBe('page');
  await page.getByLabel('Scope').selectOption('fleet');
  await page.getByRole('button', { name: 'Generate report' }).click();
  await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/, { timeout: 60_000 });
  const id = new URL(page.url()).pathname.split('/').pop()!;

  const frame = page.locator('iframe');
  expect(await frame.getAttribute('sandbox')).toBe('');
  expect(await frame.getAttribute('src')).toBe(`/reports/${id}/view`);
  // The report itself is rendered in the frame (not downloaded).
  const heading = page.frameLocator('iframe').locator('h1').first();
  await heading.waitFor();
  expect(((await heading.textContent()) ?? '').length).toBeGreaterThan(0);

  const links = page.locator('a[data-format]');
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs).toEqual(
    ['html', 'pdf', 'csv', 'json', 'policyreport'].map(
      (f) => `/api/reports/${id}/download?format=${f}`,
    ),
  );
  const pdf = await session!.webFetch(`/api/reports/${id}/download?format=pdf`);
  expect(pdf.status).toBe(200);
  expect(
    Buffer.from(await pdf.arrayBuffer())
      .subarray(0, 4)
      .toString('latin1'),
  ).toBe('%PDF');

  await page.getByRole('link', { name: 'All reports' }).click();
  await page.waitForURL('**/reports');
  const listed = visible(page, `tr[data-report="${id}"]`);
  await listed.waitFor();
  expect(await listed.textContent()).toContain('Fleet (every cluster)');
  expect(await listed.textContent()).toContain('Ready');
  await page.goto(`${web()}/reports/${id}`);
  await page.frameLocator('iframe').locator('h1').first().waitFor();
  await saveScreenshot(page, 'reports');
  await page.close();
}, 120_000);

it('works without JavaScript: every channel type’s fields are shown, and a form still saves', async () => {
  const page = await session!.newPage();
  await withoutJavaScript(page);
  await page.goto(`${web()}/alerts/channels`);
  // The form may stream in after the skeleton (inline scripts still run); then every type shows.
  await page.getByRole('button', { name: 'Add channel' }).waitFor();
  expect(await page.getByLabel('Slack incoming webhook URL').isVisible()).toBe(true);
  expect(await page.getByLabel('SMTP host').isVisible()).toBe(true);

  await page.goto(`${web()}/alerts/exceptions?new=shop/Deployment/mailer`);
  await page.getByLabel('Reason').fill('Sends mail to the world');
  await page.getByLabel('Owner').fill('team-mail');
  await page.getByRole('button', { name: 'Add exception' }).click();
  await page.waitForLoadState('load');
  await page
    .getByRole('region', { name: 'Active exceptions' })
    .locator('tr[data-exception="shop/Deployment/mailer"]')
    .waitFor();
  await page.close();
}, 60_000);
