import type { Role } from '@palisade/api-contract';
import styles from '../alerts/alerts.module.css';

/** Where a form would be: why it is not there for this reader. */
export function ReadOnlyNote({
  role,
  what,
  needs,
}: {
  readonly role: Role | undefined;
  readonly what: string;
  readonly needs: Role;
}) {
  return (
    <p className={styles.hint} data-read-only>
      Your role{role ? ` (${role})` : ''} can read this page but not {what}: that needs the {needs}{' '}
      role.
    </p>
  );
}
