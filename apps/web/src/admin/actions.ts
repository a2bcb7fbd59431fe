'use server';

import type { CreatedApiToken } from '@palisade/api-contract';
import { revalidatePath } from 'next/cache';
import { sendJson } from '../alerts/api-write';
import { keptValues, text } from '../alerts/form-bodies';
import type { FormState } from '../alerts/form-state';
import { isCreatedApiToken } from '../data-access/auth-checks';
import { newTokenBodyOf, newUserBodyOf, userChangeOf } from './admin-bodies';

/** The administration pages' writes; each re-renders its list, failures come back as the form's state. */

const USERS = '/admin/users';
const TOKENS = '/admin/tokens';

function failedWith(previous: FormState, form: FormData) {
  return (error: string, fields: FormState['fields'] = []): FormState => ({
    attempt: previous.attempt + 1,
    error,
    fields,
    // keptValues leaves passwords and secrets out.
    values: keptValues(form),
  });
}

export async function createUser(previous: FormState, form: FormData): Promise<FormState> {
  const failed = failedWith(previous, form);
  const built = newUserBodyOf(form);
  if (!built.ok) return failed('Check the highlighted fields.', built.errors);
  const result = await sendJson('POST', '/api/users', built.body);
  if (!result.ok) return failed(result.message, result.fields);
  revalidatePath(USERS);
  return { attempt: previous.attempt + 1, done: `Added ${built.body.username}.` };
}

/** A row's change (role, disable, enable, delete); the last admin cannot be removed (409). */
export async function changeUser(previous: FormState, form: FormData): Promise<FormState> {
  const failed = (error: string): FormState => ({ attempt: previous.attempt + 1, error });
  const change = userChangeOf(form);
  if (!change) return failed('Choose a role.');
  const path = `/api/users/${encodeURIComponent(text(form, 'id'))}`;
  const result =
    change.kind === 'delete'
      ? await sendJson('DELETE', path)
      : await sendJson('PATCH', path, change.body);
  // The API's words (for the last admin: "at least one enabled admin must remain: …").
  if (!result.ok) return failed(sentence(result.message));
  revalidatePath(USERS);
  return { attempt: previous.attempt + 1 };
}

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** What the token form answers: the new token's secret, this once. */
export interface TokenFormState extends FormState {
  readonly created?: CreatedApiToken;
}

export async function createToken(
  previous: TokenFormState,
  form: FormData,
): Promise<TokenFormState> {
  const failed = failedWith(previous, form);
  const built = newTokenBodyOf(form);
  if (!built.ok) return failed('Check the highlighted fields.', built.errors);
  const result = await sendJson('POST', '/api/tokens', built.body);
  if (!result.ok) return failed(result.message, result.fields);
  if (!isCreatedApiToken(result.body)) return failed('The API gave an unexpected answer.');
  revalidatePath(TOKENS);
  // Not kept anywhere: only this answer carries it to the browser.
  return { attempt: previous.attempt + 1, created: result.body };
}

export async function revokeToken(previous: FormState, form: FormData): Promise<FormState> {
  const result = await sendJson('DELETE', `/api/tokens/${encodeURIComponent(text(form, 'id'))}`);
  if (!result.ok) return { attempt: previous.attempt + 1, error: result.message };
  revalidatePath(TOKENS);
  return { attempt: previous.attempt + 1 };
}
