import {
  untrimmed,
  type BodyResult,
  type FieldError,
  type FormFields,
} from '../alerts/form-bodies';
import { passwordProblems, tooManyAttempts, type Refusal } from './sign-in-messages';

/** The signed-in user's own password (POST /api/auth/password); their other sessions end. */
export const PASSWORD_PATH = '/api/auth/password';

export const PASSWORD_CHANGED = 'Password changed; your other sessions were signed out.';

export interface PasswordChangeBody {
  readonly currentPassword: string;
  readonly newPassword: string;
}

/**
 * The account page's form -> the API's body, once the new password is long enough and typed
 * the same twice (`confirm` is the form's own check, never sent). Passwords are not trimmed.
 */
export function passwordChangeOf(form: FormFields): BodyResult<PasswordChangeBody> {
  const currentPassword = untrimmed(form, 'currentPassword');
  const newPassword = untrimmed(form, 'newPassword');
  const errors = [
    ...(currentPassword
      ? []
      : [{ field: 'currentPassword', message: 'Enter your current password.' }]),
    ...passwordProblems(newPassword, untrimmed(form, 'confirm'), 'newPassword'),
  ];
  return errors.length > 0
    ? { ok: false, errors }
    : { ok: true, body: { currentPassword, newPassword } };
}

/** What the form says when the API refuses, and which fields it is about. */
export function passwordChangeError(refusal: Refusal): {
  message: string;
  fields: readonly FieldError[];
} {
  switch (refusal.code) {
    case 'invalid-credentials':
      return {
        message: 'The current password is wrong.',
        fields: [{ field: 'currentPassword', message: 'Not your current password.' }],
      };
    case 'too-many-attempts':
      return { message: tooManyAttempts('password attempts', refusal), fields: [] };
    default:
      // A 400 names its fields (a new password too short); without fields it is the API's
      // reason in its words (a single sign-on account has no password here).
      return refusal.fields && refusal.fields.length > 0
        ? { message: 'Check the highlighted fields.', fields: refusal.fields }
        : { message: sentence(refusal.message), fields: [] };
  }
}

const sentence = (text: string) =>
  `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;
