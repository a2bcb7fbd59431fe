import type { Role } from '@palisade/api-contract';
import { text, untrimmed, type BodyResult, type FormFields } from '../alerts/form-bodies';
import { isRole } from '../auth/roles';
import { MIN_PASSWORD_LENGTH } from '../auth/sign-in-messages';

/**
 * Form data -> the bodies of POST /api/users, PATCH /api/users/:id and POST /api/tokens. The
 * API validates everything again; here only what the form itself can tell.
 */

export interface NewUserBody {
  readonly username: string;
  readonly password: string;
  readonly role: Role;
  readonly name?: string;
  readonly email?: string;
}

export function newUserBodyOf(form: FormFields): BodyResult<NewUserBody> {
  const role = text(form, 'role');
  const password = untrimmed(form, 'password');
  const errors = [
    ...(text(form, 'username') ? [] : [{ field: 'username', message: 'Enter a username.' }]),
    ...(password.length >= MIN_PASSWORD_LENGTH
      ? []
      : [{ field: 'password', message: `At least ${MIN_PASSWORD_LENGTH} characters.` }]),
    ...(isRole(role) ? [] : [{ field: 'role', message: 'Choose a role.' }]),
  ];
  if (errors.length > 0 || !isRole(role)) return { ok: false, errors };
  const name = text(form, 'name');
  const email = text(form, 'email');
  return {
    ok: true,
    body: {
      username: text(form, 'username'),
      password,
      role,
      ...(name && { name }),
      ...(email && { email }),
    },
  };
}

/** One row's buttons: change the role, disable, enable, or delete the user. */
export type UserChange =
  | { readonly kind: 'update'; readonly body: { role?: Role; disabled?: boolean } }
  | { readonly kind: 'delete' };

export function userChangeOf(form: FormFields): UserChange | undefined {
  switch (text(form, 'intent')) {
    case 'role': {
      const role = text(form, 'role');
      return isRole(role) ? { kind: 'update', body: { role } } : undefined;
    }
    case 'disable':
      return { kind: 'update', body: { disabled: true } };
    case 'enable':
      return { kind: 'update', body: { disabled: false } };
    case 'delete':
      return { kind: 'delete' };
    default:
      return undefined;
  }
}

export interface NewTokenBody {
  readonly name: string;
  readonly role: Role;
  readonly expiresInDays?: number;
}

export const MAX_TOKEN_DAYS = 3650;

export function newTokenBodyOf(form: FormFields): BodyResult<NewTokenBody> {
  const name = text(form, 'name');
  const role = text(form, 'role');
  const days = text(form, 'expiresInDays');
  const errors = [
    ...(name ? [] : [{ field: 'name', message: 'Name the token after what uses it.' }]),
    ...(isRole(role) ? [] : [{ field: 'role', message: 'Choose a role.' }]),
    ...(days === '' || (/^\d+$/.test(days) && Number(days) >= 1 && Number(days) <= MAX_TOKEN_DAYS)
      ? []
      : [
          {
            field: 'expiresInDays',
            message: `A whole number of days from 1 to ${MAX_TOKEN_DAYS}, or empty for no expiry.`,
          },
        ]),
  ];
  if (errors.length > 0 || !isRole(role)) return { ok: false, errors };
  return { ok: true, body: { name, role, ...(days !== '' && { expiresInDays: Number(days) }) } };
}
