'use client';

import { useActionState } from 'react';
import styles from '../alerts/alerts.module.css';
import { FormError, InputField, RowError } from '../alerts/form-parts';
import { INITIAL_FORM_STATE } from '../alerts/form-state';
import admin from './admin.module.css';
import { removeCluster, replaceKubeconfig } from './cluster-actions';
import { KubeconfigField } from './kubeconfig-field';

/** A cluster added through the API: new credentials, or removal with its history. */
export function ClusterRowActions({ id, name }: { readonly id: string; readonly name: string }) {
  return (
    <div className={admin.clusterActions}>
      <ReplaceCredentials id={id} name={name} />
      <RemoveCluster id={id} name={name} />
    </div>
  );
}

function ReplaceCredentials({ id, name }: { readonly id: string; readonly name: string }) {
  const [state, action, pending] = useActionState(replaceKubeconfig, INITIAL_FORM_STATE);
  const P = `cluster-${id}`;
  return (
    <>
      {state.done ? (
        <p role="status" className={styles.hint} data-credentials-replaced>
          {state.done}
        </p>
      ) : null}
      {/* Open again after an error, so the error shows beside the form. */}
      <details key={state.attempt} open={state.error ? true : undefined}>
        <summary className={admin.summary}>
          Replace credentials<span className="visually-hidden"> of {name}</span>
        </summary>
        <form
          action={action}
          className={styles.form}
          aria-label={`New credentials for ${name}`}
          aria-busy={pending}
          {...(state.error ? { 'aria-describedby': `${P}-form-error` } : {})}
        >
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="name" value={name} />
          <FormError id={`${P}-form-error`} state={state} />
          <KubeconfigField state={state} idPrefix={P} label="New kubeconfig (YAML)" />
          <InputField
            state={state}
            idPrefix={P}
            name="context"
            label="Context (optional)"
            autoComplete="off"
          />
          <div className={styles.actions}>
            <button type="submit" className={styles.button} disabled={pending}>
              Save credentials<span className="visually-hidden"> of {name}</span>
            </button>
          </div>
        </form>
      </details>
    </>
  );
}

/**
 * Removal deletes the cluster's snapshots, changes and alerts: the checkbox must be ticked. The
 * server action checks it, so it works without JavaScript too.
 */
function RemoveCluster({ id, name }: { readonly id: string; readonly name: string }) {
  const [state, action, pending] = useActionState(removeCluster, INITIAL_FORM_STATE);
  const P = `cluster-${id}-remove`;
  return (
    <form key={state.attempt} action={action} className={admin.removeCluster} aria-busy={pending}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="name" value={name} />
      <span className={styles.choice}>
        <input type="checkbox" id={`${P}-confirm`} name="confirm" />
        <label htmlFor={`${P}-confirm`}>
          I understand the history<span className="visually-hidden"> of {name}</span> is deleted
        </label>
      </span>
      <button type="submit" className={styles.dangerButton} disabled={pending}>
        Remove<span className="visually-hidden"> {name}</span>
      </button>
      <RowError state={state} />
    </form>
  );
}
