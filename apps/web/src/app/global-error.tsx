'use client';

import './globals.css';

/** Replaces the root layout when the layout itself fails, so it brings its own <html>. */
export default function GlobalError({
  error,
  reset,
}: {
  readonly error: Error & { digest?: string };
  readonly reset: () => void;
}) {
  return (
    <html lang="en">
      <body>
        <main style={{ maxWidth: '44rem', margin: '3rem auto', padding: '0 1.5rem' }}>
          <h1>Palisade could not be shown</h1>
          <p>Something went wrong while rendering the dashboard.</p>
          {error.digest ? (
            <p>
              Reference for the server log: <code>{error.digest}</code>
            </p>
          ) : null}
          <button type="button" onClick={() => reset()}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
