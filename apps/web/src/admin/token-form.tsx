'use client';

import { useActionState } from 'react';
import styles from '../alerts/alerts.module.css';
import { formatUtc } from '../alerts/describe';
import { ActionForm, InputField } from '../alerts/form-parts';
import { ROLE_LABELS } from '../auth/roles';
import { createToken, type TokenFormState } from './actions';
import { MAX_TOKEN_DAYS } from './admin-bodies';
import admin from './admin.module.css';
import { RoleSelect } from './role-select';

const P = 'token';
const INITIAL: TokenFormState = { attempt: 0 };

/**
 * Creates an API token for a script (`Authorization: Bearer pal_…`). Its secret is in this
 * form's answer only: the API stores a hash, so a reload cannot show it again.
 */
export function TokenForm() {
  const [state, action, saving] = useActionState(createToken, INITIAL);
  const created = state.created;
  return (
    <>
      {created ? (
        <div className={admin.secret} role="status" data-created-token={created.name}>
          <p>
            <strong>Token {created.name} created.</strong> Copy it now: it will not be shown again.
          </p>
          <label htmlFor={`${P}-secret`}>The token ({ROLE_LABELS[created.role]})</label>
          <input
            id={`${P}-secret`}
            className={admin.secretValue}
            readOnly
            value={created.secret}
            data-token-secret
            onFocus={(event) => event.currentTarget.select()}
          />
          <p className={styles.hint}>
            Send it as <code>Authorization: Bearer …</code>.{' '}
            {created.expiresAt
              ? `It expires ${formatUtc(created.expiresAt)}.`
              : 'It never expires.'}
          </p>
        </div>
      ) : null}
      <ActionForm
        state={state}
        action={action}
        pending={saving}
        idPrefix={P}
        title="Create an API token"
        submit={['Create token', 'Creating…']}
      >
        <div className={styles.row}>
          <InputField
            state={state}
            idPrefix={P}
            name="name"
            label="Name"
            hint="What uses it, e.g. ci-pipeline."
            autoComplete="off"
            required
          />
          <RoleSelect state={state} idPrefix={P} />
          <InputField
            state={state}
            idPrefix={P}
            name="expiresInDays"
            label="Expires after (days)"
            type="number"
            min={1}
            max={MAX_TOKEN_DAYS}
            hint="Empty: never."
          />
        </div>
      </ActionForm>
    </>
  );
}
