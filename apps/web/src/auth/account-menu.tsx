import type { SessionInfo } from '@palisade/api-contract';
import Link from 'next/link';
import alerts from '../alerts/alerts.module.css';
import { signOut } from './actions';
import auth from './auth.module.css';
import { whoOf } from './signed-in-notice';

/**
 * Who is signed in, with which role, their account page and the way out. Sign-out is a form: it
 * works without JavaScript.
 */
export function AccountMenu({
  session,
}: {
  readonly session: Extract<SessionInfo, { authenticated: true }>;
}) {
  return (
    <div className={auth.account} data-account={session.role}>
      <span className={auth.who}>
        Signed in as <strong data-username>{whoOf(session)}</strong>{' '}
        <span data-role>({session.role})</span>
      </span>
      {session.user ? (
        <Link href="/account" data-account-link>
          Your account
        </Link>
      ) : null}
      <form action={signOut}>
        <button type="submit" className={alerts.button}>
          Sign out
        </button>
      </form>
    </div>
  );
}
