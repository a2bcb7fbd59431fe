import type { Metadata } from 'next';
import { BackToWorkloads } from '../../../../../../../workload-detail/back-to-workloads';
import styles from '../../../../../../status-page.module.css';

export const metadata: Metadata = { title: 'Workload not found' };

export default function WorkloadNotFound() {
  return (
    <section className={styles.box} aria-labelledby="workload-not-found-title">
      <h1 id="workload-not-found-title">Workload not found</h1>
      <p>
        The cluster has no such workload now. It may have been deleted or renamed since the link
        was made; the workloads list shows the ones it has.
      </p>
      <p>
        <BackToWorkloads />
      </p>
    </section>
  );
}
