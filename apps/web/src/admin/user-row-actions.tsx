'use client';

import { ROLES, type UserItem } from '@palisade/api-contract';
import { useActionState } from 'react';
import styles from '../alerts/alerts.module.css';
import { RowError } from '../alerts/form-parts';
import { INITIAL_FORM_STATE } from '../alerts/form-state';
import { ROLE_LABELS } from '../auth/roles';
import { changeUser } from './actions';
import admin from './admin.module.css';

/**
 * One user's changes in one form: the role select with its button, disable or enable, delete.
 * The pressed button's `intent` says which; a refusal (the last admin) shows in the row.
 */
export function UserRowActions({ user }: { readonly user: UserItem }) {
  const [state, action, pending] = useActionState(changeUser, INITIAL_FORM_STATE);
  const id = `user-${user.id}`;
  return (
    <form key={state.attempt} action={action} className={admin.rowActions} aria-busy={pending}>
      <input type="hidden" name="id" value={user.id} />
      <label htmlFor={`${id}-role`} className="visually-hidden">
        Role of {user.username}
      </label>
      <select id={`${id}-role`} name="role" defaultValue={user.role}>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </select>
      <button type="submit" name="intent" value="role" className={styles.button} disabled={pending}>
        Change role<span className="visually-hidden"> of {user.username}</span>
      </button>
      <button
        type="submit"
        name="intent"
        value={user.disabled ? 'enable' : 'disable'}
        className={styles.button}
        disabled={pending}
      >
        {user.disabled ? 'Enable' : 'Disable'}
        <span className="visually-hidden"> {user.username}</span>
      </button>
      <button
        type="submit"
        name="intent"
        value="delete"
        className={styles.dangerButton}
        disabled={pending}
      >
        Delete<span className="visually-hidden"> {user.username}</span>
      </button>
      <RowError state={state} />
    </form>
  );
}
