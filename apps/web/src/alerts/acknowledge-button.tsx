'use client';

import { useActionState } from 'react';
import { acknowledgeAlert } from './actions';
import styles from './alerts.module.css';
import { RowError } from './form-parts';
import { INITIAL_FORM_STATE } from './form-state';

/** Acknowledges one alert; the list re-renders with who did it. */
export function AcknowledgeButton({
  id,
  subject,
}: {
  readonly id: string;
  readonly subject: string;
}) {
  const [state, action, pending] = useActionState(acknowledgeAlert, INITIAL_FORM_STATE);
  return (
    <form key={state.attempt} action={action} className={styles.cellActions}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" className={styles.button} disabled={pending}>
        {pending ? 'Acknowledging…' : 'Acknowledge'}
        <span className="visually-hidden"> the alert about {subject}</span>
      </button>
      <RowError state={state} />
    </form>
  );
}
