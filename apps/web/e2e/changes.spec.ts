import type { Page } from 'playwright-core';
import { waitFor } from './support/processes';
import {
  expectNoApiError,
  expectText,
  saveScreenshot,
  STORY_LOOP_MS,
  dashboardForThisFile,
} from './support/session';

/** The Changes page: the timeline, its filters in the URL, live notices, and the snapshot diff. */

const MAILER = 'shop/Deployment/mailer';

const dashboard = dashboardForThisFile();
const newPage = () => dashboard.newPage();
// Visible ones only: Next may keep the previous route's tree in the DOM, hidden, after a navigation.
const events = (page: Page) => page.locator('li[data-kind]:visible');
const presets = (page: Page) => page.getByRole('navigation', { name: 'Kinds of change' });
const mailerExposed = (page: Page) =>
  page.locator(`li[data-kind="WORKLOAD_EXPOSED"][data-subject="${MAILER}"]:visible`);

/**
 * The session stores snapshots on change only rarely (SNAPSHOT_ON_CHANGE), so these tests take
 * them the way a user would, with POST /snapshots, to record the story's changes as it runs.
 */
function takeSnapshotsEvery(ms: number): () => Promise<void> {
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      await dashboard.session
        .apiFetch(`/api/clusters/${dashboard.clusterId}/snapshots`, { method: 'POST' })
        .catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, ms));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
  };
}

async function apiGet<T>(pathAndQuery: string): Promise<T> {
  const response = await dashboard.session.apiFetch(
    `/api/clusters/${dashboard.clusterId}${pathAndQuery}`,
  );
  return (await response.json()) as T;
}

it(
  'shows shop/mailer becoming exposed in the timeline, offered by the live notice without a jump',
  async () => {
    const page = await newPage();
    await page.goto(`${dashboard.web.url}/clusters/${dashboard.clusterId}/changes`);
    await expectText(page.getByRole('heading', { level: 2, name: 'Changes' }), 'Changes');
    await expectText(page.locator('[data-connection]'), 'Live');

    // The story deletes shop's default deny once a loop. The list does not move by itself: each
    // stored snapshot raises "N new changes", and "Show" brings them in.
    const stopSnapshots = takeSnapshotsEvery(1_500);
    await waitFor(
      'shop/mailer exposed in the timeline',
      async () => {
        if ((await mailerExposed(page).count()) > 0) return true;
        const show = page.getByRole('button', { name: 'Show', exact: true });
        if (await show.isVisible()) {
          expect(
            await page
              .getByRole('status')
              .filter({ hasText: /new changes?/ })
              .textContent(),
          ).toMatch(/^\d+ new changes?/);
          await show.click();
        }
        return undefined;
      },
      2 * STORY_LOOP_MS,
    ).finally(stopSnapshots);

    const entry = mailerExposed(page).first();
    // Marked in words, not by colour alone, and linked to the workload's page.
    expect((await entry.textContent()) ?? '').toContain('Exposure');
    expect(await entry.textContent()).toContain('Workload exposed');
    expect(await entry.getByRole('link', { name: 'shop/mailer' }).getAttribute('href')).toBe(
      `/clusters/${dashboard.clusterId}/workloads/shop/Deployment/mailer`,
    );
    // Grouped by day, each group dated for machines too.
    expect(await page.locator('section[data-day] h3 time[datetime]').count()).toBeGreaterThan(0);
    await expectNoApiError(page);
    await saveScreenshot(page, 'changes');
    await page.close();
  },
  2 * STORY_LOOP_MS + 30_000,
);

it('filters the timeline to policy events, canonically in the URL, and the filter survives a reload', async () => {
  const page = await newPage();
  await page.goto(`${dashboard.web.url}/clusters/${dashboard.clusterId}/changes`);
  await events(page).first().waitFor();

  for (const label of ['Policy added', 'Policy changed', 'Policy removed'])
    await page.getByLabel(label).check();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  // The form also sends its empty fields; the page redirects to the canonical URL.
  await page.waitForURL('**/changes?kind=POLICY_ADDED&kind=POLICY_CHANGED&kind=POLICY_REMOVED');
  await expectOnlyPolicyEvents(page);
  expect(
    await presets(page).getByRole('link', { name: 'Policies' }).getAttribute('aria-current'),
  ).toBe('true');

  await page.reload();
  expect(new URL(page.url()).searchParams.getAll('kind')).toEqual([
    'POLICY_ADDED',
    'POLICY_CHANGED',
    'POLICY_REMOVED',
  ]);
  expect(await page.getByLabel('Policy removed').isChecked()).toBe(true);
  expect(await page.getByLabel('Workload exposed').isChecked()).toBe(false);
  await expectOnlyPolicyEvents(page);

  // The presets are links to the same state: "Exposures" swaps the kinds.
  await presets(page).getByRole('link', { name: 'Exposures' }).click();
  await page.waitForURL(
    '**/changes?kind=WORKLOAD_ADDED_UNPROTECTED&kind=WORKLOAD_EXPOSED&kind=NAMESPACE_LOST_DEFAULT_DENY',
  );
  await mailerExposed(page).first().waitFor();
  const kinds = await events(page).evaluateAll((lis) =>
    lis.map((li) => li.getAttribute('data-kind')),
  );
  expect(
    kinds.every((k) =>
      ['WORKLOAD_ADDED_UNPROTECTED', 'WORKLOAD_EXPOSED', 'NAMESPACE_LOST_DEFAULT_DENY'].includes(
        k ?? '',
      ),
    ),
  ).toBe(true);
  await page.close();
}, 60_000);

it('compares the snapshots around the exposure: shop/mailer under "Became exposed"', async () => {
  const exposures = await apiGet<{
    items: { seq: number; namespace?: string; workload?: string }[];
  }>('/changes?kind=WORKLOAD_EXPOSED&limit=100');
  const exposedAt = exposures.items.find(
    (c) => c.namespace === 'shop' && c.workload === 'Deployment/mailer',
  )?.seq;
  expect(exposedAt).toBeDefined();
  const snapshots = await apiGet<{ items: { seq: number }[] }>('/snapshots?limit=1000');
  const before = snapshots.items.find((s) => s.seq < exposedAt!)?.seq;
  expect(before).toBeDefined();

  const page = await newPage();
  await page.goto(`${dashboard.web.url}/clusters/${dashboard.clusterId}/changes`);
  await page.getByRole('link', { name: 'Compare two snapshots' }).click();
  await page.waitForURL(`**/clusters/${dashboard.clusterId}/changes/diff`);
  // By default: the previous and the latest snapshot.
  const defaultTo = Number(await page.getByLabel('To snapshot').inputValue());
  expect(defaultTo).toBeGreaterThanOrEqual(snapshots.items[0]!.seq);
  expect(Number(await page.getByLabel('From snapshot').inputValue())).toBeLessThan(defaultTo);

  await page.getByLabel('From snapshot').selectOption(String(before));
  await page.getByLabel('To snapshot').selectOption(String(exposedAt));
  await page.getByRole('button', { name: 'Compare' }).click();
  await page.waitForURL(`**/changes/diff?from=${before}&to=${exposedAt}`);

  const exposed = page.getByRole('region', { name: /^Became exposed/ });
  await exposed.locator(`li[data-subject="${MAILER}"]`).waitFor();
  for (const title of [
    'Became protected',
    'Policies added',
    'Policies removed',
    'Policies changed',
    'Other',
  ]) {
    expect(await page.getByRole('region', { name: new RegExp(`^${title}`) }).count()).toBe(1);
  }
  // Score before and after, and the counts the API summarised.
  expect(await page.locator('[data-score="from"]:visible').textContent()).toMatch(
    /^(\d+(\.\d+)?|—)$/,
  );
  expect(await page.locator('[data-score="to"]:visible').textContent()).toMatch(
    /^(\d+(\.\d+)?|—)$/,
  );
  const exposedCount = page
    .locator('dl[aria-label="Summary"]:visible > div')
    .filter({ hasText: 'Became exposed' })
    .locator('dd');
  expect(Number(await exposedCount.textContent())).toBeGreaterThanOrEqual(1);
  await expectNoApiError(page);
  await saveScreenshot(page, 'changes-diff');

  // A pair the API refuses: its reason is shown, not an outage screen.
  await page.goto(
    `${dashboard.web.url}/clusters/${dashboard.clusterId}/changes/diff?from=${before}&to=999999`,
  );
  const problem = page.getByRole('alert').filter({ hasText: 'These snapshots cannot be compared' });
  await problem.waitFor();
  expect(await problem.textContent()).toContain('no snapshot 999999');
  await page.close();
}, 60_000);

async function expectOnlyPolicyEvents(page: Page): Promise<void> {
  await events(page).first().waitFor();
  const kinds = await events(page).evaluateAll((lis) =>
    lis.map((li) => li.getAttribute('data-kind')),
  );
  expect(kinds.length).toBeGreaterThan(0);
  expect(kinds.every((k) => k?.startsWith('POLICY_'))).toBe(true);
  // shop's default deny was deleted by now (the first test waited for its effect).
  expect(
    await page
      .locator('li[data-kind="POLICY_REMOVED"][data-subject="shop/default-deny-ingress"]:visible')
      .count(),
  ).toBeGreaterThan(0);
}
