import type { ClusterFigures, CniName } from '@palisade/api-contract';
import Link from 'next/link';
import styles from '../components/dashboard.module.css';

const PLUGIN_WORDS: Record<CniName, string> = {
  generic: 'as the Kubernetes APIs define them (NetworkPolicy and the admin policies)',
  cilium: 'as Cilium enforces them (NetworkPolicy, CiliumNetworkPolicy, CiliumClusterwideNetworkPolicy)',
  calico: 'as Calico enforces them (its tiers, NetworkPolicy and the admin policies)',
  none: 'as enforced by a network plugin without policy support: none of them protects anything',
};

/** Which plugin's semantics the figures follow, why, and the policies it does not enforce. */
export function PluginLine({ clusterId, latest }: { readonly clusterId: string; readonly latest: ClusterFigures | null }) {
  if (!latest?.cni) return null;
  const notEnforced = latest.notEnforcedPolicies;
  return (
    <p className={styles.muted} data-testid="plugin-line">
      Policies are evaluated {PLUGIN_WORDS[latest.cni]}
      {latest.cniEvidence ? ` (${latest.cniEvidence})` : ''}.{' '}
      {notEnforced > 0 ? (
        <Link href={`/clusters/${encodeURIComponent(clusterId)}/policies?enforced=false`}>
          {notEnforced} {notEnforced === 1 ? 'policy is' : 'policies are'} not enforced here
        </Link>
      ) : null}
    </p>
  );
}
