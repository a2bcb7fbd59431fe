'use client';

import type { ClusterItem } from '@palisade/api-contract';
import { useActionState } from 'react';
import { saveException } from './actions';
import styles from './alerts.module.css';
import {
  ActionForm,
  ClusterSelect,
  describedBy,
  FieldMessages,
  InputField,
  kept,
} from './form-parts';
import { INITIAL_FORM_STATE } from './form-state';

const P = 'exception';

export interface ExceptionPrefill {
  readonly clusterId?: string;
  readonly namespace?: string;
  readonly kind?: string;
  readonly name?: string;
}

const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod'];

/** Marks a workload intentionally exposed: no alert about it while the exception is active. */
export function ExceptionForm({
  clusters,
  prefill,
}: {
  readonly clusters: readonly ClusterItem[];
  readonly prefill: ExceptionPrefill;
}) {
  const [state, action, saving] = useActionState(saveException, INITIAL_FORM_STATE);
  const clusterId = kept(state, 'clusterId', prefill.clusterId ?? '');
  const text = (name: string, label: string, stored = '', hint?: string, list?: string) => (
    <InputField
      state={state}
      idPrefix={P}
      name={name}
      label={label}
      stored={stored}
      hint={hint}
      list={list}
      required
    />
  );
  return (
    <ActionForm
      state={state}
      action={action}
      pending={saving}
      idPrefix={P}
      title="Mark a workload as intentionally exposed"
      submit={['Add exception', 'Saving…']}
    >
      <div className={styles.row}>
        <ClusterSelect state={state} idPrefix={P} clusters={clusters} value={clusterId} />
        {text('namespace', 'Namespace', prefill.namespace)}
        {text('kind', 'Kind', prefill.kind ?? 'Deployment', undefined, `${P}-kinds`)}
        {text('name', 'Workload name', prefill.name)}
      </div>
      <datalist id={`${P}-kinds`}>
        {WORKLOAD_KINDS.map((k) => (
          <option key={k} value={k} />
        ))}
      </datalist>
      <div className={styles.field}>
        <label htmlFor={`${P}-reason`}>Reason</label>
        <textarea
          id={`${P}-reason`}
          name="reason"
          rows={2}
          required
          maxLength={2000}
          defaultValue={kept(state, 'reason')}
          {...describedBy(state, 'reason', P, true)}
        />
        <FieldMessages
          state={state}
          field="reason"
          idPrefix={P}
          hint="Why it is exposed on purpose; reports list it with the exception."
        />
      </div>
      <div className={styles.row}>
        {text('owner', 'Owner', '', 'Who answers for it (a team or a person).')}
        <InputField
          state={state}
          idPrefix={P}
          name="expiresAt"
          label="Expires on"
          type="date"
          hint="Active up to the end of that day (UTC); empty: until deleted."
        />
      </div>
    </ActionForm>
  );
}
