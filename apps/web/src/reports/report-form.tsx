'use client';

import type { ClusterItem } from '@palisade/api-contract';
import { useActionState } from 'react';
import styles from '../alerts/alerts.module.css';
import { ActionForm, describedBy, FieldMessages, InputField, kept } from '../alerts/form-parts';
import { INITIAL_FORM_STATE } from '../alerts/form-state';
import { generateReport } from './actions';

const P = 'report';

/** Generates a report of the fleet or one cluster now, for the API's default or a chosen period. */
export function ReportForm({ clusters }: { readonly clusters: readonly ClusterItem[] }) {
  const [state, action, generating] = useActionState(generateReport, INITIAL_FORM_STATE);
  return (
    <ActionForm
      state={state}
      action={action}
      pending={generating}
      idPrefix={P}
      title="Generate now"
      submit={['Generate report', 'Generating…']}
    >
      <div className={styles.row}>
        <div className={styles.field}>
          <label htmlFor={`${P}-scope`}>Scope</label>
          <select
            id={`${P}-scope`}
            name="scope"
            defaultValue={kept(state, 'scope', 'fleet')}
            {...describedBy(state, 'clusterId', P)}
          >
            <option value="fleet">The fleet (every cluster)</option>
            {clusters.map((c) => (
              <option key={c.id} value={c.id}>
                Cluster {c.name}
              </option>
            ))}
          </select>
          <FieldMessages state={state} field="clusterId" idPrefix={P} />
        </div>
        <InputField
          state={state}
          idPrefix={P}
          name="from"
          label="From (optional)"
          type="date"
          hint="From the start of that day (UTC)."
        />
        <InputField
          state={state}
          idPrefix={P}
          name="to"
          label="To (optional)"
          type="date"
          hint="Up to the end of that day (UTC)."
        />
      </div>
      <p className={styles.hint}>Without dates: the last 7 days (REPORT_PERIOD) up to now.</p>
    </ActionForm>
  );
}
