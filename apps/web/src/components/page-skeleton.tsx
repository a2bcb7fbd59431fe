import styles from './dashboard.module.css';

/** A skeleton while a cluster page loads; announced once to screen readers. */
export function PageSkeleton({ label }: { readonly label: string }) {
  return (
    <div aria-busy="true" className={styles.sectionSkeleton}>
      <p role="status" className="visually-hidden">
        Loading {label}…
      </p>
    </div>
  );
}
