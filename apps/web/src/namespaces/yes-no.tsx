import dashboard from '../components/dashboard.module.css';
import styles from './namespaces.module.css';

/** Yes or no in words and a mark, the colour only repeating them. */
export function YesNo({ value, label }: { readonly value: boolean; readonly label?: string }) {
  return (
    <span
      className={`${dashboard.pill} ${styles.yesNo}`}
      data-tone={value ? 'good' : 'bad'}
      data-value={value ? 'yes' : 'no'}
      {...(label ? { title: label } : {})}
    >
      <span aria-hidden="true" className={styles.mark}>
        {value ? '✓' : '✗'}
      </span>
      {value ? 'Yes' : 'No'}
    </span>
  );
}
