import { visible } from './support/browser';
import {
  apiSignIn,
  cookieHeader,
  dashboardForThisFile,
  expectNoApiError,
  expectText,
  saveScreenshot,
} from './support/session';
import { signInThroughThePage, signOutThroughThePage } from './support/sign-in-page';

/**
 * A signed-in user's own account page (/account, from the header): who they are, and a new
 * password with the current one, after which their other sessions end and only the new password
 * signs in. The browser starts signed out.
 */

const dashboard = dashboardForThisFile({ signedIn: false });
const web = () => dashboard.web.url;
const PAT = {
  username: 'pat',
  name: 'Pat Operator',
  password: 'pat has a long password',
  newPassword: 'pat has a brand new password',
};

beforeAll(async () => {
  const created = await dashboard.session.apiFetch('/api/users', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      username: PAT.username,
      name: PAT.name,
      password: PAT.password,
      role: 'operator',
    }),
  });
  expect(created.status).toBe(201);
});

it('changes a local user’s password: a wrong current one is refused, then only the new one signs in', async () => {
  // Pat is signed in elsewhere too (another browser): that session ends with the change.
  const elsewhere = cookieHeader(
    await apiSignIn(dashboard.session.api.url, { username: PAT.username, password: PAT.password }),
  );
  const page = await dashboard.newPage();
  await page.goto(`${web()}/login`);
  await signInThroughThePage(page, PAT);
  await page.waitForURL(`${web()}/`);
  await page.locator('[data-account]').getByRole('link', { name: 'Your account' }).click();
  await page.waitForURL(`${web()}/account`);
  await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
  const details = visible(page, '[data-account-details]');
  const text = (await details.textContent()) ?? '';
  expect(text).toContain(PAT.name);
  expect(text).toContain('Operator');
  expect(text).toContain('A password (local account)');
  expect(text).toMatch(/Last sign-in\d{4}-\d\d-\d\d \d\d:\d\d UTC/);

  const form = page.getByRole('form', { name: 'Change password' });
  const change = async (current: string, next: string, confirm = next) => {
    await form.getByLabel('Current password').fill(current);
    await form.getByLabel('New password', { exact: true }).fill(next);
    await form.getByLabel('New password again').fill(confirm);
    await form.getByRole('button', { name: 'Change password' }).click();
  };

  // Typed differently twice: the form says so before the API sees anything.
  await change(PAT.password, PAT.newPassword, `${PAT.newPassword}!`);
  await expectText(visible(page, '#password-confirm-error'), 'The two passwords are not the same.');

  await change('not pat’s password', PAT.newPassword);
  await expectText(
    visible(page, '#password-form-error'),
    'Not changed: The current password is wrong.',
  );
  // No password comes back into the page.
  for (const label of ['Current password', 'New password', 'New password again']) {
    expect(await form.getByLabel(label, { exact: true }).inputValue()).toBe('');
  }
  expect(await page.content()).not.toContain(PAT.newPassword);
  await saveScreenshot(page, 'account');

  await change(PAT.password, PAT.newPassword);
  await expectText(
    visible(page, '[data-form-done]'),
    'Password changed; your other sessions were signed out.',
  );
  expect(await page.content()).not.toContain(PAT.newPassword);
  // This browser stays signed in; the other session has ended.
  await page.reload();
  await expectText(page.locator('[data-account] [data-username]'), PAT.username);
  const other = await fetch(`${dashboard.session.api.url}/api/clusters`, {
    headers: { cookie: elsewhere },
  });
  expect(other.status).toBe(401);
  await expectNoApiError(page);

  await signOutThroughThePage(page, web());
  await signInThroughThePage(page, PAT);
  await expectText(
    visible(page, '#login-form-error'),
    'Not signed in: Wrong username or password.',
  );
  await signInThroughThePage(page, { username: PAT.username, password: PAT.newPassword });
  await page.waitForURL(`${web()}/`);
  await expectText(page.locator('[data-account] [data-username]'), PAT.username);
  await page.close();
}, 90_000);
