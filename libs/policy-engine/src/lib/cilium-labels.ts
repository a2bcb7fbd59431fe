import type { CiliumRequirement, CiliumSelector } from '@palisade/cluster-model';
import type { EndpointView } from './policy-set';

/**
 * A pod's Cilium identity labels (docs/cni.md, "Cilium"): its own labels without the ones
 * Cilium leaves out of identities, plus the namespace, the namespace's labels, the service
 * account and the cluster name, all from the `k8s` source.
 */

/** Label keys Cilium's default identity filter drops (identity-relevant-labels docs). */
const IRRELEVANT_PREFIXES = [
  'io.kubernetes',
  'kubernetes.io',
  'beta.kubernetes.io',
  'k8s.io',
  'statefulset.kubernetes.io/pod-name',
  'apps.kubernetes.io/pod-index',
  'batch.kubernetes.io/job-completion-index',
  'batch.kubernetes.io/controller-uid',
  'pod-template-generation',
  'pod-template-hash',
  'controller-revision-hash',
  'controller-uid',
  'annotation',
  'etcd_node',
  // Users may not set these on pods: Cilium removes them so they cannot be spoofed.
  'io.cilium.k8s',
];

export const CILIUM_NAMESPACE_LABEL = 'io.kubernetes.pod.namespace';
export const CILIUM_NAMESPACE_LABELS_PREFIX = 'io.cilium.k8s.namespace.labels.';
export const CILIUM_SERVICE_ACCOUNT_LABEL = 'io.cilium.k8s.policy.serviceaccount';
export const CILIUM_CLUSTER_LABEL = 'io.cilium.k8s.policy.cluster';
/** The cluster name Cilium uses unless configured. */
export const CILIUM_DEFAULT_CLUSTER = 'default';

function identityRelevant(key: string): boolean {
  return !IRRELEVANT_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/** The value of a `k8s`-source identity label of a pod, or undefined. */
export function ciliumIdentityLabel(endpoint: EndpointView, key: string): string | undefined {
  if (key === CILIUM_NAMESPACE_LABEL) return endpoint.namespace ?? undefined;
  if (key.startsWith(CILIUM_NAMESPACE_LABELS_PREFIX)) return endpoint.namespaceLabels[key.slice(CILIUM_NAMESPACE_LABELS_PREFIX.length)];
  if (key === CILIUM_SERVICE_ACCOUNT_LABEL) return endpoint.serviceAccount ?? undefined;
  if (key === CILIUM_CLUSTER_LABEL) return CILIUM_DEFAULT_CLUSTER;
  return identityRelevant(key) ? endpoint.labels[key] : undefined;
}

function requirementHolds(requirement: CiliumRequirement, endpoint: EndpointView): boolean {
  // Pods carry only `k8s` labels: `any` and `k8s` keys look them up, other sources find nothing.
  const value = requirement.source === 'any' || requirement.source === 'k8s' ? ciliumIdentityLabel(endpoint, requirement.key) : undefined;
  switch (requirement.operator) {
    case 'In':
      return value !== undefined && requirement.values.includes(value);
    case 'NotIn':
      return value === undefined || !requirement.values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
  }
}

/** Whether a pod's identity satisfies every requirement of the selector. */
export function ciliumSelectorMatches(selector: CiliumSelector, endpoint: EndpointView): boolean {
  if (endpoint.kind !== 'pod') return false;
  return selector.requirements.every((r) => requirementHolds(r, endpoint));
}

/** A selector with more requirements (fromRequires folded in). */
export function withRequirements(selector: CiliumSelector, extra: readonly CiliumSelector[]): CiliumSelector {
  if (extra.length === 0) return selector;
  return {
    requirements: [...selector.requirements, ...extra.flatMap((e) => e.requirements)],
    text: `${selector.text} + requires ${extra.map((e) => e.text).join(', ')}`,
  };
}
