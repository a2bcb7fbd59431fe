'use client';

import { usePathname } from 'next/navigation';
import { loginHref } from '../auth/return-to';
import { CONNECTION_LABELS, type ConnectionState } from './live-socket';

/** The live connection's state in words; once the session has ended, the way to sign in again. */
export function ConnectionLabel({ connection }: { readonly connection: ConnectionState }) {
  const pathname = usePathname();
  return (
    <>
      {CONNECTION_LABELS[connection]}
      {connection === 'signed-out' ? (
        <>
          {' '}
          <a href={loginHref(pathname)}>Sign in again</a>
        </>
      ) : null}
    </>
  );
}
