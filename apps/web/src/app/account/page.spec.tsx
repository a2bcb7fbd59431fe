import type { SessionInfo } from '@palisade/api-contract';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ApiResult } from '../../data-access/api-result';
import { SESSION_UNREACHABLE, signedInAs, userItem } from '../../testing/auth-fixtures';
import { readerText } from '../../testing/reader-text';
import AccountPage from './page';

let session: ApiResult<SessionInfo>;
jest.mock('../../data-access/session', () => ({ getSession: async () => session }));
jest.mock('next/server', () => ({ connection: async () => undefined }));
// The form posts to a server action; rendering it never calls the action.
jest.mock('../../auth/actions', () => ({ changePassword: jest.fn(), signOut: jest.fn() }));

async function render(): Promise<string> {
  return renderToStaticMarkup(await AccountPage());
}

describe('the account page', () => {
  it('shows who the user is and, for a local account, the password form', async () => {
    session = {
      ok: true,
      data: signedInAs(
        userItem({
          name: 'Olga Operator',
          email: 'olga@example.com',
          lastSignInAt: '2026-11-27T08:30:12.000Z',
        }),
      ),
    };
    const html = await render();
    const shown = readerText(html);
    expect(shown).toContain('Username olga');
    expect(shown).toContain('Name Olga Operator');
    expect(shown).toContain('Email olga@example.com');
    expect(shown).toMatch(/Role Operator: also acknowledges alerts/);
    expect(shown).toContain('Signs in with A password (local account)');
    expect(shown).toContain('Last sign-in 2026-11-27 08:30 UTC');
    for (const name of ['currentPassword', 'newPassword', 'confirm']) {
      expect(html).toMatch(new RegExp(`<input(?=[^>]*name="${name}")(?=[^>]*type="password")`));
    }
    expect(shown).not.toContain('identity provider');
  });

  it('sends a single sign-on user to their identity provider instead of a password form', async () => {
    session = { ok: true, data: signedInAs(userItem({ source: 'oidc' })) };
    const html = await render();
    expect(readerText(html)).toContain('Signs in with Single sign-on');
    expect(readerText(html)).toContain('Your password is managed by your identity provider');
    expect(html).not.toContain('type="password"');
  });

  it('says what is missing when the user never signed in and has no name or email', async () => {
    session = { ok: true, data: signedInAs(userItem()) };
    const shown = readerText(await render());
    expect(shown).toContain('Name Not set');
    expect(shown).toContain('Email Not set');
    expect(shown).toContain('Last sign-in Never');
  });

  it("shows the API's problem when it cannot say who is signed in", async () => {
    session = SESSION_UNREACHABLE;
    expect(readerText(await render())).toContain('The Palisade API could not be reached');
  });
});
