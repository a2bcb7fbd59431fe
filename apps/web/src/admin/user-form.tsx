'use client';

import { ROLES } from '@palisade/api-contract';
import { useActionState } from 'react';
import styles from '../alerts/alerts.module.css';
import { describedBy, FieldMessages, FormError, InputField, kept } from '../alerts/form-parts';
import { INITIAL_FORM_STATE } from '../alerts/form-state';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '../auth/roles';
import { MIN_PASSWORD_LENGTH } from '../auth/sign-in-messages';
import dashboard from '../components/dashboard.module.css';
import { createUser } from './actions';

const P = 'user';

/** Adds a user who signs in with a password (single sign-on users are added at their first sign-in). */
export function UserForm() {
  const [state, action, saving] = useActionState(createUser, INITIAL_FORM_STATE);
  return (
    <form
      key={state.attempt}
      action={action}
      className={styles.form}
      aria-labelledby={`${P}-form-title`}
      {...(state.error ? { 'aria-describedby': `${P}-form-error` } : {})}
    >
      <h3 id={`${P}-form-title`}>Add a user</h3>
      <FormError id={`${P}-form-error`} state={state} />
      {state.done ? (
        <p role="status" className={styles.hint}>
          {state.done}
        </p>
      ) : null}
      <div className={styles.row}>
        <InputField
          state={state}
          idPrefix={P}
          name="username"
          label="Username"
          autoComplete="off"
          required
        />
        <InputField state={state} idPrefix={P} name="name" label="Full name (optional)" />
        <InputField state={state} idPrefix={P} name="email" label="Email (optional)" type="email" />
      </div>
      <div className={styles.row}>
        <InputField
          state={state}
          idPrefix={P}
          name="password"
          label="Password"
          type="password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters; tell it to the user safely.`}
          minLength={MIN_PASSWORD_LENGTH}
          autoComplete="new-password"
          required
        />
        <div className={styles.field}>
          <label htmlFor={`${P}-role`}>Role</label>
          <select
            id={`${P}-role`}
            name="role"
            defaultValue={kept(state, 'role', 'viewer')}
            {...describedBy(state, 'role', P, true)}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
          <FieldMessages
            state={state}
            field="role"
            idPrefix={P}
            hint="Viewer: reads. Operator: also acknowledges alerts, exceptions, reports. Admin: everything."
          />
        </div>
      </div>
      <details>
        <summary>What each role may do</summary>
        <ul>
          {ROLES.map((role) => (
            <li key={role}>
              <strong>{ROLE_LABELS[role]}</strong>: {ROLE_DESCRIPTIONS[role]}.
            </li>
          ))}
        </ul>
      </details>
      <div className={styles.actions}>
        <button type="submit" className={dashboard.primaryButton} disabled={saving}>
          {saving ? 'Adding…' : 'Add user'}
        </button>
      </div>
    </form>
  );
}
