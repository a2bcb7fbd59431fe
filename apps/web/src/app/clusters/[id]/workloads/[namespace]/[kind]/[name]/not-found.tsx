import type { Metadata } from 'next';
import { BackToWorkloads } from '../../../../../../../workload-detail/back-to-workloads';
import styles from '../../../../../../status-page.module.css';

export const metadata: Metadata = { title: 'Workload not found' };

export default function WorkloadNotFound() {
  return (
    <section className={styles.box} aria-labelledby="workload-not-found-title">
      <h1 id="workload-not-found-title">Workload not found</h1>
      <p>
        The cluster has no such workload now: it may have been deleted or renamed since the link was
        made, or its namespace is left out of the audit (<code>EXCLUDED_NAMESPACES</code>,
        kube-system by default). The workloads list shows the ones Palisade audits.
      </p>
      <p>
        <BackToWorkloads />
      </p>
    </section>
  );
}
