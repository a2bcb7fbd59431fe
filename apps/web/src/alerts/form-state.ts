import type { FieldError } from './form-bodies';

/** What a form's server action answers when it did not succeed (success redirects). */
export interface FormState {
  /** Counts submissions, so the form re-mounts with the kept values after each. */
  readonly attempt: number;
  readonly error?: string;
  readonly fields?: readonly FieldError[];
  /** What the user typed (secrets left out), to refill the form. */
  readonly values?: Readonly<Record<string, readonly string[]>>;
  /** What a form that stays on its page says after it worked ("Added vera."). */
  readonly done?: string;
}

export const INITIAL_FORM_STATE: FormState = { attempt: 0 };

/** The errors about one field of the body (`kinds`, `kinds.0` and `to.1` count for their field). */
export function errorsOf(state: FormState, field: string): string[] {
  return (state.fields ?? [])
    .filter((f) => f.field === field || f.field.startsWith(`${field}.`))
    .map((f) => f.message);
}
