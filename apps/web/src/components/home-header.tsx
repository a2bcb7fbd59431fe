import styles from './home-header.module.css';

/** The home page's heading, shared by the page, its skeleton and its error state. */
export function HomeHeader() {
  return (
    <div className={styles.pageHeader}>
      <h1>Palisade</h1>
      <p className={styles.lead}>
        Network isolation of your Kubernetes clusters: which workloads are protected, and which are
        not.
      </p>
    </div>
  );
}
