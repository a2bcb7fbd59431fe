import type { Page } from 'playwright-core';

/** Types the credentials into the sign-in page's form and sends it. */
export async function signInThroughThePage(
  page: Page,
  credentials: { readonly username: string; readonly password: string },
): Promise<void> {
  await page.getByLabel('Username', { exact: true }).fill(credentials.username);
  await page.getByLabel('Password', { exact: true }).fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The header's Sign out, then the sign-in page. */
export async function signOutThroughThePage(page: Page, webUrl: string): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(`${webUrl}/login`);
  await page.getByRole('heading', { name: 'Sign in to Palisade' }).waitFor();
}
