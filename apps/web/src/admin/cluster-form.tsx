'use client';

import { useActionState } from 'react';
import styles from '../alerts/alerts.module.css';
import { ActionForm, InputField } from '../alerts/form-parts';
import { INITIAL_FORM_STATE } from '../alerts/form-state';
import { createCluster } from './cluster-actions';
import { KubeconfigField } from './kubeconfig-field';

const P = 'cluster';

/** Watches another cluster from a pasted kubeconfig (POST /api/clusters). */
export function ClusterForm() {
  const [state, action, saving] = useActionState(createCluster, INITIAL_FORM_STATE);
  return (
    <ActionForm
      state={state}
      action={action}
      pending={saving}
      idPrefix={P}
      title="Watch a cluster"
      intro={
        <>
          <p className={styles.hint}>
            Only credentials inside the file are accepted: a token, or a client certificate and key
            (<code>client-certificate-data</code>, <code>client-key-data</code>). A kubeconfig that
            runs a command (<code>exec</code> or auth-provider plugins) or names files on the server
            (<code>tokenFile</code>, certificate paths) is refused. A read-only account is enough:
            Palisade only lists and watches.
          </p>
          <p className={styles.hint}>
            The kubeconfig is stored encrypted (only the chosen context, its cluster and its user)
            and is never shown again: not on this page, in the API&apos;s answers or in the audit
            log.
          </p>
        </>
      }
      submit={['Watch cluster', 'Adding…']}
    >
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
    </ActionForm>
  );
}
