import type { CalicoExpression, ClusterModel, PolicyDirection } from '@palisade/cluster-model';
import { CILIUM_CLUSTER_LABEL, CILIUM_NAMESPACE_LABEL, CILIUM_NAMESPACE_LABELS_PREFIX } from './cilium-labels';
import { namespaceLabelsOf } from './endpoints';
import { CompiledPolicy, EndpointView, isolatesFor, PolicySet, subjectMatches } from './policy-set';
import { isEmptySelector } from './selector';

/**
 * Default deny of a namespace, per direction: an isolating policy (of a tier ending with Deny)
 * selects every pod of the namespace, present and future, whatever its labels: a
 * NetworkPolicy with `podSelector: {}`, a CiliumNetworkPolicy with `endpointSelector: {}`, a
 * Calico policy whose selector names only namespace attributes (`all()`, a namespaceSelector).
 */

function calicoKeys(expression: CalicoExpression): string[] {
  switch (expression.op) {
    case 'all':
    case 'global':
      return [];
    case 'not':
      return calicoKeys(expression.operand);
    case 'and':
    case 'or':
      return expression.operands.flatMap(calicoKeys);
    default:
      return [expression.key];
  }
}

const CALICO_NAMESPACE_KEYS = new Set(['projectcalico.org/namespace', 'projectcalico.org/orchestrator']);

/** The policy selects pods by namespace attributes only, never by the pod's own labels. */
function namespaceWide(policy: CompiledPolicy): boolean {
  const subject = policy.subject;
  switch (subject.kind) {
    case 'namespace-pods':
      return isEmptySelector(subject.podSelector);
    case 'cilium':
      return subject.selector.requirements.every(
        (r) => r.key === CILIUM_NAMESPACE_LABEL || r.key === CILIUM_CLUSTER_LABEL || r.key.startsWith(CILIUM_NAMESPACE_LABELS_PREFIX),
      );
    case 'calico':
      return calicoKeys(subject.expression).every((k) => CALICO_NAMESPACE_KEYS.has(k) || k.startsWith('pcns.'));
    default:
      return false;
  }
}

export function defaultDenyOf(model: ClusterModel, policies: PolicySet): (namespace: string, direction: PolicyDirection) => boolean {
  const namespaceLabels = namespaceLabelsOf(model);
  const candidates = policies.all.filter((p) => policies.tiers[p.tier].endAction === 'Deny' && namespaceWide(p));
  return (namespace, direction) => {
    // A pod with no labels at all: a namespace-wide selector matches it iff it matches every pod there.
    const bare: EndpointView = {
      kind: 'pod',
      namespace,
      namespaceLabels: namespaceLabels.get(namespace) ?? { 'kubernetes.io/metadata.name': namespace },
      labels: {},
      hostNetwork: false,
      nodeLabels: null,
      addresses: [],
      ports: [],
      serviceAccount: 'default',
      serviceAccountLabels: {},
    };
    return candidates.some((p) => isolatesFor(p, direction) && subjectMatches(p.subject, bare));
  };
}
