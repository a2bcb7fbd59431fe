import { ROLES } from '@palisade/api-contract';
import styles from '../alerts/alerts.module.css';
import { describedBy, FieldMessages, kept } from '../alerts/form-parts';
import type { FormState } from '../alerts/form-state';
import { ROLE_LABELS } from '../auth/roles';

/** The `role` select of a new user or token: viewer unless the user chose otherwise. */
export function RoleSelect({
  state,
  idPrefix,
  hint,
}: {
  readonly state: FormState;
  readonly idPrefix: string;
  readonly hint?: string;
}) {
  return (
    <div className={styles.field}>
      <label htmlFor={`${idPrefix}-role`}>Role</label>
      <select
        id={`${idPrefix}-role`}
        name="role"
        defaultValue={kept(state, 'role', 'viewer')}
        {...describedBy(state, 'role', idPrefix, hint !== undefined)}
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </select>
      <FieldMessages state={state} field="role" idPrefix={idPrefix} hint={hint} />
    </div>
  );
}
