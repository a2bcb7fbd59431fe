import type { Page } from 'playwright-core';
import { waitFor } from './support/processes';
import {
  expectNoApiError,
  expectText,
  markDocument,
  sameDocument,
  saveScreenshot,
  STORY_LOOP_MS,
  dashboardForThisFile,
} from './support/session';

/** The overview and the workloads table, live, against the demo cluster (see support/session). */

const REPORT_API = 'analytics/Deployment/report-api';

const dashboard = dashboardForThisFile();
const newPage = () => dashboard.newPage();

// Visible ones only: Next may keep the previous route's tree in the DOM, hidden, after a navigation.
const rows = (page: Page) => page.locator('tbody tr[data-workload]:visible');
const summary = (page: Page) => page.locator('[data-total]:visible');

it('opens a cluster from the home page and shows its score, isolation, trend and the formula', async () => {
  const page = await newPage();
  await page.goto(`${dashboard.web.url}/`);
  // The fleet: the demo cluster's card with its counts, trend and status, live.
  const card = page.getByRole('article', { name: 'demo', exact: true });
  expect(await card.locator('[data-card="unprotected"]').textContent()).toMatch(
    /^\d+ of \d+ workloads$/,
  );
  expect(await card.locator('[data-card="exposed"]').textContent()).toMatch(/^\d+ workloads$/);
  expect(await card.getByText('Connected').count()).toBe(1);
  expect(await page.locator('[data-fleet="unprotected"]').textContent()).toMatch(/^\d+$/);
  await expectText(page.locator('[data-connection]'), 'Live');
  await saveScreenshot(page, 'fleet');
  await page.getByRole('link', { name: 'demo', exact: true }).first().click();
  await page.waitForURL(`**/clusters/${dashboard.clusterId}`);

  await expectText(page.getByRole('heading', { level: 1 }), 'demo');
  const score = page.locator('[data-figure="score"] dd');
  await waitFor('a score', async () =>
    /^\d+(\.\d+)? \/ 100$/.test(((await score.textContent()) ?? '').trim()) ? true : undefined,
  );
  const ingress = (await page.locator('[data-figure="ingress"] dd').textContent()) ?? '';
  expect(ingress).toMatch(/^\d+(\.\d+)?%$/);
  expect(await page.locator('[data-figure="unprotected"] dd').textContent()).toMatch(/^\d+$/);
  // The live connection comes up through the dashboard's own origin.
  await expectText(page.locator('[data-connection]'), 'Live');
  // The trend chart is drawn, with a text alternative.
  await page.locator('.recharts-surface').first().waitFor();
  expect(await page.getByRole('img', { name: /Cluster score over the last week/ }).count()).toBe(1);
  await page.getByRole('link', { name: 'Month' }).click();
  await page.waitForURL('**?range=month');
  await page.getByRole('img', { name: /Cluster score over the last month/ }).waitFor();

  // Every region loaded: the namespaces and the latest changes, and no API error anywhere.
  await page
    .getByRole('region', { name: 'Most unprotected namespaces' })
    .getByRole('table')
    .waitFor();
  const changes = page.getByRole('region', { name: 'Latest changes' });
  await changes.locator('ol li, p').first().waitFor();
  expect(await changes.textContent()).toMatch(
    /Workload|Policy|Namespace|Cluster score|No changes recorded yet/,
  );
  await expectNoApiError(page);

  const formula = page.getByText(/score\s+= round\(100 x \(0\.7 x ingress \+ 0\.3 x egress\)\)/);
  expect(await formula.isVisible()).toBe(false);
  await page.getByText('How is the score computed?').click();
  expect(await formula.isVisible()).toBe(true);

  await saveScreenshot(page, 'overview');
  await page.close();
}, 60_000);

it('filters the workloads to unprotected ones, and the filter survives a reload', async () => {
  const page = await newPage();
  await page.goto(`${dashboard.web.url}/clusters/${dashboard.clusterId}/workloads`);
  const all = Number(await summary(page).getAttribute('data-total'));
  expect(all).toBeGreaterThan(5);

  await page.getByLabel('Ingress protection').selectOption({ label: 'Unprotected only' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL('**/workloads?unprotected=true');
  await expectOnlyUnprotectedRows(page, all);

  await page.reload();
  expect(new URL(page.url()).searchParams.get('unprotected')).toBe('true');
  expect(await page.getByLabel('Ingress protection').inputValue()).toBe('true');
  await expectOnlyUnprotectedRows(page, all);

  await expectText(page.locator('[data-connection]'), 'Live');
  await saveScreenshot(page, 'workloads');
  await page.close();
}, 60_000);

it('shows a workload deployed without a policy in the filtered table, without a reload', async () => {
  const page = await newPage();
  await page.goto(
    `${dashboard.web.url}/clusters/${dashboard.clusterId}/workloads?unprotected=true`,
  );
  await expectText(page.locator('[data-connection]'), 'Live');
  await markDocument(page);
  const reportApi = page.locator(`tbody tr[data-workload="${REPORT_API}"]:visible`);

  // Whatever the story's step now, report-api leaves the unprotected list (protected or
  // removed) and then comes back when the story deploys it again without a policy.
  await reportApi.waitFor({ state: 'detached', timeout: STORY_LOOP_MS });
  await reportApi.waitFor({ state: 'attached', timeout: STORY_LOOP_MS });

  expect(await reportApi.getAttribute('data-unprotected')).toBe('true');
  expect(await reportApi.locator('th').textContent()).toBe('report-api');
  expect(await sameDocument(page)).toBe(true);
  await page.close();
}, 60_000);

it('raises a notice when a workload becomes exposed, linking to it', async () => {
  const page = await newPage();
  await page.goto(`${dashboard.web.url}/clusters/${dashboard.clusterId}`);
  await expectText(page.locator('[data-connection]'), 'Live');
  await markDocument(page);

  // The story deletes shop's default-deny policy, exposing shop/mailer.
  const notice = page.locator('[data-notice="shop/Deployment/mailer"]');
  await notice.waitFor({ timeout: STORY_LOOP_MS });
  expect(await sameDocument(page)).toBe(true);
  expect(await notice.getAttribute('role')).toBe('alert');

  await notice.getByRole('link', { name: 'shop/mailer' }).click();
  // Straight to the workload's own page, which shows why it is exposed.
  await page.waitForURL('**/workloads/shop/Deployment/mailer');
  await page.getByRole('heading', { name: 'shop/mailer', level: 2 }).waitFor();
  await page.close();
}, 60_000);

it('shows a lost connection to the API and resumes by itself when the API is back', async () => {
  const page = await newPage();
  await page.goto(`${dashboard.web.url}/clusters/${dashboard.clusterId}/workloads`);
  const indicator = page.locator('[data-connection]');
  await expectText(indicator, 'Live');
  await markDocument(page);

  await dashboard.session.restartApi(() => expectText(indicator, 'Connection lost, reconnecting…'));
  await expectText(indicator, 'Live', 30_000);
  expect(await sameDocument(page)).toBe(true);
  // Live again: the table keeps following the cluster.
  await rows(page).first().waitFor();
  await page.close();
}, 90_000);

async function expectOnlyUnprotectedRows(page: Page, unfiltered: number): Promise<void> {
  // The demo may be between steps with no unprotected workload: wait for one.
  await rows(page).first().waitFor({ timeout: STORY_LOOP_MS });
  const total = Number(await summary(page).getAttribute('data-total'));
  expect(total).toBeGreaterThan(0);
  expect(total).toBeLessThan(unfiltered);
  const flags = await rows(page).evaluateAll((trs) =>
    trs.map((tr) => tr.getAttribute('data-unprotected')),
  );
  expect(flags.length).toBeGreaterThan(0);
  expect(flags.every((f) => f === 'true')).toBe(true);
}
