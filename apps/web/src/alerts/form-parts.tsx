import type { ReactNode } from 'react';
import styles from './alerts.module.css';
import { errorsOf, type FormState } from './form-state';

/** The form's error, announced, and linked from the form by its id. */
export function FormError({ id, state }: { readonly id: string; readonly state: FormState }) {
  if (!state.error) return null;
  return (
    <div id={id} className={styles.formError} role="alert">
      <p>
        <strong>Not saved:</strong> {state.error}
      </p>
    </div>
  );
}

/** `aria-describedby` of a control: its hint and, when there are, its errors. */
export function describedBy(
  state: FormState,
  field: string,
  idPrefix: string,
  hint?: boolean,
): { 'aria-describedby'?: string; 'aria-invalid'?: true } {
  const ids = [
    ...(hint ? [`${idPrefix}-${field}-hint`] : []),
    ...(errorsOf(state, field).length > 0 ? [`${idPrefix}-${field}-error`] : []),
  ];
  return {
    ...(ids.length > 0 && { 'aria-describedby': ids.join(' ') }),
    ...(errorsOf(state, field).length > 0 && { 'aria-invalid': true as const }),
  };
}

export function FieldMessages({
  state,
  field,
  idPrefix,
  hint,
}: {
  readonly state: FormState;
  readonly field: string;
  readonly idPrefix: string;
  readonly hint?: ReactNode;
}) {
  const errors = errorsOf(state, field);
  return (
    <>
      {hint ? (
        <p id={`${idPrefix}-${field}-hint`} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      {errors.length > 0 ? (
        <p id={`${idPrefix}-${field}-error`} className={styles.fieldError}>
          {errors.join('; ')}
        </p>
      ) : null}
    </>
  );
}

/** The value to show: what the user typed last (after an error), else the stored one. */
export function kept(state: FormState, name: string, stored: string | undefined = ''): string {
  return state.values?.[name]?.[0] ?? stored;
}

export function keptAll(state: FormState, name: string, stored: readonly string[]): string[] {
  return state.values ? [...(state.values[name] ?? [])] : [...stored];
}
