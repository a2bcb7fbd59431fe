import type { Page } from 'playwright-core';
import {
  expectNoApiError,
  expectText,
  saveScreenshot,
  dashboardForThisFile,
} from './support/session';

/**
 * A workload's detail page against the demo cluster: payments has a default deny both ways,
 * so analytics cannot reach payments/ledger, while payments/api, which its policies name, can.
 */

const COLLECTOR = 'analytics/Deployment/events-collector';
const PAYMENTS_API = 'payments/Deployment/api';

const dashboard = dashboardForThisFile();
const newPage = () => dashboard.newPage();
const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`);

/** Opens payments/ledger from the workloads table, the way a user would. */
async function openLedger(page: Page): Promise<string> {
  await page.goto(
    `${dashboard.web.url}/clusters/${dashboard.clusterId}/workloads?namespace=payments`,
  );
  const row = visible(page, 'tbody tr[data-workload^="payments/"][data-workload$="/ledger"]');
  const key = (await row.getAttribute('data-workload')) ?? '';
  await row.getByRole('link', { name: 'ledger', exact: true }).click();
  await page.waitForURL(`**/clusters/${dashboard.clusterId}/workloads/${key}`);
  await page.getByRole('heading', { level: 2, name: 'payments/ledger' }).waitFor();
  return key;
}

async function explain(
  page: Page,
  peer: string,
  direction: 'in' | 'out',
  port: string,
): Promise<void> {
  const form = page.getByRole('form', { name: 'Explain a connection' });
  await form.getByLabel('Peer', { exact: true }).fill(peer);
  await form.locator(`input[name="direction"][value="${direction}"]`).check();
  await form.getByLabel('Port', { exact: true }).fill(port);
  await form.getByRole('button', { name: 'Explain' }).click();
  await page.waitForURL(
    (url) => url.searchParams.get('peer') === peer && url.searchParams.get('port') === port,
  );
  await page.locator('[data-explain]:visible').waitFor();
}

it('shows a workload opened from the table: its findings, pods, policies with YAML, peers, history and changes', async () => {
  const page = await newPage();
  const key = await openLedger(page);
  expect(key).toMatch(/^payments\/\w+\/ledger$/);

  // payments denies both ways by default: ledger is isolated in both directions.
  await expectText(visible(page, '[data-figure="ingress"] dd'), 'Isolated');
  await expectText(visible(page, '[data-figure="egress"] dd'), 'Isolated');
  expect(await visible(page, '[data-figure="score"] dd').textContent()).toMatch(
    /^\d+(\.\d+)? \/ 100$/,
  );

  const pods = visible(page, '[data-testid="pods-table"] tbody tr');
  expect(await pods.count()).toBeGreaterThan(0);
  expect(await pods.first().locator('th').textContent()).toMatch(/^ledger-/);
  expect(await pods.first().textContent()).toContain('5432/TCP (postgres)');

  // The policies selecting it, each with its YAML folded away until asked for.
  const defaultDeny = visible(page, '[data-policy="payments/default-deny"]');
  const yaml = defaultDeny.locator('pre code');
  expect(await yaml.isVisible()).toBe(false);
  await defaultDeny.locator('summary').click();
  expect(await yaml.isVisible()).toBe(true);
  expect(await yaml.textContent()).toMatch(/policyTypes/);
  expect(await defaultDeny.locator('summary').textContent()).toContain('NetworkPolicy');
  expect(await defaultDeny.getByRole('link').getAttribute('href')).toBe(
    `/clusters/${dashboard.clusterId}/policies?namespace=payments`,
  );
  expect(await visible(page, '[data-policy="payments/allow-ledger-from-api"]').count()).toBe(1);

  // Only payments/api may reach the ledger; each peer links to its own page.
  const reachers = visible(page, '[data-peers="in"] li[data-peer]');
  const names = await reachers.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-peer')));
  expect(names).toContain('payments/Deployment/api');
  expect(names.some((name) => name?.startsWith('analytics/'))).toBe(false);
  expect(
    await reachers.getByRole('link', { name: 'payments/api', exact: true }).getAttribute('href'),
  ).toBe(`/clusters/${dashboard.clusterId}/workloads/payments/Deployment/api`);

  // The score history, drawn, with its text alternative, over a range kept in the URL.
  await visible(page, '[data-testid="score-history"] .recharts-surface').waitFor();
  await page.getByRole('img', { name: /^Workload score over the last week: / }).waitFor();
  await page
    .getByRole('navigation', { name: 'History range' })
    .getByRole('link', { name: 'Month' })
    .click();
  await page.waitForURL('**?range=month');
  await page.getByRole('img', { name: /^Workload score over the last month: / }).waitFor();

  const changes = page.getByRole('region', { name: 'Changes' });
  expect(await changes.textContent()).toMatch(
    /Workload|Policy|No change recorded for this workload yet/,
  );
  await expectNoApiError(page);
  await page.close();
}, 60_000);

it('shows the doors from the internet: the shop frontend published through ingress-nginx, filtered from the table', async () => {
  const page = await newPage();
  await page.goto(`${dashboard.web.url}/clusters/${dashboard.clusterId}/workloads?exposure=published`);
  const frontend = visible(page, 'tbody tr[data-workload="shop/Deployment/frontend"]');
  await frontend.waitFor();
  expect(await frontend.locator('[data-exposure="published"]').textContent()).toBe('Published');
  expect(await frontend.textContent()).toContain('Ingress shop/shop http://shop.example.com');
  const names = await visible(page, 'tbody tr[data-workload]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-workload')));
  expect(names).toContain('ingress-nginx/Deployment/ingress-nginx-controller');
  expect(names.some((name) => name?.startsWith('analytics/'))).toBe(false);

  await frontend.getByRole('link', { name: 'frontend', exact: true }).click();
  await page.waitForURL(`**/clusters/${dashboard.clusterId}/workloads/shop/Deployment/frontend`);
  const doors = page.getByRole('region', { name: 'Entry points from the internet' });
  await doors.waitFor();
  const rows = await doors
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => (cell.textContent ?? '').trim()).join(' | ')));
  expect(rows).toEqual([
    'Ingress shop/shop http://shop.example.com via ingress-nginx | 8080/TCP | Open',
    'Ingress shop/shop https://shop.example.com via ingress-nginx | 8080/TCP | Open',
  ]);
  await expectNoApiError(page);
  await saveScreenshot(page, 'workload-entry-points');
  await page.close();
}, 60_000);

it('explains why analytics cannot reach payments/ledger, and why payments/api can', async () => {
  const page = await newPage();
  await openLedger(page);
  // The port defaults to the workload's first container port.
  expect(await page.getByLabel('Port', { exact: true }).inputValue()).toBe('5432/TCP');
  // Peers are offered from the cluster's workloads.
  await page
    .locator(`datalist#explain-peers option[value="${COLLECTOR}"]`)
    .waitFor({ state: 'attached' });

  await explain(page, COLLECTOR, 'in', '5432/TCP');
  const verdict = visible(page, '[data-verdict]');
  await expectText(verdict.locator('span').first(), 'Denied');
  expect(await verdict.getAttribute('role')).toBe('status');
  expect(await verdict.getAttribute('data-verdict')).toBe('denied');
  // Ingress to the ledger decides: isolated by payments' policies, and none allows analytics.
  const ingress = visible(page, '[data-direction="ingress"]');
  expect(await ingress.textContent()).toContain('Denied');
  expect(await ingress.locator('[data-decided-by]').textContent()).toBe(
    'NetworkPolicy isolation: no rule allows it',
  );
  expect(
    await ingress.getByRole('link', { name: 'payments/default-deny' }).getAttribute('href'),
  ).toBe(`/clusters/${dashboard.clusterId}/policies/NetworkPolicy/payments/default-deny`);
  expect(await ingress.getByRole('link', { name: 'payments/allow-ledger-from-api' }).count()).toBe(
    1,
  );
  expect(await visible(page, '[data-testid="explain-lines"]').textContent()).toMatch(
    /^DENIED: analytics\/\S+ -> payments\/ledger-\S+ on 5432/,
  );

  // The question is the URL: a reload asks it again.
  await page.reload();
  await expectText(visible(page, '[data-verdict] span').first(), 'Denied');
  expect(await page.getByLabel('Peer', { exact: true }).inputValue()).toBe(COLLECTOR);

  // Allowed: payments/api may reach the ledger, by payments/allow-ledger-from-api.
  await explain(page, PAYMENTS_API, 'in', '5432');
  await expectText(visible(page, '[data-verdict] span').first(), 'Allowed');
  expect(await visible(page, '[data-verdict]').getAttribute('data-verdict')).toBe('allowed');
  const allowedBy = await visible(page, '[data-direction="ingress"] [data-rule]').evaluateAll(
    (lis) => lis.map((li) => li.textContent),
  );
  expect(allowedBy).toContain('payments/allow-ledger-from-api ingress[0] (Allow)');
  await expectNoApiError(page);

  // Back to the denied question for the picture.
  await explain(page, COLLECTOR, 'in', '5432/TCP');
  await expectText(visible(page, '[data-verdict] span').first(), 'Denied');
  await saveScreenshot(page, 'workload-detail');
  await page.close();
}, 60_000);

it('says what is wrong with a bad port or an unknown peer, without losing the page', async () => {
  const page = await newPage();
  await openLedger(page);
  await explain(page, COLLECTOR, 'in', '99999');
  const problem = visible(page, '[data-explain="problem"]');
  expect(await problem.getAttribute('role')).toBe('alert');
  expect(await problem.textContent()).toContain('"99999" is not a port');
  expect(await page.getByLabel('Port', { exact: true }).inputValue()).toBe('99999');

  await explain(page, 'analytics/Deployment/no-such-thing', 'in', '5432/TCP');
  await page
    .locator('[data-explain="problem"]:visible', {
      hasText: 'There is no workload analytics/Deployment/no-such-thing in this cluster',
    })
    .waitFor();
  // The rest of the page is still there.
  expect(await visible(page, '[data-testid="pods-table"] tbody tr').count()).toBeGreaterThan(0);
  await page.close();
}, 60_000);

it('answers an unknown workload with the not-found page', async () => {
  const page = await newPage();
  const response = await page.goto(
    `${dashboard.web.url}/clusters/${dashboard.clusterId}/workloads/shop/Deployment/no-such-workload`,
  );
  // The status is already sent (200) when the page finds out: loading.tsx streams first.
  expect(response).not.toBeNull();
  await page.getByRole('heading', { name: 'Workload not found' }).waitFor();
  expect(await page.getByRole('link', { name: 'Back to the workloads' }).getAttribute('href')).toBe(
    `/clusters/${dashboard.clusterId}/workloads`,
  );
  await page.close();
}, 60_000);

it("lists the workload's change events as the API records them", async () => {
  const page = await newPage();
  const key = await openLedger(page);
  const [namespace, kind, name] = key.split('/');
  const detail = (await (
    await dashboard.session.apiFetch(
      `/api/clusters/${dashboard.clusterId}/workloads/${namespace}/${kind}/${name}`,
    )
  ).json()) as { changes: { kind: string }[] };
  const shown = await visible(page, '[data-change]').evaluateAll((lis) =>
    lis.map((li) => li.getAttribute('data-change')),
  );
  expect(shown).toEqual(detail.changes.map((c) => c.kind));
  if (shown.length === 0) {
    // The demo stores a snapshot on change at most every 10 minutes: none yet in a test run.
    await page.getByText('No change recorded for this workload yet.').waitFor();
  }
  await page.close();
}, 60_000);
