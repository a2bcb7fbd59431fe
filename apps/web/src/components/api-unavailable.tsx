import type { ApiFailure } from '../data-access/api-result';
import { DEFAULT_API_URL } from '../config/web-config';
import styles from './clusters.module.css';

/** What went wrong talking to the API, and what to do about it. */
export function ApiUnavailable({ error }: { readonly error: ApiFailure }) {
  if (error.kind === 'forbidden') return <Forbidden role={error.role} message={error.message} />;
  return (
    <section className={styles.problem} role="alert" aria-labelledby="api-problem-title">
      <h2 id="api-problem-title">{titleOf(error)}</h2>
      <p>
        The dashboard asked <code>{error.url}</code> and {detailOf(error)}.
      </p>
      {error.kind === 'unreachable' ? (
        <>
          <p>Start the API and this dashboard together from the repository root:</p>
          <pre className={styles.command}>
            <code>npm start</code>
          </pre>
          <p>
            If the API runs elsewhere, start the dashboard with <code>API_URL</code> set to its
            address (default <code>{DEFAULT_API_URL}</code>).
          </p>
        </>
      ) : error.kind === 'invalid-response' ? (
        <p>
          Check that <code>API_URL</code> points at the Palisade API.
        </p>
      ) : (
        <p>The API&apos;s own log has the details of this error.</p>
      )}
      <p>
        <a href="/">Try again</a>
      </p>
    </section>
  );
}

/** A 403: the reader's role may not see this; only an administrator can change that. */
export function Forbidden({
  role,
  message,
  what = 'see this page',
}: {
  readonly role: string | null;
  readonly message?: string;
  readonly what?: string;
}) {
  return (
    <section
      className={styles.problem}
      role="alert"
      aria-labelledby="forbidden-title"
      data-forbidden
    >
      <h2 id="forbidden-title">Not allowed for your role</h2>
      <p>
        Your role{role ? <> ({role})</> : null} cannot {what}
        {message ? <>: {message.replace(/\.$/, '')}</> : null}.
      </p>
      <p>Ask an administrator for a role that can.</p>
    </section>
  );
}

function titleOf(error: Exclude<ApiFailure, { kind: 'forbidden' }>): string {
  switch (error.kind) {
    case 'unreachable':
      return 'The Palisade API could not be reached';
    case 'http-error':
      return 'The Palisade API answered with an error';
    case 'invalid-response':
      return 'The Palisade API gave an unexpected answer';
  }
}

function detailOf(error: Exclude<ApiFailure, { kind: 'forbidden' }>): string {
  switch (error.kind) {
    case 'unreachable':
      return `got no answer (${error.reason})`;
    case 'http-error':
      return `got HTTP ${error.status}${error.message ? `: ${error.message}` : ''}`;
    case 'invalid-response':
      return `could not read the answer: ${error.reason}`;
  }
}
