import { matchesCalicoSelector, type CalicoExpression } from '@palisade/cluster-model';
import { rangeContains } from './addresses';
import type { CalicoSelectorMatcher, EndpointView } from './policy-set';

/**
 * How Calico sees a pod (docs/cni.md, "Calico"): its labels, plus the labels Calico adds
 * (`projectcalico.org/namespace`, `/orchestrator`, `/serviceaccount`) and those inherited from
 * the namespace (`pcns.<key>`, `pcns.projectcalico.org/name`) and the service account
 * (`pcsa.<key>`, `pcsa.projectcalico.org/name`).
 */
export function calicoLabel(endpoint: EndpointView, key: string): string | undefined {
  switch (key) {
    case 'projectcalico.org/namespace':
      return endpoint.namespace ?? undefined;
    case 'projectcalico.org/orchestrator':
      return 'k8s';
    case 'projectcalico.org/serviceaccount':
      return endpoint.serviceAccount !== null && endpoint.serviceAccount.length < 63 ? endpoint.serviceAccount : undefined;
  }
  const own = endpoint.labels[key];
  if (own !== undefined) return own;
  if (key === 'pcns.projectcalico.org/name') return endpoint.namespace ?? undefined;
  if (key.startsWith('pcns.')) return endpoint.namespaceLabels[key.slice('pcns.'.length)];
  if (key === 'pcsa.projectcalico.org/name') return endpoint.serviceAccount ?? undefined;
  if (key.startsWith('pcsa.')) return endpoint.serviceAccountLabels[key.slice('pcsa.'.length)];
  return undefined;
}

/** Whether a pod's Calico labels satisfy an expression (host-network pods are no Calico endpoints). */
export function calicoEndpointMatches(expression: CalicoExpression, endpoint: EndpointView): boolean {
  if (endpoint.kind !== 'pod' || endpoint.hostNetwork) return false;
  return matchesCalicoSelector(expression, (key) => calicoLabel(endpoint, key));
}

/**
 * A rule selector matches a packet's address when it belongs to an endpoint the selector
 * selects, or lies in the nets of a network set it selects.
 */
export function calicoMatches(matcher: CalicoSelectorMatcher, endpoint: EndpointView): boolean {
  if (calicoEndpointMatches(matcher.expression, endpoint)) return true;
  return matcher.netsets.length > 0 && endpoint.addresses.some((a) => matcher.netsets.some((r) => rangeContains(r, a)));
}
