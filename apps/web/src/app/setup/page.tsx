import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import auth from '../../auth/auth.module.css';
import { LOGIN_PATH } from '../../auth/return-to';
import { SetupForm } from '../../auth/setup-form';
import { SignedInNotice } from '../../auth/signed-in-notice';
import { ApiUnavailable } from '../../components/api-unavailable';
import { getSession } from '../../data-access/session';

export const metadata: Metadata = { title: 'Set up' };

/** The first administrator, created with the one-time setup token the API prints at start. */
export default async function SetupPage() {
  await connection();
  const session = await getSession();
  if (!session.ok) return <ApiUnavailable error={session.error} />;
  const info = session.data;
  return (
    <section className={auth.card} aria-labelledby="setup-title">
      <h1 id="setup-title">Set up Palisade</h1>
      {info.authenticated ? (
        <SignedInNotice session={info} next="/" />
      ) : info.setupRequired ? (
        <>
          <p className={auth.lead}>
            Create the first administrator. The API printed a one-time setup token in its log (
            <code>no admin yet: open …/setup and use the one-time setup token …</code>).
          </p>
          <SetupForm />
        </>
      ) : (
        <p className={auth.notice}>
          Palisade already has an administrator. <Link href={LOGIN_PATH}>Sign in</Link>; an
          administrator adds other users under Admin.
        </p>
      )}
    </section>
  );
}
