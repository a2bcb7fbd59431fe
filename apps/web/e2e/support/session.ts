import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import {
  apiAuthHeaders,
  E2E_ADMIN,
  freePort,
  removeDir,
  startApi,
  startWeb,
  waitFor,
  type Server,
} from './processes';

/**
 * The built API (embedded PostgreSQL, demo cluster) and the built dashboard in child processes,
 * with Chromium, for one spec file. The demo story loops (a step every 5 s / DEMO_SPEED):
 * analytics/report-api is deployed without a policy, then protected; shop's default deny is
 * deleted, exposing shop/mailer; at the end everything is reset and the story starts again.
 */

export const DEMO_SPEED = 4;
/** One loop of the story at DEMO_SPEED (8 steps) and some slack. */
export const STORY_LOOP_MS = (8 * 5_000) / DEMO_SPEED + 5_000;
export const SCREENSHOTS = path.resolve(__dirname, '../../../../docs/screenshots');

export interface DashboardSession {
  readonly api: Awaited<ReturnType<typeof startApi>>;
  readonly web: Server;
  readonly context: BrowserContext;
  /** The demo cluster's id, once its first snapshot is stored. */
  readonly clusterId: string;
  newPage(): Promise<Page>;
  /** The spec's own call to the API, with the bootstrap admin token (`Authorization: Bearer`). */
  apiFetch(path: string, init?: RequestInit): Promise<Response>;
  /** A page or route of the dashboard as the signed-in admin's browser asks it (its cookies). */
  webFetch(path: string, init?: RequestInit): Promise<Response>;
  /** Stops the API and starts it again on the same port and data (a lost connection). */
  restartApi(stopped?: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/** A browser cookie as the API set it (Set-Cookie), for BrowserContext.addCookies. */
export interface SessionCookie {
  readonly name: string;
  readonly value: string;
  readonly httpOnly: boolean;
  readonly expires: number;
}

/** Signs in at the API (POST /api/auth/login) and answers the session's cookies. */
export async function apiSignIn(
  apiUrl: string,
  credentials: { readonly username: string; readonly password: string } = E2E_ADMIN,
): Promise<SessionCookie[]> {
  const response = await fetch(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (response.status !== 200) {
    throw new Error(
      `signing in as ${credentials.username} failed: HTTP ${response.status} ${await response.text()}`,
    );
  }
  return response.headers.getSetCookie().map((header) => {
    const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
    const equals = pair.indexOf('=');
    const expires = attributes.find((a) => /^expires=/i.test(a))?.slice('expires='.length);
    return {
      name: pair.slice(0, equals),
      value: decodeURIComponent(pair.slice(equals + 1)),
      httpOnly: attributes.some((a) => a.toLowerCase() === 'httponly'),
      expires: expires ? Math.floor(Date.parse(expires) / 1000) : -1,
    };
  });
}

/** Gives the browser the session's cookies for the dashboard's address. */
export async function addSessionCookies(
  context: BrowserContext,
  webUrl: string,
  cookies: readonly SessionCookie[],
): Promise<void> {
  await context.addCookies(
    cookies.map((c) => ({
      name: c.name,
      value: c.value,
      url: webUrl,
      httpOnly: c.httpOnly,
      sameSite: 'Lax' as const,
      expires: c.expires,
    })),
  );
}

/** The `Cookie` header a browser with these cookies sends. */
export const cookieHeader = (cookies: readonly SessionCookie[]) =>
  cookies.map((c) => `${c.name}=${encodeURIComponent(c.value)}`).join('; ');

export interface DashboardOptions {
  /** false: the browser starts signed out. */
  readonly signedIn?: boolean;
  /** false: the API starts without an admin account (it prints a setup token); signed out. */
  readonly firstAdmin?: boolean;
  /** More of the API's settings (LOGIN_MAX_FAILURES, ...). */
  readonly apiEnv?: Readonly<Record<string, string>>;
}

/**
 * Starts the API, the dashboard and Chromium. The browser is signed in as the e2e admin (the
 * API's own login; the sign-in page itself is tested in sign-in.spec.ts) unless told otherwise.
 */
export async function startDashboard(options: DashboardOptions = {}): Promise<DashboardSession> {
  const firstAdmin = options.firstAdmin !== false;
  // The dashboard's port first: the API is told the dashboard's address (PALISADE_PUBLIC_URL).
  const webPort = await freePort();
  const publicUrl = `http://127.0.0.1:${webPort}`;
  const apiOptions = {
    demoSpeed: DEMO_SPEED,
    publicUrl,
    firstAdmin,
    ...(options.apiEnv && { env: options.apiEnv }),
  };
  let api = await startApi(apiOptions);
  let web: Server | undefined;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let clusterId: string;
  let cookies: SessionCookie[];
  try {
    web = await startWeb(api.url, webPort);
    browser = await launchBrowser();
    const apiUrl = api.url;
    clusterId = await waitFor('the demo cluster to have a snapshot', async () => {
      const body = (await (
        await fetch(`${apiUrl}/api/clusters`, { headers: apiAuthHeaders })
      ).json()) as {
        items: { id: string; name: string; lastSnapshotAt: string | null }[];
      };
      // The main demo cluster (the Cilium one beside it has other namespaces).
      return body.items.find((c) => c.name === 'demo' && c.lastSnapshotAt !== null)?.id;
    });
    cookies = firstAdmin ? await apiSignIn(apiUrl) : [];
    if (firstAdmin && options.signedIn !== false) {
      await addSessionCookies(browser.context, web.url, cookies);
    }
  } catch (error) {
    // Leave no process behind when the session cannot start (no browser, a port taken, ...).
    await browser?.close();
    await web?.stop();
    await api.stop();
    removeDir(api.dataDir);
    throw error;
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  const started = { web, browser };
  return {
    get api() {
      return api;
    },
    web: started.web,
    context: started.browser.context,
    clusterId,
    async newPage() {
      const page = await started.browser.context.newPage();
      page.setDefaultTimeout(15_000);
      return page;
    },
    apiFetch(path, init = {}) {
      return fetch(`${api.url}${path}`, {
        ...init,
        headers: { ...apiAuthHeaders, ...(init.headers as Record<string, string> | undefined) },
      });
    },
    webFetch(path, init = {}) {
      return fetch(`${started.web.url}${path}`, {
        ...init,
        headers: {
          ...(cookies.length > 0 && { cookie: cookieHeader(cookies) }),
          ...(init.headers as Record<string, string> | undefined),
        },
      });
    },
    async restartApi(stopped) {
      const { port, dataDir } = api;
      await api.stop();
      await stopped?.();
      api = await startApi({ ...apiOptions, port, dataDir });
    },
    async close() {
      await started.browser.close();
      await started.web.stop();
      await api.stop();
      removeDir(api.dataDir);
    },
  };
}

/** Marks the document; a reload or a full navigation loses the mark. */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
  });
}

export async function sameDocument(page: Page): Promise<boolean> {
  return page.evaluate(
    () => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true,
  );
}

/** Waits until the locator's trimmed text is exactly `text`. */
export async function expectText(locator: Locator, text: string, timeout = 15_000): Promise<void> {
  await waitFor(
    `"${text}"`,
    async () => (((await locator.textContent()) ?? '').trim() === text ? true : undefined),
    timeout,
  ).catch(async (error: Error) => {
    throw new Error(`${error.message}; the text is "${(await locator.textContent())?.trim()}"`);
  });
}

/** No region of the page reports that the API failed. */
export async function expectNoApiError(page: Page): Promise<void> {
  expect(await page.getByText(/The Palisade API (answered|could not|gave)/).count()).toBe(0);
}

/** Saves a full-page screenshot for the README, once the page's live connection is up. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const indicator = page.locator('[data-connection]:visible').first();
  if ((await indicator.count()) > 0) await expectText(indicator, 'Live');
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * One dashboard session for the spec file: started before its tests, closed after them. Read
 * its fields inside tests (they exist once `beforeAll` has run).
 */
export function dashboardForThisFile(options: DashboardOptions = {}): {
  readonly session: DashboardSession;
  readonly clusterId: string;
  readonly web: { readonly url: string };
  newPage(): Promise<Page>;
} {
  let session: DashboardSession | undefined;
  beforeAll(async () => {
    session = await startDashboard(options);
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  }, 60_000);
  const started = (): DashboardSession => {
    if (!session) throw new Error('the dashboard session has not started (use it inside a test)');
    return session;
  };
  return {
    get session() {
      return started();
    },
    get clusterId() {
      return started().clusterId;
    },
    get web() {
      return started().web;
    },
    newPage: () => started().newPage(),
  };
}
