import { waitFor } from './support/processes';
import { dashboardForThisFile, expectText } from './support/session';

/**
 * The first administrator on a fresh install: the API starts without PALISADE_ADMIN_USERNAME,
 * prints a one-time setup token in its log, and the dashboard's /setup page creates the admin
 * with it and signs them in.
 */

const dashboard = dashboardForThisFile({ firstAdmin: false });
const web = () => dashboard.web.url;
const ROOT = { username: 'root-admin', password: 'first admin password 2026', name: 'Root Admin' };

/** The token from the API's log line `no admin yet: open …/setup and use the one-time setup token …`. */
function setupTokenFromLog(): Promise<string> {
  return waitFor('the setup token in the API log', async () => {
    const match = dashboard.session.api
      .output()
      .match(/no admin yet: open (\S+)\/setup and use the one-time setup token ([A-Za-z0-9_-]+)/);
    if (!match) return undefined;
    expect(match[1]).toBe(web());
    return match[2];
  });
}

it('creates the first admin with the printed setup token and signs them in', async () => {
  const token = await setupTokenFromLog();
  const page = await dashboard.newPage();
  await page.goto(web());
  await page.waitForURL(`${web()}/login`);
  await page.getByRole('link', { name: 'Set up Palisade' }).click();
  await page.waitForURL(`${web()}/setup`);

  const fill = async (setupToken: string, confirm: string) => {
    await page.getByLabel('Setup token').fill(setupToken);
    await page.getByLabel('Username', { exact: true }).fill(ROOT.username);
    await page.getByLabel('Full name (optional)').fill(ROOT.name);
    await page.getByLabel('Password', { exact: true }).fill(ROOT.password);
    await page.getByLabel('Password again').fill(confirm);
    await page.getByRole('button', { name: 'Create the administrator and sign in' }).click();
  };

  // Mistyped confirmation: refused by the form before the API sees the token.
  await fill(token, `${ROOT.password}!`);
  await expectText(
    page.locator('#setup-confirm-error:visible'),
    'The two passwords are not the same.',
  );
  expect(await page.getByLabel('Username', { exact: true }).inputValue()).toBe(ROOT.username);
  expect(await page.getByLabel('Setup token').inputValue()).toBe('');

  // A wrong token: the API refuses it.
  await fill(`${token}x`, ROOT.password);
  await expectText(
    page.locator('#setup-setupToken-error:visible'),
    'Copy it from the API’s log line “no admin yet: … setup token …”.',
  );

  await fill(token, ROOT.password);
  await page.waitForURL(`${web()}/`);
  await expectText(page.locator('[data-account] [data-username]'), ROOT.username);
  await expectText(page.locator('[data-account] [data-role]'), '(admin)');

  // Done once: the page says so, and the token no longer works.
  await page.goto(`${web()}/setup`);
  await page.getByText(`You are signed in as ${ROOT.username} (admin).`).waitFor();
  const again = await fetch(`${dashboard.session.api.url}/api/auth/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ setupToken: token, username: 'second', password: ROOT.password }),
  });
  expect(again.status).toBe(409);
  const users = (await (await dashboard.session.apiFetch('/api/users')).json()) as {
    items: { username: string; role: string; name: string | null }[];
  };
  expect(users.items).toEqual([
    expect.objectContaining({ username: ROOT.username, role: 'admin', name: ROOT.name }),
  ]);
  await page.close();
}, 60_000);
