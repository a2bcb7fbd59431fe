import type { SessionInfo } from '@palisade/api-contract';
import Link from 'next/link';
import dashboard from '../components/dashboard.module.css';
import { signOut } from './actions';
import auth from './auth.module.css';

/** On the sign-in and setup pages when a session exists: go on, or sign out to switch users. */
export function SignedInNotice({
  session,
  next,
}: {
  readonly session: Extract<SessionInfo, { authenticated: true }>;
  readonly next: string;
}) {
  return (
    <div className={auth.notice} role="status">
      <p>
        You are signed in as <strong>{whoOf(session)}</strong> ({session.role}).
      </p>
      <p>
        <Link href={next}>Continue to the dashboard</Link>
      </p>
      <form action={signOut}>
        <button type="submit" className={dashboard.primaryButton}>
          Sign out to switch users
        </button>
      </form>
    </div>
  );
}

/** The user's name for the header: the username, or the API token's name. */
export function whoOf(session: Extract<SessionInfo, { authenticated: true }>): string {
  return session.user?.username ?? (session.token ? `token ${session.token.name}` : 'unknown');
}
