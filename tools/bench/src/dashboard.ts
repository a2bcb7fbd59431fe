/**
 * `npm run bench` (dashboard part): the built dashboard in Debian's Chromium against the built
 * API watching a generated cluster of about 15,000 workloads. Measures, per page load, the
 * server's first byte, the first contentful paint and the moment the page's main content is
 * there (the overview's score; the workloads table's rows), then the table's filter, sort and
 * last page through the URL. The browser is signed in as the bench's admin (created at start by
 * PALISADE_ADMIN_USERNAME/PASSWORD): the API's own login, its cookies given to the browser for
 * the dashboard's address, as a user signing in on /login would end up.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { parseFlags } from './args';
import { generateClusterList } from './generate';
import { benchAuthorization, loadFakeCluster, percentile, startApi, startWeb, type KubeItem } from './service';

const ADMIN = { username: 'bench-admin', password: 'bench admin password, not a secret' };

/** Signs in at the API and gives the browser the session's cookies for the dashboard. */
async function signIn(context: BrowserContext, apiUrl: string, webUrl: string): Promise<void> {
  const response = await fetch(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (response.status !== 200) throw new Error(`signing in failed: HTTP ${response.status} ${await response.text()}`);
  await context.addCookies(
    response.headers.getSetCookie().map((header) => {
      const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
      const equals = pair.indexOf('=');
      return {
        name: pair.slice(0, equals),
        value: decodeURIComponent(pair.slice(equals + 1)),
        url: webUrl,
        httpOnly: attributes.some((a) => a.toLowerCase() === 'httponly'),
        sameSite: 'Lax' as const,
      };
    }),
  );
}

interface Timing {
  readonly ttfb: number;
  readonly fcp: number;
  readonly ready: number;
}

/** Loads `url` fresh and times it until `ready` is visible. */
async function timeLoad(page: Page, url: string, ready: string): Promise<Timing> {
  const started = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator(ready).first().waitFor({ state: 'visible', timeout: 60_000 });
  const readyMs = Date.now() - started;
  // Evaluated in the page (this project's types have no DOM).
  const { ttfb, fcp } = await page.evaluate<{ ttfb: number; fcp: number }>(`(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return { ttfb: nav ? nav.responseStart - nav.startTime : NaN, fcp: paint ? paint.startTime : NaN };
  })()`);
  return { ttfb, fcp, ready: readyMs };
}

async function measure(page: Page, url: string, ready: string, rounds: number): Promise<Timing> {
  await timeLoad(page, url, ready); // warm: compiled routes, connection pools, caches
  const samples: Timing[] = [];
  for (let i = 0; i < rounds; i++) samples.push(await timeLoad(page, url, ready));
  const p50 = (pick: (t: Timing) => number) => Math.round(percentile(samples.map(pick), 50));
  return { ttfb: p50((t) => t.ttfb), fcp: p50((t) => t.fcp), ready: p50((t) => t.ready) };
}

/** The smallest generated cluster with at least `workloads` Deployments. */
function clusterWith(workloads: number): { items: KubeItem[]; pods: number; workloads: number } {
  let pods = Math.round(workloads * 2.2);
  for (;;) {
    const { text, summary } = generateClusterList({ pods, policies: Math.round(pods / 10), namespaces: Math.round(pods / 50) });
    if (summary.deployments >= workloads) {
      return { items: (JSON.parse(text) as { items: KubeItem[] }).items, pods: summary.pods, workloads: summary.deployments };
    }
    pods = Math.ceil((pods * workloads) / Math.max(1, summary.deployments)) + 100;
  }
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const wanted = Number(flags.get('workloads') ?? 15_000);
  const rounds = Number(flags.get('rounds') ?? 5);
  const markdown = flags.get('markdown');
  const root = path.resolve(flags.get('root') ?? '.');
  const apiMain = path.join(root, 'dist/apps/api/main.js');
  if (!fs.existsSync(path.join(root, 'apps/web/.next/BUILD_ID'))) throw new Error('the dashboard is not built: nx run web:build');

  const cluster = clusterWith(wanted);
  process.stdout.write(`Generated ${cluster.workloads.toLocaleString('en-US')} workloads, ${cluster.pods.toLocaleString('en-US')} pods\n`);
  const server = await loadFakeCluster(cluster.items);
  let api: Awaited<ReturnType<typeof startApi>> | undefined;
  let web: Awaited<ReturnType<typeof startWeb>> | undefined;
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-bench-chromium-'));
  let browser: Awaited<ReturnType<typeof chromium.launchPersistentContext>> | undefined;
  try {
    api = await startApi(server, apiMain, { PALISADE_ADMIN_USERNAME: ADMIN.username, PALISADE_ADMIN_PASSWORD: ADMIN.password });
    web = await startWeb(api.url, root);
    browser = await chromium.launchPersistentContext(userDataDir, {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
      viewport: { width: 1280, height: 900 },
    });
    await signIn(browser, api.url, web.url);
    const page = await browser.newPage();
    const base = `${web.url}/clusters/${api.clusterId}`;
    const total = (await (await fetch(`${api.url}/api/clusters/${api.clusterId}/workloads?limit=1`, { headers: benchAuthorization })).json()) as { total: number };
    const rows: [string, Timing][] = [
      ['Fleet (home)', await measure(page, `${web.url}/`, '[data-card="unprotected"]', rounds)],
      ['Cluster overview: the score', await measure(page, base, '[data-figure="score"] dd', rounds)],
      [`Workloads (${total.total.toLocaleString('en-US')}): first page`, await measure(page, `${base}/workloads`, 'tbody tr[data-workload]', rounds)],
      ['Workloads: unprotected only', await measure(page, `${base}/workloads?unprotected=true`, 'tbody tr[data-workload]', rounds)],
      ['Workloads: sorted by name', await measure(page, `${base}/workloads?sort=name`, 'tbody tr[data-workload]', rounds)],
      ['Workloads: text search', await measure(page, `${base}/workloads?q=orders`, 'tbody tr[data-workload]', rounds)],
      ['Workloads: last page', await measure(page, `${base}/workloads?offset=${Math.max(0, Math.ceil(total.total / 50) - 1) * 50}`, 'tbody tr[data-workload]', rounds)],
    ];
    const table = [
      `| page (${cluster.workloads.toLocaleString('en-US')} workloads, ${cluster.pods.toLocaleString('en-US')} pods) | first byte ms | first paint ms | content shown ms |`,
      '|---|--:|--:|--:|',
      ...rows.map(([name, t]) => `| ${name} | ${t.ttfb} | ${t.fcp} | ${t.ready} |`),
    ].join('\n');
    process.stdout.write(`\nDashboard in Chromium, median of ${rounds} loads after one warm-up:\n\n${table}\n`);
    if (markdown) fs.writeFileSync(markdown, `${table}\n`);
  } finally {
    await browser?.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
    await web?.stop();
    await api?.stop();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
