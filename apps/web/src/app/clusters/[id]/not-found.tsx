import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '../../status-page.module.css';

export const metadata: Metadata = { title: 'Cluster not found' };

export default function ClusterNotFound() {
  return (
    <section className={styles.box} aria-labelledby="cluster-not-found-title">
      <h1 id="cluster-not-found-title">Cluster not found</h1>
      <p>Palisade watches no cluster with this id. It may have been removed from the kubeconfig.</p>
      <p>
        <Link href="/">Back to the clusters</Link>
      </p>
    </section>
  );
}
