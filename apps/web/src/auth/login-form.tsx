'use client';

import { useActionState } from 'react';
import { ActionForm, InputField } from '../alerts/form-parts';
import { INITIAL_FORM_STATE } from '../alerts/form-state';
import { UsernameField } from './account-fields';
import { signIn } from './actions';

const P = 'login';

/** Username and password; posts to the server action, so it works before (or without) JavaScript. */
export function LoginForm({ returnTo }: { readonly returnTo: string }) {
  const [state, action, signingIn] = useActionState(signIn, INITIAL_FORM_STATE);
  return (
    <ActionForm
      state={state}
      action={action}
      pending={signingIn}
      idPrefix={P}
      label="Username and password"
      errorTitle="Not signed in:"
      submit={['Sign in', 'Signing in…']}
      wide
    >
      <input type="hidden" name="returnTo" value={returnTo} />
      <UsernameField state={state} idPrefix={P} />
      <InputField
        state={state}
        idPrefix={P}
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
      />
    </ActionForm>
  );
}
