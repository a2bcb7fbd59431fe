'use client';

import { ROLES } from '@palisade/api-contract';
import { useActionState } from 'react';
import styles from '../alerts/alerts.module.css';
import { ActionForm, InputField } from '../alerts/form-parts';
import { INITIAL_FORM_STATE } from '../alerts/form-state';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '../auth/roles';
import { MIN_PASSWORD_LENGTH } from '../auth/sign-in-messages';
import { createUser } from './actions';
import { RoleSelect } from './role-select';

const P = 'user';

/** Adds a user who signs in with a password (single sign-on users are added at their first sign-in). */
export function UserForm() {
  const [state, action, saving] = useActionState(createUser, INITIAL_FORM_STATE);
  return (
    <ActionForm
      state={state}
      action={action}
      pending={saving}
      idPrefix={P}
      title="Add a user"
      submit={['Add user', 'Adding…']}
    >
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
        <RoleSelect
          state={state}
          idPrefix={P}
          hint="Viewer: reads. Operator: also acknowledges alerts, exceptions, reports. Admin: everything."
        />
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
    </ActionForm>
  );
}
