import type { Metadata } from 'next';
import { BackToPolicies } from '../../../../../policies/back-to-policies';
import styles from '../../../../status-page.module.css';

export const metadata: Metadata = { title: 'Policy not found' };

export default function PolicyNotFound() {
  return (
    <section className={styles.box} aria-labelledby="policy-not-found-title">
      <h1 id="policy-not-found-title">Policy not found</h1>
      <p>
        Palisade has no record of this policy in the cluster&apos;s stored snapshots. A policy&apos;s
        address is <code>policies/NetworkPolicy/namespace/name</code>, or{' '}
        <code>policies/Kind/name</code> for a cluster-wide kind.
      </p>
      <p>
        <BackToPolicies />
      </p>
    </section>
  );
}
