'use client';

import { useActionState } from 'react';
import styles from '../alerts/alerts.module.css';
import { FormError, InputField } from '../alerts/form-parts';
import { INITIAL_FORM_STATE } from '../alerts/form-state';
import dashboard from '../components/dashboard.module.css';
import { createCluster } from './cluster-actions';
import { KubeconfigField } from './kubeconfig-field';

const P = 'cluster';

/** Watches another cluster from a pasted kubeconfig (POST /api/clusters). */
export function ClusterForm() {
  const [state, action, saving] = useActionState(createCluster, INITIAL_FORM_STATE);
  return (
    <form
      key={state.attempt}
      action={action}
      className={styles.form}
      aria-labelledby={`${P}-form-title`}
      {...(state.error ? { 'aria-describedby': `${P}-form-error` } : {})}
    >
      <h3 id={`${P}-form-title`}>Watch a cluster</h3>
      <p className={styles.hint}>
        Only credentials inside the file are accepted: a token, or a client certificate and key (
        <code>client-certificate-data</code>, <code>client-key-data</code>). A kubeconfig that runs
        a command (<code>exec</code> or auth-provider plugins) or names files on the server (
        <code>tokenFile</code>, certificate paths) is refused. A read-only account is enough:
        Palisade only lists and watches.
      </p>
      <p className={styles.hint}>
        The kubeconfig is stored encrypted (only the chosen context, its cluster and its user) and
        is never shown again: not on this page, in the API&apos;s answers or in the audit log.
      </p>
      <FormError id={`${P}-form-error`} state={state} />
      {state.done ? (
        <p role="status" className={styles.hint} data-cluster-added>
          {state.done}
        </p>
      ) : null}
      <div className={styles.row}>
        <InputField
          state={state}
          idPrefix={P}
          name="name"
          label="Name"
          hint="Lowercase letters, digits, dots or dashes, e.g. staging."
          maxLength={63}
          autoComplete="off"
          required
        />
        <InputField
          state={state}
          idPrefix={P}
          name="context"
          label="Context (optional)"
          hint="Empty: the kubeconfig’s current context."
          autoComplete="off"
        />
      </div>
      <KubeconfigField state={state} idPrefix={P} label="Kubeconfig (YAML)" />
      <div className={styles.actions}>
        <button type="submit" className={dashboard.primaryButton} disabled={saving}>
          {saving ? 'Adding…' : 'Watch cluster'}
        </button>
      </div>
    </form>
  );
}
