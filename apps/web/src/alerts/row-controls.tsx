import Link from 'next/link';
import styles from './alerts.module.css';

/** A row's Edit: opens the page's form filled with the row's item. */
export function EditLink({ href, name }: { readonly href: string; readonly name: string }) {
  return (
    <Link href={href} aria-label={`Edit ${name}`}>
      Edit
    </Link>
  );
}

/** A row's Delete: a plain form posting the item's id, so it works without JavaScript too. */
export function DeleteButton({
  action,
  id,
  name,
}: {
  readonly action: (form: FormData) => Promise<void>;
  readonly id: string;
  readonly name: string;
}) {
  return (
    <form action={action} className={styles.inline}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" className={styles.dangerButton} aria-label={`Delete ${name}`}>
        Delete
      </button>
    </form>
  );
}
