import type { Page } from 'playwright-core';
import { expectNoApiError, saveScreenshot, dashboardForThisFile } from './support/session';

/** The namespaces and policies pages against the demo cluster (see support/session). */

const dashboard = dashboardForThisFile();
const newPage = () => dashboard.newPage();

// Visible ones only: Next may keep the previous route's tree in the DOM, hidden, after a navigation.
const namespaceRow = (page: Page, name: string) =>
  page.locator(`tbody tr[data-namespace="${name}"]:visible`);
const policyRows = (page: Page) => page.locator('tbody tr[data-policy]:visible');

/** The cell's text as assistive technology reads it: without what is aria-hidden. */
const spokenText = (cell: ReturnType<Page['locator']>) =>
  cell.evaluate((el) => {
    const copy = el.cloneNode(true) as Element;
    copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
    return (copy.textContent ?? '').trim();
  });

async function defaultDeny(page: Page, namespace: string) {
  const row = namespaceRow(page, namespace);
  return {
    ingress: await spokenText(row.locator('td[data-direction="ingress"]')),
    egress: await spokenText(row.locator('td[data-direction="egress"]')),
  };
}

it('lists the namespaces with their default deny in words, sortable and filterable from the URL', async () => {
  const page = await newPage();
  await page.goto(`${dashboard.web.url}/clusters/${dashboard.clusterId}`);
  await page
    .getByRole('navigation', { name: 'Cluster' })
    .getByRole('link', { name: 'Namespaces' })
    .click();
  await page.waitForURL(`**/clusters/${dashboard.clusterId}/namespaces`);
  const table = page.getByRole('table', { name: /^Namespaces, sorted by score ascending/ });
  await table.waitFor();

  // Yes/no are words (the mark beside them is hidden from assistive technology), not colours.
  expect(await defaultDeny(page, 'payments')).toEqual({ ingress: 'Yes', egress: 'Yes' });
  expect(await defaultDeny(page, 'analytics')).toEqual({ ingress: 'No', egress: 'No' });
  expect(await namespaceRow(page, 'payments').locator('th').textContent()).toBe('payments');
  await expectNoApiError(page);

  // Sorting by name from the header puts the namespaces in order, and says so in the URL.
  await page
    .getByRole('columnheader', { name: /Namespace/ })
    .getByRole('link')
    .click();
  await page.waitForURL('**/namespaces?sort=name');
  await page.getByRole('table', { name: /sorted by name ascending/ }).waitFor();
  const names = await page
    .locator('tbody tr[data-namespace]:visible')
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-namespace') ?? ''));
  expect(names).toEqual([...names].sort());
  expect(names).toEqual(
    expect.arrayContaining(['analytics', 'default', 'monitoring', 'payments', 'shop']),
  );
  expect(
    await page.getByRole('columnheader', { name: /Namespace/ }).getAttribute('aria-sort'),
  ).toBe('ascending');

  // The text filter keeps the sort; a reload shows the same rows.
  await page.getByLabel('Name contains').fill('pay');
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.waitForURL('**/namespaces?q=pay&sort=name');
  await page.getByRole('table', { name: /sorted by name ascending/ }).waitFor();
  // One filter on the page after the navigation, showing the new state.
  expect(await page.getByLabel('Name contains').locator('visible=true').count()).toBe(1);
  expect(await page.getByLabel('Name contains').locator('visible=true').inputValue()).toBe('pay');
  await page.reload();
  await namespaceRow(page, 'payments').waitFor();
  expect(await page.getByLabel('Name contains').inputValue()).toBe('pay');
  expect(
    await page
      .locator('tbody tr[data-namespace]:visible')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-namespace'))),
  ).toEqual(['payments']);

  await page.goto(`${dashboard.web.url}/clusters/${dashboard.clusterId}/namespaces`);
  await namespaceRow(page, 'payments').waitFor();
  await saveScreenshot(page, 'namespaces');
  await page.close();
}, 60_000);

it('opens payments: default deny both ways explained, its trend chart, its policies and its workloads', async () => {
  const page = await newPage();
  await page.goto(`${dashboard.web.url}/clusters/${dashboard.clusterId}/namespaces`);
  await namespaceRow(page, 'payments').getByRole('link', { name: 'payments' }).click();
  await page.waitForURL(`**/clusters/${dashboard.clusterId}/namespaces/payments`);
  await page.getByRole('heading', { level: 2, name: 'payments' }).waitFor();

  const isolation = page.getByRole('region', { name: 'Isolation' });
  expect(
    await isolation.locator('[data-direction="ingress"]').getAttribute('data-default-deny'),
  ).toBe('true');
  expect(
    await isolation.locator('[data-direction="egress"]').getAttribute('data-default-deny'),
  ).toBe('true');
  expect(await isolation.textContent()).toMatch(/accepts only the connections some policy allows/);

  // The trend is drawn, with a text alternative; the range is a link kept in the URL.
  const trend = page.getByRole('region', { name: 'Score trend' });
  await trend.locator('.recharts-surface').waitFor();
  await trend
    .getByRole('img', { name: /^Score of payments over the last week: from [\d.]+ to [\d.]+/ })
    .waitFor();
  await trend.getByRole('link', { name: 'Month' }).click();
  await page.waitForURL('**/namespaces/payments?range=month');
  await trend.getByRole('img', { name: /^Score of payments over the last month/ }).waitFor();

  // Its five NetworkPolicies, each with its YAML one click away.
  const policies = page.getByRole('region', { name: 'Policies' });
  await policies.getByRole('table', { name: 'NetworkPolicies in payments' }).waitFor();
  const rows = policies.locator('tbody tr[data-policy]');
  expect(await rows.count()).toBe(5);
  const kinds = await rows.locator('td:nth-of-type(1)').allTextContents();
  expect(new Set(kinds)).toEqual(new Set(['NetworkPolicy']));
  const firstYaml = policies.locator('tbody tr[data-yaml-of] details').first();
  expect(await firstYaml.locator('pre').isVisible()).toBe(false);
  await firstYaml.locator('summary').click();
  expect(await firstYaml.locator('pre').textContent()).toMatch(
    /kind: NetworkPolicy[\s\S]*namespace: payments/,
  );
  await expectNoApiError(page);

  await page.getByRole('link', { name: /workloads of payments$/ }).click();
  await page.waitForURL('**/workloads?namespace=payments');
  await page.close();
}, 60_000);

it('says what to do in a namespace without policies, and answers not found for an unknown one', async () => {
  const page = await newPage();
  await page.goto(`${dashboard.web.url}/clusters/${dashboard.clusterId}/namespaces/analytics`);
  // In its region: while the section streams in, a hidden copy of it waits at the end of <body>.
  const empty = page.getByRole('region', { name: 'Policies' }).getByTestId('no-policies');
  await empty.waitFor();
  expect(await empty.textContent()).toMatch(
    /No NetworkPolicy in analytics[\s\S]*podSelector: \{\}/,
  );
  expect(
    await page
      .getByRole('region', { name: 'Isolation' })
      .locator('[data-default-deny="false"]')
      .count(),
  ).toBe(2);

  // The page streams behind its skeleton, so the status is already sent: the screen says it.
  await page.goto(
    `${dashboard.web.url}/clusters/${dashboard.clusterId}/namespaces/no-such-namespace`,
  );
  await page.getByRole('heading', { name: 'Namespace not found' }).waitFor();
  await page.close();
}, 60_000);

it('filters the policies to AdminNetworkPolicy, and the filter survives a reload', async () => {
  const page = await newPage();
  await page.goto(`${dashboard.web.url}/clusters/${dashboard.clusterId}/policies`);
  const all = Number(await page.locator('[data-total]:visible').getAttribute('data-total'));
  expect(all).toBeGreaterThan(1);
  // Cluster-wide policies say so instead of a namespace.
  const anp = page.locator(
    'tbody tr[data-policy="AdminNetworkPolicy/allow-monitoring-scrape"]:visible',
  );
  expect(await anp.locator('td:nth-of-type(2)').textContent()).toBe('cluster-wide');

  await page.getByLabel('Kind').selectOption('AdminNetworkPolicy');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL('**/policies?kind=AdminNetworkPolicy');
  await expectOnlyAllowMonitoringScrape(page);
  expect(await page.getByLabel('Kind').locator('visible=true').count()).toBe(1);
  expect(await page.getByLabel('Kind').locator('visible=true').inputValue()).toBe(
    'AdminNetworkPolicy',
  );

  await page.reload();
  expect(new URL(page.url()).searchParams.get('kind')).toBe('AdminNetworkPolicy');
  expect(await page.getByLabel('Kind').inputValue()).toBe('AdminNetworkPolicy');
  await expectOnlyAllowMonitoringScrape(page);
  await expectNoApiError(page);

  await page.goto(`${dashboard.web.url}/clusters/${dashboard.clusterId}/policies`);
  await policyRows(page).first().waitFor();
  await page.locator('tbody tr[data-yaml-of]:visible summary').first().click();
  await saveScreenshot(page, 'policies');
  await page.close();
}, 60_000);

it('opens a policy: its YAML, what it selects and its history', async () => {
  const page = await newPage();
  await page.goto(
    `${dashboard.web.url}/clusters/${dashboard.clusterId}/policies?kind=AdminNetworkPolicy`,
  );
  await page.getByRole('link', { name: 'allow-monitoring-scrape' }).click();
  await page.waitForURL(`**/policies/AdminNetworkPolicy/allow-monitoring-scrape`);
  await page.getByRole('heading', { level: 2, name: 'allow-monitoring-scrape' }).waitFor();
  const yaml = page.getByRole('region', { name: /^YAML/ }).locator('pre');
  expect(await yaml.isVisible()).toBe(true);
  expect(await yaml.textContent()).toMatch(
    /kind: AdminNetworkPolicy[\s\S]*name: allow-monitoring-scrape/,
  );
  expect(await page.locator('[data-figure="selects"]').textContent()).toMatch(/^\d+ workloads?$/);
  const history = page.getByTestId('policy-history');
  expect(await history.locator('li').first().getAttribute('data-event')).toBe('appeared');
  expect(await history.locator('li').first().textContent()).toMatch(
    /^Appeared (at \d{4}-\d\d-\d\d \d\d:\d\d UTC|before)/,
  );

  await page.goto(
    `${dashboard.web.url}/clusters/${dashboard.clusterId}/policies/NetworkPolicy/shop/no-such-policy`,
  );
  await page.getByRole('heading', { name: 'Policy not found' }).waitFor();
  await page.close();
}, 60_000);

async function expectOnlyAllowMonitoringScrape(page: Page): Promise<void> {
  await policyRows(page).first().waitFor();
  const names = await policyRows(page).locator('th').allTextContents();
  expect(names).toEqual(['allow-monitoring-scrape']);
  expect(await policyRows(page).locator('td:nth-of-type(1)').allTextContents()).toEqual([
    'AdminNetworkPolicy',
  ]);
  expect(await page.locator('[data-total]:visible').getAttribute('data-total')).toBe('1');
}

it('shows the Cilium demo cluster with the plugin it runs, its Cilium policies and the ones not enforced there', async () => {
  const clusters = (await (await dashboard.session.apiFetch('/api/clusters')).json()) as {
    items: { id: string; name: string; lastSnapshotAt: string | null }[];
  };
  const cilium = clusters.items.find((c) => c.name === 'demo-cilium');
  expect(cilium?.lastSnapshotAt).not.toBeNull();
  const page = await newPage();
  await page.goto(`${dashboard.web.url}/clusters/${cilium!.id}`);
  const plugin = page.getByTestId('plugin-line');
  await plugin.waitFor();
  expect(await plugin.textContent()).toMatch(
    /^Policies are evaluated as Cilium enforces them .* \(DaemonSet kube-system\/cilium\)\. 2 policies are not enforced here$/,
  );
  await plugin.getByRole('link', { name: '2 policies are not enforced here' }).click();
  await page.waitForURL(`**/clusters/${cilium!.id}/policies?enforced=false`);
  await page.locator('tbody tr[data-policy]:visible').first().waitFor();
  expect(
    await policyRows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-policy'))),
  ).toEqual([
    'AdminNetworkPolicy/deny-media-egress',
    'CiliumClusterwideNetworkPolicy/nodes-ssh-from-bastion',
  ]);
  expect(await policyRows(page).first().locator('td[data-enforced]').textContent()).toBe(
    'Not enforced here Cilium does not implement AdminNetworkPolicy',
  );
  await expectNoApiError(page);
  await saveScreenshot(page, 'cilium-policies-not-enforced');

  // The catalog answers the storefront's GETs only: counted, and said, as some requests only.
  await page.goto(`${dashboard.web.url}/clusters/${cilium!.id}/workloads?namespace=store`);
  const catalog = page.locator('tbody tr[data-workload="store/Deployment/catalog"]:visible');
  await catalog.waitFor();
  expect(await catalog.textContent()).toContain('2 (2 for some requests only)');
  await page.close();
}, 60_000);
