'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import styles from './status-page.module.css';

/**
 * An unexpected failure while rendering a page (the API being down is not one: the page shows
 * that itself). Next logs the error on the server; the digest ties this screen to that log line.
 */
export default function ErrorPage({
  error,
  reset,
}: {
  readonly error: Error & { digest?: string };
  readonly reset: () => void;
}) {
  const router = useRouter();
  const [retrying, startTransition] = useTransition();
  return (
    <section className={styles.box} role="alert" aria-labelledby="error-title">
      <h1 id="error-title">Something went wrong</h1>
      <p>This page could not be shown. Trying again usually helps if the API was restarting.</p>
      {error.digest ? (
        <p className={styles.muted}>
          Reference for the server log: <code>{error.digest}</code>
        </p>
      ) : null}
      <button
        type="button"
        className={styles.button}
        disabled={retrying}
        onClick={() =>
          startTransition(() => {
            // Re-fetch the server components, then re-render this segment.
            router.refresh();
            reset();
          })
        }
      >
        {retrying ? 'Trying again…' : 'Try again'}
      </button>
    </section>
  );
}
