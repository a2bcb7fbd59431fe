import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { first, type SearchParams } from '../../alerts/alerts-url';
import alerts from '../../alerts/alerts.module.css';
import auth from '../../auth/auth.module.css';
import { LoginForm } from '../../auth/login-form';
import { oidcLoginHref, safeReturnTo, SETUP_PATH } from '../../auth/return-to';
import { SignedInNotice } from '../../auth/signed-in-notice';
import { getSession } from '../../data-access/session';

export const metadata: Metadata = { title: 'Sign in' };

/**
 * The sign-in page: a local username and password, and the identity provider's button when
 * single sign-on is configured. `returnTo` is where the browser was going; `error` is what the
 * identity provider's callback reported.
 */
export default async function LoginPage({
  searchParams,
}: {
  readonly searchParams: Promise<SearchParams>;
}) {
  await connection();
  const search = await searchParams;
  const returnTo = safeReturnTo(first(search['returnTo']));
  const ssoError = first(search['error']);
  const session = await getSession();
  const info = session.ok ? session.data : undefined;
  return (
    <section className={auth.card} aria-labelledby="login-title">
      <h1 id="login-title">Sign in to Palisade</h1>
      {info?.authenticated ? (
        <SignedInNotice session={info} next={returnTo} />
      ) : (
        <>
          <p className={auth.lead}>Network isolation audit for your Kubernetes clusters.</p>
          {ssoError ? (
            <div className={alerts.formError} role="alert">
              <p>
                <strong>Single sign-on failed:</strong> {ssoError}
              </p>
            </div>
          ) : null}
          {!session.ok ? (
            <p className={auth.notice} role="alert">
              The Palisade API could not be asked who you are ({session.error.url}): signing in may
              fail until it is back.
            </p>
          ) : null}
          {info?.setupRequired ? (
            <p className={auth.notice}>
              No administrator yet. <Link href={SETUP_PATH}>Set up Palisade</Link> with the one-time
              token the API printed in its log.
            </p>
          ) : null}
          <LoginForm returnTo={returnTo} />
          {info?.methods.oidc ? (
            <>
              <p className={auth.divider}>or</p>
              {/* An API route (a redirect to the identity provider), not a page of this app. */}
              <a className={auth.sso} href={oidcLoginHref(returnTo)}>
                Sign in with {info.methods.oidc.label}
              </a>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
