'use client';

import { useActionState } from 'react';
import { ActionForm, InputField } from '../alerts/form-parts';
import { INITIAL_FORM_STATE } from '../alerts/form-state';
import { NewPasswordFields } from './account-fields';
import { changePassword } from './actions';

const P = 'password';

/**
 * A local account's new password, with the current one. Every field starts empty after each
 * answer: the action never sends a password back to the page.
 */
export function PasswordForm() {
  const [state, action, saving] = useActionState(changePassword, INITIAL_FORM_STATE);
  return (
    <ActionForm
      state={state}
      action={action}
      pending={saving}
      idPrefix={P}
      title="Change password"
      errorTitle="Not changed:"
      submit={['Change password', 'Changing…']}
    >
      <InputField
        state={state}
        idPrefix={P}
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
      />
      <NewPasswordFields state={state} idPrefix={P} name="newPassword" label="New password" />
    </ActionForm>
  );
}
