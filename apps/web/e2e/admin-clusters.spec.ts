import { FakeKubeApiServer } from '@palisade/k8s-testing';
import type { Page } from 'playwright-core';
import { parse, stringify } from 'yaml';
import { visible, withoutJavaScript } from './support/browser';
import { waitFor } from './support/processes';
import { dashboardForThisFile, expectNoApiError, saveScreenshot } from './support/session';

/**
 * An admin watches another cluster from the dashboard: a kubeconfig pasted on /admin/clusters
 * (a fake Kubernetes API server that wants a bearer token) is listed, connects and shows on the
 * fleet page; a kubeconfig that runs a command is refused with the API's reason and never comes
 * back into the page; removal asks for confirmation and works without JavaScript.
 */

const dashboard = dashboardForThisFile();
const web = () => dashboard.web.url;

const TOKEN = 'fake-cluster-token-that-stays-out-of-the-page';
const NAME = 'staging';
let fake: FakeKubeApiServer | undefined;

beforeAll(async () => {
  fake = await FakeKubeApiServer.start({ token: TOKEN });
  // Something to evaluate: one namespace with one unprotected Deployment and its pod.
  fake.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
  const labels = { app: 'web' };
  const container = { name: 'web', image: 'example/web:1', ports: [{ containerPort: 8080 }] };
  const template = { metadata: { labels }, spec: { containers: [container] } };
  const owner = (kind: string, name: string, uid: string | undefined) => [
    { apiVersion: 'apps/v1', kind, name, uid: uid ?? '', controller: true },
  ];
  const deployment = fake.create({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { namespace: 'shop', name: 'web', labels },
    spec: { replicas: 1, selector: { matchLabels: labels }, template },
  });
  const replicaSet = fake.create({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      namespace: 'shop',
      name: 'web-abc123',
      labels,
      ownerReferences: owner('Deployment', 'web', deployment.metadata.uid),
    },
    spec: { replicas: 1, selector: { matchLabels: labels }, template },
  });
  fake.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      namespace: 'shop',
      name: 'web-abc123-0',
      labels,
      ownerReferences: owner('ReplicaSet', 'web-abc123', replicaSet.metadata.uid),
    },
    spec: { containers: [container], nodeName: 'node-1' },
    status: { phase: 'Running', podIP: '10.1.0.10', podIPs: [{ ip: '10.1.0.10' }] },
  });
});

afterAll(async () => {
  await fake?.stop();
});

const form = (page: Page) => page.getByRole('form', { name: 'Watch a cluster' });
const row = (page: Page, name: string) => visible(page, `tr[data-cluster="${name}"]`);

async function watchCluster(page: Page, name: string, kubeconfig: string): Promise<void> {
  await form(page).getByLabel('Name', { exact: true }).fill(name);
  await form(page).getByLabel('Kubeconfig (YAML)', { exact: true }).fill(kubeconfig);
  await form(page).getByRole('button', { name: 'Watch cluster' }).click();
}

/** Reloads the page until `probe` answers (the status comes from the API at each render). */
function afterReloads<T>(page: Page, what: string, probe: () => Promise<T | undefined>) {
  return waitFor(
    what,
    async () => {
      const found = await probe();
      if (found !== undefined) return found;
      await new Promise((resolve) => setTimeout(resolve, 500));
      await page.reload();
      return undefined;
    },
    30_000,
  );
}

it('watches a cluster from a pasted kubeconfig: listed as added through the API, then connected on the fleet page', async () => {
  const page = await dashboard.newPage();
  await page.goto(`${web()}/admin/clusters`);
  await page.getByRole('heading', { name: 'Watched clusters', level: 2 }).waitFor();
  const tab = page
    .getByRole('navigation', { name: 'Administration' })
    .getByRole('link', { name: 'Clusters' });
  expect(await tab.getAttribute('aria-current')).toBe('page');
  // The demo cluster comes from the server's configuration: nothing to change here.
  const demo = row(page, 'demo');
  expect(await demo.getAttribute('data-source')).toBe('demo');
  expect(await demo.locator('[data-configured]').textContent()).toBe(
    'Managed by the server’s configuration; change it there.',
  );
  expect(await demo.getByRole('button').count()).toBe(0);
  // What is accepted, and that the kubeconfig is not shown again, is said before pasting one.
  expect(await form(page).textContent()).toContain('Only credentials inside the file');
  expect(await form(page).textContent()).toContain('never shown again');

  await watchCluster(page, NAME, fake!.kubeconfigYaml('staging-admin'));
  const added = row(page, NAME);
  await added.waitFor();
  expect(await added.getAttribute('data-source')).toBe('stored');
  expect(await added.textContent()).toContain('added through the API');
  expect(await visible(page, '[data-form-done]').textContent()).toMatch(/^Watching staging/);
  expect(await form(page).getByLabel('Kubeconfig (YAML)', { exact: true }).inputValue()).toBe('');
  expect(await page.content()).not.toContain(TOKEN);

  await afterReloads(page, 'the cluster to connect', async () =>
    (await row(page, NAME).getAttribute('data-status')) === 'ok' ? true : undefined,
  );
  // A first snapshot now, as an operator may, rather than at the next interval.
  const id = await row(page, NAME)
    .getByRole('link', { name: NAME })
    .evaluate((a) => a.getAttribute('href')?.split('/').pop() ?? '');
  const snapshot = await dashboard.session.apiFetch(`/api/clusters/${id}/snapshots`, {
    method: 'POST',
  });
  expect(snapshot.status).toBe(201);
  await page.reload();
  await row(page, NAME).locator('time').waitFor();
  expect(
    await row(page, NAME)
      .getByRole('button', { name: `Remove ${NAME}` })
      .count(),
  ).toBe(1);
  await expectNoApiError(page);
  await saveScreenshot(page, 'admin-clusters');

  await page.goto(web());
  const card = page.getByRole('article', { name: NAME });
  await afterReloads(page, 'the fleet page to show the cluster connected', async () =>
    (await card.count()) > 0 && (await card.getByText('Connected').count()) === 1
      ? true
      : undefined,
  );
  expect(await card.textContent()).toContain('added through the API');
  expect(await card.locator('[data-card="unprotected"]').textContent()).toBe('1 of 1 workloads');
  expect(await page.content()).not.toContain(TOKEN);
  await page.close();
}, 90_000);

it('refuses a kubeconfig that runs a command with the API’s reason, and clears the textarea', async () => {
  const page = await dashboard.newPage();
  await page.goto(`${web()}/admin/clusters`);
  const withExec = parse(fake!.kubeconfigYaml('evil')) as { users: { user: unknown }[] };
  withExec.users[0]!.user = {
    exec: {
      apiVersion: 'client.authentication.k8s.io/v1',
      command: 'sh',
      args: ['-c', 'touch /tmp/palisade-pwned'],
    },
  };
  await watchCluster(page, 'evil', stringify(withExec));

  const error = visible(page, '#cluster-form-error');
  await error.waitFor();
  expect(await error.textContent()).toMatch(/the user runs a command \(exec\)/);
  expect(await visible(page, '#cluster-kubeconfig-error').textContent()).toMatch(
    /runs a command \(exec\)/,
  );
  // The name is typed back; the kubeconfig is not, and the page says so.
  expect(await form(page).getByLabel('Name', { exact: true }).inputValue()).toBe('evil');
  expect(await form(page).getByLabel('Kubeconfig (YAML)', { exact: true }).inputValue()).toBe('');
  expect(await visible(page, '[data-kubeconfig-cleared]').textContent()).toMatch(/paste it again/);
  expect(await page.content()).not.toContain('palisade-pwned');
  expect(await row(page, 'evil').count()).toBe(0);

  // A name in use: the API's 409, beside the name.
  await watchCluster(page, NAME, fake!.kubeconfigYaml('again'));
  await visible(page, '#cluster-name-error').waitFor();
  expect(await visible(page, '#cluster-name-error').textContent()).toContain('exists already');
  expect(await page.content()).not.toContain(TOKEN);
  await page.close();
}, 60_000);

it('takes new credentials for a cluster added through the API', async () => {
  const page = await dashboard.newPage();
  await page.goto(`${web()}/admin/clusters`);
  const stored = row(page, NAME);
  await stored.getByText(`Replace credentials`).click();
  await stored.getByLabel('New kubeconfig (YAML)').fill(fake!.kubeconfigYaml('staging-admin'));
  await stored.getByRole('button', { name: `Save credentials of ${NAME}` }).click();
  await visible(page, `tr[data-cluster="${NAME}"] [data-credentials-replaced]`).waitFor();
  expect(await page.content()).not.toContain(TOKEN);
  await page.close();
}, 60_000);

it('removes a cluster added through the API only once the history deletion is confirmed, without JavaScript', async () => {
  const page = await dashboard.newPage();
  await withoutJavaScript(page);
  await page.goto(`${web()}/admin/clusters`);
  const stored = row(page, NAME);
  await stored.getByRole('button', { name: `Remove ${NAME}` }).click();
  await page.waitForLoadState('load');
  const refusal = visible(page, `tr[data-cluster="${NAME}"] [data-row-error]`);
  await refusal.waitFor();
  expect(await refusal.textContent()).toMatch(/^Tick “I understand the history is deleted”/);

  await row(page, NAME).getByLabel(`I understand the history of ${NAME} is deleted`).check();
  await row(page, NAME)
    .getByRole('button', { name: `Remove ${NAME}` })
    .click();
  await page.waitForLoadState('load');
  await waitFor('the cluster to be gone from the list', async () =>
    (await row(page, NAME).count()) === 0 && (await row(page, 'demo').count()) === 1
      ? true
      : undefined,
  );
  const clusters = (await (await dashboard.session.apiFetch('/api/clusters')).json()) as {
    items: { name: string }[];
  };
  expect(clusters.items.map((c) => c.name)).toEqual(['demo', 'demo-cilium']);
  await page.unrouteAll();
  await page.goto(web());
  await page.getByRole('article', { name: 'demo', exact: true }).waitFor();
  expect(await page.getByRole('article', { name: NAME }).count()).toBe(0);
  await page.close();
}, 60_000);
