import type { ClusterItem } from '@palisade/api-contract';
import type { ReactNode } from 'react';
import dashboard from '../components/dashboard.module.css';
import styles from './alerts.module.css';
import { errorsOf, type FormState } from './form-state';

/** The form's error, announced, and linked from the form by its id. */
export function FormError({
  id,
  state,
  title = 'Not saved:',
}: {
  readonly id: string;
  readonly state: FormState;
  /** What did not happen ("Not saved:", "Not signed in:"). */
  readonly title?: string;
}) {
  if (!state.error) return null;
  return (
    <div id={id} className={styles.formError} role="alert">
      <p>
        <strong>{title}</strong> {state.error}
      </p>
    </div>
  );
}

/**
 * Every form that posts to a server action: re-mounted after each answer (`state.attempt`) so
 * the kept values show, named by its heading (or `label` where the page's heading names it),
 * its error linked and announced, what it did (`state.done`) announced, and its submit button
 * saying when the action runs. Ids start with `${idPrefix}-form-`.
 */
export function ActionForm({
  state,
  action,
  pending,
  idPrefix,
  title,
  label,
  intro,
  errorTitle,
  submit,
  cancelHref,
  wide = false,
  children,
}: {
  readonly state: FormState;
  readonly action: (form: FormData) => void;
  readonly pending: boolean;
  readonly idPrefix: string;
  /** The form's heading (an h3), which names it. */
  readonly title?: ReactNode;
  /** The form's name when it has no heading of its own. */
  readonly label?: string;
  /** Under the heading, before the error. */
  readonly intro?: ReactNode;
  /** FormError's title ("Not saved:" unless told). */
  readonly errorTitle?: string;
  /** The button's words, idle and while the action runs: ['Add user', 'Adding…']. */
  readonly submit: readonly [idle: string, running: string];
  /** Editing: a link back to the list, beside the button. */
  readonly cancelHref?: string | undefined;
  /** A button as wide as the form (the sign-in cards), instead of a row of actions. */
  readonly wide?: boolean;
  readonly children: ReactNode;
}) {
  const P = `${idPrefix}-form`;
  const button = (
    <button
      type="submit"
      className={wide ? `${dashboard.primaryButton} ${styles.wideButton}` : dashboard.primaryButton}
      disabled={pending}
    >
      {pending ? submit[1] : submit[0]}
    </button>
  );
  return (
    <form
      key={state.attempt}
      action={action}
      className={styles.form}
      {...(title === undefined ? { 'aria-label': label } : { 'aria-labelledby': `${P}-title` })}
      {...(state.error ? { 'aria-describedby': `${P}-error` } : {})}
    >
      {title === undefined ? null : <h3 id={`${P}-title`}>{title}</h3>}
      {intro}
      <FormError id={`${P}-error`} state={state} title={errorTitle} />
      {state.done ? (
        <p role="status" className={styles.hint} data-form-done>
          {state.done}
        </p>
      ) : null}
      {children}
      {wide ? (
        button
      ) : (
        <div className={styles.actions}>
          {button}
          {cancelHref ? <a href={cancelHref}>Cancel</a> : null}
        </div>
      )}
    </form>
  );
}

/** A row's one-line form (a table cell's buttons): its error, announced, under the buttons. */
export function RowError({ state }: { readonly state: FormState }) {
  return state.error ? (
    <p className={styles.fieldError} role="alert" data-row-error>
      {state.error}
    </p>
  ) : null;
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

/** A labelled input with its hint and errors; its id is `${idPrefix}-${name}`. */
export function InputField({
  state,
  idPrefix,
  name,
  label,
  type = 'text',
  stored,
  hint,
  required = false,
  maxLength,
  minLength,
  min,
  max,
  list,
  autoComplete,
}: {
  readonly state: FormState;
  readonly idPrefix: string;
  readonly name: string;
  readonly label: string;
  /** A password field never shows a kept value (the actions never keep one). */
  readonly type?: 'text' | 'date' | 'password' | 'email' | 'number';
  readonly stored?: string | undefined;
  readonly hint?: string | undefined;
  readonly required?: boolean;
  readonly maxLength?: number;
  readonly minLength?: number;
  readonly min?: number;
  readonly max?: number;
  /** The id of a `<datalist>` of suggestions. */
  readonly list?: string | undefined;
  readonly autoComplete?: string;
}) {
  return (
    <div className={styles.field}>
      <label htmlFor={`${idPrefix}-${name}`}>{label}</label>
      <input
        id={`${idPrefix}-${name}`}
        name={name}
        type={type}
        required={required}
        {...(maxLength !== undefined ? { maxLength } : {})}
        {...(minLength !== undefined ? { minLength } : {})}
        {...(min !== undefined ? { min } : {})}
        {...(max !== undefined ? { max } : {})}
        {...(autoComplete ? { autoComplete } : {})}
        defaultValue={type === 'password' ? '' : kept(state, name, stored)}
        {...(list ? { list } : {})}
        {...describedBy(state, name, idPrefix, hint !== undefined)}
      />
      <FieldMessages state={state} field={name} idPrefix={idPrefix} hint={hint} />
    </div>
  );
}

/** The `clusterId` select: every cluster, or one (an id no longer listed is kept as it is). */
export function ClusterSelect({
  state,
  idPrefix,
  clusters,
  value,
}: {
  readonly state: FormState;
  readonly idPrefix: string;
  readonly clusters: readonly ClusterItem[];
  readonly value: string;
}) {
  return (
    <div className={styles.field}>
      <label htmlFor={`${idPrefix}-cluster`}>Cluster</label>
      <select
        id={`${idPrefix}-cluster`}
        name="clusterId"
        defaultValue={value}
        {...describedBy(state, 'clusterId', idPrefix)}
      >
        <option value="">Every cluster</option>
        {value && !clusters.some((c) => c.id === value) ? (
          <option value={value}>{value}</option>
        ) : null}
        {clusters.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <FieldMessages state={state} field="clusterId" idPrefix={idPrefix} />
    </div>
  );
}
