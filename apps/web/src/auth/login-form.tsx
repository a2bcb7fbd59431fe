'use client';

import { useActionState } from 'react';
import styles from '../alerts/alerts.module.css';
import { FormError, InputField } from '../alerts/form-parts';
import { INITIAL_FORM_STATE } from '../alerts/form-state';
import dashboard from '../components/dashboard.module.css';
import { signIn } from './actions';
import auth from './auth.module.css';

const P = 'login';

/** Username and password; posts to the server action, so it works before (or without) JavaScript. */
export function LoginForm({ returnTo }: { readonly returnTo: string }) {
  const [state, action, signingIn] = useActionState(signIn, INITIAL_FORM_STATE);
  return (
    <form
      key={state.attempt}
      action={action}
      className={styles.form}
      aria-label="Username and password"
      {...(state.error ? { 'aria-describedby': `${P}-form-error` } : {})}
    >
      <FormError id={`${P}-form-error`} state={state} title="Not signed in:" />
      <input type="hidden" name="returnTo" value={returnTo} />
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
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
      />
      <button
        type="submit"
        className={`${dashboard.primaryButton} ${auth.submit}`}
        disabled={signingIn}
      >
        {signingIn ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
