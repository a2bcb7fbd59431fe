import type { FieldError } from '../alerts/form-bodies';

/** A refused sign-in or setup, as the API answered it. */
export interface Refusal {
  readonly message: string;
  readonly code?: string;
  readonly retryAfterSeconds?: number;
  readonly fields?: readonly FieldError[];
}

/** What the sign-in form says when the API refuses. */
export function signInError(refusal: Refusal): string {
  switch (refusal.code) {
    case 'invalid-credentials':
      return 'Wrong username or password.';
    case 'too-many-attempts':
      return tooManyAttempts('sign-in attempts', refusal);
    default:
      return refusal.message;
  }
}

/** A 429: "Too many sign-in attempts: try again in 40 seconds." */
export function tooManyAttempts(what: string, refusal: Refusal): string {
  return refusal.retryAfterSeconds !== undefined
    ? `Too many ${what}: try again in ${secondsText(refusal.retryAfterSeconds)}.`
    : `Too many ${what}: wait a moment, then try again.`;
}

/** What the setup form says when the API refuses, and which field it is about. */
export function setupError(refusal: Refusal): { message: string; fields: readonly FieldError[] } {
  switch (refusal.code) {
    case 'invalid-setup-token':
      return {
        message: 'The setup token is not the one the API printed.',
        fields: [
          {
            field: 'setupToken',
            message: 'Copy it from the API’s log line “no admin yet: … setup token …”.',
          },
        ],
      };
    case 'already-set-up':
      return {
        message: 'Palisade already has an administrator: sign in instead.',
        fields: [],
      };
    default:
      return { message: refusal.message, fields: refusal.fields ?? [] };
  }
}

/** "1 second", "42 seconds". */
export function secondsText(seconds: number): string {
  const whole = Math.max(1, Math.ceil(seconds));
  return `${whole} second${whole === 1 ? '' : 's'}`;
}

export const MIN_PASSWORD_LENGTH = 12;

/**
 * The checks the form can make before asking the API: long enough, and the same twice. The
 * password's own field is `field` (setup's `password`, the account page's `newPassword`).
 */
export function passwordProblems(
  password: string,
  confirm: string,
  field = 'password',
): FieldError[] {
  const problems: FieldError[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) {
    problems.push({ field, message: `At least ${MIN_PASSWORD_LENGTH} characters.` });
  }
  if (password !== confirm) {
    problems.push({ field: 'confirm', message: 'The two passwords are not the same.' });
  }
  return problems;
}
