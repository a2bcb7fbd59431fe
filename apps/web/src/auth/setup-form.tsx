'use client';

import { useActionState } from 'react';
import { ActionForm, InputField } from '../alerts/form-parts';
import { INITIAL_FORM_STATE } from '../alerts/form-state';
import { NewPasswordFields, UsernameField } from './account-fields';
import { setUp } from './actions';

const P = 'setup';

/** Creates the first administrator with the one-time token the API printed, and signs them in. */
export function SetupForm() {
  const [state, action, saving] = useActionState(setUp, INITIAL_FORM_STATE);
  return (
    <ActionForm
      state={state}
      action={action}
      pending={saving}
      idPrefix={P}
      label="Create the first administrator"
      errorTitle="Not set up:"
      submit={['Create the administrator and sign in', 'Creating…']}
      wide
    >
      <InputField
        state={state}
        idPrefix={P}
        name="setupToken"
        label="Setup token"
        hint="Printed by the API at start while no administrator exists."
        autoComplete="off"
        required
      />
      <UsernameField state={state} idPrefix={P} />
      <InputField
        state={state}
        idPrefix={P}
        name="name"
        label="Full name (optional)"
        autoComplete="name"
      />
      <NewPasswordFields state={state} idPrefix={P} />
    </ActionForm>
  );
}
