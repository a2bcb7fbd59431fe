'use client';

import { useActionState } from 'react';
import styles from '../alerts/alerts.module.css';
import { FormError, InputField } from '../alerts/form-parts';
import { INITIAL_FORM_STATE } from '../alerts/form-state';
import dashboard from '../components/dashboard.module.css';
import { setUp } from './actions';
import auth from './auth.module.css';
import { MIN_PASSWORD_LENGTH } from './sign-in-messages';

const P = 'setup';

/** Creates the first administrator with the one-time token the API printed, and signs them in. */
export function SetupForm() {
  const [state, action, saving] = useActionState(setUp, INITIAL_FORM_STATE);
  return (
    <form
      key={state.attempt}
      action={action}
      className={styles.form}
      aria-label="Create the first administrator"
      {...(state.error ? { 'aria-describedby': `${P}-form-error` } : {})}
    >
      <FormError id={`${P}-form-error`} state={state} title="Not set up:" />
      <InputField
        state={state}
        idPrefix={P}
        name="setupToken"
        label="Setup token"
        hint="Printed by the API at start while no administrator exists."
        autoComplete="off"
        required
      />
      <InputField
        state={state}
        idPrefix={P}
        name="username"
        label="Username"
        autoComplete="username"
        required
      />
      <InputField
        state={state}
        idPrefix={P}
        name="name"
        label="Full name (optional)"
        autoComplete="name"
      />
      <InputField
        state={state}
        idPrefix={P}
        name="password"
        label="Password"
        type="password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        minLength={MIN_PASSWORD_LENGTH}
        autoComplete="new-password"
        required
      />
      <InputField
        state={state}
        idPrefix={P}
        name="confirm"
        label="Password again"
        type="password"
        autoComplete="new-password"
        required
      />
      <button
        type="submit"
        className={`${dashboard.primaryButton} ${auth.submit}`}
        disabled={saving}
      >
        {saving ? 'Creating…' : 'Create the administrator and sign in'}
      </button>
    </form>
  );
}
