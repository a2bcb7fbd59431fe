import type { SessionInfo } from '@palisade/api-contract';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ApiResult } from '../../data-access/api-result';
import { SESSION_UNREACHABLE, signedInAs, userItem } from '../../testing/auth-fixtures';
import { readerText } from '../../testing/reader-text';
import LoginPage from './page';

let session: ApiResult<SessionInfo>;
jest.mock('../../data-access/session', () => ({ getSession: async () => session }));
jest.mock('next/server', () => ({ connection: async () => undefined }));
// The form posts to a server action; rendering it never calls the action.
jest.mock('../../auth/actions', () => ({ signIn: jest.fn(), signOut: jest.fn() }));

const signedOut = (over: Partial<Extract<SessionInfo, { authenticated: false }>> = {}) => {
  session = {
    ok: true,
    data: {
      authenticated: false,
      setupRequired: false,
      methods: { local: true, oidc: null },
      ...over,
    },
  };
};

async function render(search: Record<string, string>): Promise<string> {
  return renderToStaticMarkup(await LoginPage({ searchParams: Promise.resolve(search) }));
}

describe('the sign-in page', () => {
  it('posts the username and password with the page to come back to', async () => {
    signedOut();
    const html = await render({ returnTo: '/alerts?status=firing' });
    expect(html).toContain('<input type="hidden" name="returnTo" value="/alerts?status=firing"/>');
    expect(html).toMatch(/<input(?=[^>]*name="username")(?=[^>]*autoComplete="username")[^>]*>/);
    expect(html).toMatch(/<input(?=[^>]*name="password")(?=[^>]*type="password")[^>]*>/);
    expect(html).not.toContain('/api/auth/oidc');
    expect(html).not.toContain('/setup');
  });

  it('never comes back to another site', async () => {
    signedOut();
    expect(await render({ returnTo: '//evil.example/x' })).toContain(
      '<input type="hidden" name="returnTo" value="/"/>',
    );
  });

  it("offers the identity provider's sign-in with the same page to come back to", async () => {
    signedOut({ methods: { local: true, oidc: { label: 'Okta' } } });
    const html = await render({ returnTo: '/reports' });
    expect(html).toContain('href="/api/auth/oidc/login?returnTo=%2Freports"');
    expect(readerText(html)).toContain('Sign in with Okta');
  });

  it("shows the identity provider's failure as text", async () => {
    signedOut({ methods: { local: true, oidc: { label: 'Okta' } } });
    const html = await render({ error: '<b>access denied</b>' });
    expect(readerText(html)).toContain('Single sign-on failed: &lt;b&gt;access denied&lt;/b&gt;');
  });

  it('sends the first visitor to set up Palisade while no admin exists', async () => {
    signedOut({ setupRequired: true });
    const html = await render({});
    expect(html).toContain('href="/setup"');
    expect(readerText(html)).toContain('No administrator yet.');
  });

  it('tells a signed-in visitor who they are instead of asking again', async () => {
    session = { ok: true, data: signedInAs(userItem()) };
    const html = await render({ returnTo: '/alerts' });
    expect(readerText(html)).toContain('You are signed in as olga (operator).');
    expect(html).toContain('href="/alerts"');
    expect(html).not.toContain('name="password"');
  });

  it('still offers the form when the API cannot say who is signed in', async () => {
    session = SESSION_UNREACHABLE;
    const html = await render({});
    expect(readerText(html)).toContain('could not be asked who you are');
    expect(html).toContain('name="password"');
  });
});
