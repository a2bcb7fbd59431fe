import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { removeDir } from './processes';

/** Debian's Chromium with the flags that work on these machines (docs/environment.md, "Browsers"). */
export async function launchBrowser(): Promise<{
  context: BrowserContext;
  close: () => Promise<void>;
}> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'palisade-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      removeDir(userDataDir);
    },
  };
}

/** The visible copies of `selector` (a streamed page may hold a hidden one too). */
export const visible = (page: Page, selector: string): Locator =>
  page.locator(`${selector}:visible`);

/**
 * No script file loads in this page from now on: its forms post to their server actions as
 * plain HTML forms. The cache is off too, so scripts that earlier tests cached cannot slip past.
 */
export async function withoutJavaScript(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.route(/\.js(\?.*)?$/, (route) => route.abort());
}
