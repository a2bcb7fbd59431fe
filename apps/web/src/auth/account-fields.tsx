import { InputField } from '../alerts/form-parts';
import type { FormState } from '../alerts/form-state';
import { MIN_PASSWORD_LENGTH } from './sign-in-messages';

/** The signed-in browser's own username (sign-in, setup): the password manager fills it. */
export function UsernameField({
  state,
  idPrefix,
}: {
  readonly state: FormState;
  readonly idPrefix: string;
}) {
  return (
    <InputField
      state={state}
      idPrefix={idPrefix}
      name="username"
      label="Username"
      autoComplete="username"
      required
    />
  );
}

/**
 * A new password and the same again (`confirm`), which the server action compares before the
 * API sees either. Both start empty after every answer: a password is never sent back.
 */
export function NewPasswordFields({
  state,
  idPrefix,
  name = 'password',
  label = 'Password',
}: {
  readonly state: FormState;
  readonly idPrefix: string;
  /** The body's field: setup's `password`, the account page's `newPassword`. */
  readonly name?: string;
  readonly label?: string;
}) {
  return (
    <>
      <InputField
        state={state}
        idPrefix={idPrefix}
        name={name}
        label={label}
        type="password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        minLength={MIN_PASSWORD_LENGTH}
        autoComplete="new-password"
        required
      />
      <InputField
        state={state}
        idPrefix={idPrefix}
        name="confirm"
        label={`${label} again`}
        type="password"
        autoComplete="new-password"
        required
      />
    </>
  );
}
