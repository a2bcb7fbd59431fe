'use client';

import { useActionState } from 'react';
import { testChannel, type TestState } from './actions';
import styles from './alerts.module.css';
import { describeTestResult } from './describe';

/** "Send test": sends one notification now and says how it went, beside the button. */
export function ChannelTest({ id, name }: { readonly id: string; readonly name: string }) {
  const [state, action, sending] = useActionState<TestState, FormData>(testChannel, {});
  const ok = state.result?.ok ?? (state.error ? false : undefined);
  return (
    <form action={action} className={styles.inline}>
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        className={styles.button}
        disabled={sending}
        aria-label={`Send a test to ${name}`}
      >
        {sending ? 'Sending…' : 'Send test'}
      </button>
      <output
        className={styles.testResult}
        aria-live="polite"
        data-test-result={ok === undefined ? undefined : ok ? 'ok' : 'failed'}
        {...(ok === undefined ? {} : { 'data-ok': String(ok) })}
      >
        {state.result
          ? describeTestResult(state.result)
          : state.error
            ? `Failed: ${state.error}`
            : ''}
      </output>
    </form>
  );
}
