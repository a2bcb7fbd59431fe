import type { Metadata } from 'next';
import { BackToNamespaces } from '../../../../../namespaces/back-to-namespaces';
import styles from '../../../../status-page.module.css';

export const metadata: Metadata = { title: 'Namespace not found' };

export default function NamespaceNotFound() {
  return (
    <section className={styles.box} aria-labelledby="namespace-not-found-title">
      <h1 id="namespace-not-found-title">Namespace not found</h1>
      <p>
        The cluster&apos;s latest snapshot has no namespace of this name. It may have been deleted, or
        not be snapshotted yet.
      </p>
      <p>
        <BackToNamespaces />
      </p>
    </section>
  );
}
