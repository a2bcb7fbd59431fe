import styles from '../alerts/alerts.module.css';
import { describedBy, FieldMessages } from '../alerts/form-parts';
import type { FormState } from '../alerts/form-state';

/**
 * The kubeconfig textarea. It always starts empty: the kubeconfig holds a cluster's
 * credentials, and no answer carries it back to the page, so after an error it is pasted again.
 * No spell checking: a browser's enhanced spell check would send the text to a service.
 */
export function KubeconfigField({
  state,
  idPrefix,
  label,
}: {
  readonly state: FormState;
  readonly idPrefix: string;
  readonly label: string;
}) {
  return (
    <div className={styles.field}>
      <label htmlFor={`${idPrefix}-kubeconfig`}>{label}</label>
      <textarea
        id={`${idPrefix}-kubeconfig`}
        name="kubeconfig"
        rows={8}
        required
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        defaultValue=""
        data-kubeconfig
        {...describedBy(state, 'kubeconfig', idPrefix, true)}
      />
      <FieldMessages
        state={state}
        field="kubeconfig"
        idPrefix={idPrefix}
        hint={
          state.error ? (
            <span data-kubeconfig-cleared>
              Cleared: a kubeconfig is never sent back to the page, so paste it again.
            </span>
          ) : (
            'Paste the whole file; only the context used is kept.'
          )
        }
      />
    </div>
  );
}
