import type { CniMode } from './cni';
import type { PolicyKind } from './policy-set';

/**
 * Whether the cluster enforces a policy, from its kind, its object and the cluster's plugin:
 * the reason in words when it does not, undefined when it does. The compiler leaves such
 * policies out of the tiers, and the API and reports show them as "not enforced here".
 */

const CILIUM_KINDS: readonly PolicyKind[] = ['CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy'];
const ADMIN_KINDS: readonly PolicyKind[] = ['AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'ClusterNetworkPolicy'];
const STAGED_KINDS: readonly PolicyKind[] = ['CalicoStagedNetworkPolicy', 'CalicoStagedGlobalNetworkPolicy', 'CalicoStagedKubernetesNetworkPolicy'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function spec(raw: unknown): Record<string, unknown> {
  return isRecord(raw) && isRecord(raw['spec']) ? raw['spec'] : {};
}

/** Every rule of a Cilium policy selects nodes: a host policy. */
function ciliumHostPolicy(raw: unknown): boolean {
  const rules = [...(isRecord(raw) && isRecord(raw['spec']) ? [raw['spec']] : []), ...(isRecord(raw) && Array.isArray(raw['specs']) ? raw['specs'].filter(isRecord) : [])];
  return rules.length > 0 && rules.every((r) => r['nodeSelector'] !== undefined && r['endpointSelector'] === undefined);
}

export function notEnforcedReason(kind: PolicyKind, raw: unknown, cni: CniMode): string | undefined {
  if (cni === 'none') return 'the cluster\'s network plugin enforces no network policy';
  const cilium = CILIUM_KINDS.includes(kind);
  const calico = kind.startsWith('Calico');
  if (cilium && cni !== 'cilium') return 'the cluster does not run Cilium: CiliumNetworkPolicies are not enforced here';
  if (calico && cni !== 'calico') return 'the cluster does not run Calico: Calico policies are not enforced here';
  if (cni === 'cilium' && ADMIN_KINDS.includes(kind)) return `Cilium does not implement ${kind}`;
  if (cilium && ciliumHostPolicy(raw)) return 'host policy (nodeSelector): it applies to nodes, which Palisade does not evaluate';
  if (STAGED_KINDS.includes(kind)) {
    const action = spec(raw)['stagedAction'];
    return `staged policy (stagedAction ${typeof action === 'string' ? action : 'Set'}): shown, never enforced`;
  }
  if (calico) {
    const s = spec(raw);
    if (s['doNotTrack'] === true) return 'doNotTrack policy: Calico applies it to host endpoints only, never to pods';
    if (s['preDNAT'] === true) return 'preDNAT policy: Calico applies it to host endpoints only, never to pods';
  }
  return undefined;
}
