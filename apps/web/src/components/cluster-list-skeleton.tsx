import styles from './clusters.module.css';

/** Skeleton cards while the clusters load; announced once to screen readers. */
export function ClusterListSkeleton({ cards = 3 }: { readonly cards?: number }) {
  return (
    <section aria-busy="true" aria-labelledby="clusters-loading">
      <p id="clusters-loading" role="status" className="visually-hidden">
        Loading clusters…
      </p>
      <ul className={styles.list} aria-hidden="true">
        {Array.from({ length: cards }, (_, i) => (
          <li key={i}>
            <div className={styles.skeleton}>
              <div className={styles.skeletonLine} />
              <div className={styles.skeletonLine} />
              <div className={styles.skeletonLine} />
              <div className={styles.skeletonLine} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
