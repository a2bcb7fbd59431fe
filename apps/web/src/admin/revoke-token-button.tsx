'use client';

import { useActionState } from 'react';
import styles from '../alerts/alerts.module.css';
import { RowError } from '../alerts/form-parts';
import { INITIAL_FORM_STATE } from '../alerts/form-state';
import { revokeToken } from './actions';

/** Revokes one token: scripts using it get 401 from then on. */
export function RevokeTokenButton({ id, name }: { readonly id: string; readonly name: string }) {
  const [state, action, pending] = useActionState(revokeToken, INITIAL_FORM_STATE);
  return (
    <form key={state.attempt} action={action} className={styles.cellActions}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" className={styles.dangerButton} disabled={pending}>
        Revoke<span className="visually-hidden"> {name}</span>
      </button>
      <RowError state={state} />
    </form>
  );
}
