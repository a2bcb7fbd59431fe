import type { Page } from 'playwright-core';
import { expectText, startDashboard, type DashboardSession } from './support/session';

/**
 * Every page of the dashboard, checked by axe-core (WCAG 2.1 A and AA: contrast, labels, names,
 * landmarks, ARIA) in the light and the dark scheme, and reachable from the keyboard.
 */

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

let session: DashboardSession | undefined;
let pages: readonly (readonly [string, string])[];
/** Pages a signed-out browser sees (checked without the session's cookies). */
const anonymousPages = [
  ['sign-in', '/login?returnTo=%2Falerts'],
  ['sign-in after a failed single sign-on', '/login?error=The%20identity%20provider%20refused'],
  ['setup (done already)', '/setup'],
] as const;

const UNREACHABLE_KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
  - name: unreachable
    cluster:
      server: https://127.0.0.1:9
users:
  - name: reader
    user:
      token: not-a-real-token
contexts:
  - name: unreachable
    context:
      cluster: unreachable
      user: reader
current-context: unreachable
`;

beforeAll(async () => {
  session = await startDashboard();
  const cluster = `/clusters/${session.clusterId}`;
  const policies = (await (
    await session.apiFetch(`/api${cluster}/policies?namespace=payments&limit=1`)
  ).json()) as {
    items: { namespace: string; name: string }[];
  };
  const policy = policies.items[0];
  if (!policy) throw new Error('the demo cluster has no policy in payments');
  const snapshots = (await (await session.apiFetch(`/api${cluster}/snapshots?limit=1`)).json()) as {
    items: { seq: number }[];
  };
  const latest = snapshots.items[0]?.seq ?? 1;
  // A cluster added through the API, so that the clusters page shows its credential and removal
  // forms (and a status with its reason: nothing listens at that address).
  const stored = await session.apiFetch('/api/clusters', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'unreachable', kubeconfig: UNREACHABLE_KUBECONFIG }),
  });
  if (stored.status !== 201) throw new Error(`adding a cluster: HTTP ${stored.status}`);
  pages = [
    ['fleet', '/'],
    ['overview', cluster],
    ['workloads', `${cluster}/workloads`],
    [
      'workload detail with an explanation',
      `${cluster}/workloads/shop/Deployment/frontend?peer=8.8.8.8&direction=in&port=8080%2FTCP`,
    ],
    ['namespaces', `${cluster}/namespaces`],
    ['namespace', `${cluster}/namespaces/payments`],
    ['policies', `${cluster}/policies`],
    ['policy', `${cluster}/policies/NetworkPolicy/payments/${policy.name}`],
    ['changes', `${cluster}/changes`],
    ['snapshot diff', `${cluster}/changes/diff?from=1&to=${latest}`],
    ['alerts', '/alerts'],
    ['alert rules', '/alerts/rules'],
    ['alert channels', '/alerts/channels'],
    [
      'alert exceptions',
      `/alerts/exceptions?new=shop/Deployment/frontend&cluster=${session.clusterId}`,
    ],
    ['delivery log', '/alerts/deliveries'],
    ['reports', '/reports'],
    ['users', '/admin/users'],
    ['API tokens', '/admin/tokens'],
    ['watched clusters', '/admin/clusters'],
    ['audit log', '/admin/audit'],
    ['your account', '/account'],
    ['unknown page', '/no-such-page'],
  ];
}, 120_000);

afterAll(async () => {
  await session?.close();
}, 60_000);

const AXE = require.resolve('axe-core/axe.min.js');

async function violations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate<AxeViolation[]>(`axe
    .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))`);
}

const describeViolations = (found: readonly AxeViolation[]) =>
  found.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );

it.each(['light', 'dark'] as const)(
  'has no WCAG 2.1 AA violation on any page in the %s scheme',
  async (scheme) => {
    const page = await session!.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    const found: string[] = [];
    const check = async (name: string, path: string) => {
      await page.goto(`${session!.web.url}${path}`);
      // Past the loading skeletons: the page's own heading is there.
      await page.locator('main h1, main h2').first().waitFor();
      await page.waitForLoadState('networkidle');
      found.push(...describeViolations(await violations(page)).map((v) => `${name}: ${v}`));
    };
    for (const [name, path] of pages) await check(name, path);
    // Signed out for the sign-in pages, then signed in again.
    const context = page.context();
    const cookies = await context.cookies();
    await context.clearCookies();
    try {
      for (const [name, path] of anonymousPages) await check(name, path);
      expect(new URL(page.url()).pathname).toBe('/setup');
    } finally {
      await context.addCookies(cookies);
    }
    await page.close();
    expect(found).toEqual([]);
  },
  120_000,
);

it('can be used from the keyboard: skip link first, then the cluster tabs', async () => {
  const page = await session!.newPage();
  await page.goto(`${session!.web.url}/clusters/${session!.clusterId}`);
  // Hydrated and streamed in: the live connection is up and the sections have loaded.
  await expectText(page.locator('[data-connection]'), 'Live');
  await page.waitForLoadState('networkidle');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
    'Skip to content',
  );
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

  // Tabbing on from the content reaches the cluster's tabs, and Enter follows one.
  const reached: string[] = [];
  for (let i = 0; i < 15 && !reached.includes('Policies'); i++) {
    await page.keyboard.press('Tab');
    // The focused control's own text (the body's would be the whole page).
    reached.push(
      await page.evaluate(() => {
        const active = document.activeElement;
        return active && active !== document.body ? (active.textContent ?? '').trim() : '(body)';
      }),
    );
  }
  expect(reached).toContain('Policies');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/policies');
  await page.getByRole('heading', { name: 'Policies', level: 2 }).waitFor();
  await page.close();
}, 60_000);
