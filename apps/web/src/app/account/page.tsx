import type { Metadata } from 'next';
import { connection } from 'next/server';
import alerts from '../../alerts/alerts.module.css';
import { AccountDetails } from '../../auth/account-details';
import auth from '../../auth/auth.module.css';
import { signedInPage } from '../../auth/page-access';
import { PasswordForm } from '../../auth/password-form';
import dashboard from '../../components/dashboard.module.css';

export const metadata: Metadata = { title: 'Your account' };

/**
 * The signed-in user's own account, for every role: who they are, and for a local account a
 * new password. A single sign-on account's password lives at the identity provider.
 */
export default async function AccountPage() {
  await connection();
  const reader = await signedInPage();
  if (!reader.allowed) return reader.page;
  const { user, token } = reader.session;
  return (
    <>
      <h1 className={alerts.title}>Your account</h1>
      {user ? (
        <>
          <section aria-labelledby="account-title" className={dashboard.section}>
            <h2 id="account-title">Account details</h2>
            <AccountDetails user={user} />
          </section>
          <section aria-label="Password" className={dashboard.section}>
            {user.source === 'local' ? (
              <PasswordForm />
            ) : (
              <p className={auth.notice} data-password-elsewhere>
                Your password is managed by your identity provider: change it there.
              </p>
            )}
          </section>
        </>
      ) : (
        <p className={auth.notice}>
          This browser is signed in with the API token {token?.name ?? ''}: a token has no account
          or password of its own.
        </p>
      )}
    </>
  );
}
