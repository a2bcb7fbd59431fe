import type { ClusterModel, Labels, Pod } from '@palisade/cluster-model';
import { addressKey } from './addresses';
import type { EndpointView } from './policy-set';

const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** Namespace labels with the name label the API server always sets. */
export function namespaceLabelsOf(model: ClusterModel): Map<string, Labels> {
  const labels = new Map<string, Labels>();
  for (const ns of model.namespaces) {
    labels.set(ns.name, { ...ns.labels, [NAMESPACE_NAME_LABEL]: ns.name });
  }
  return labels;
}

/** Labels of each service account, by `namespace/name`. */
export function serviceAccountLabelsOf(model: ClusterModel): Map<string, Labels> {
  return new Map(model.serviceAccounts.map((sa) => [`${sa.namespace}/${sa.name}`, sa.labels]));
}

/** What the matchers see of each pod, in model order. */
export function podEndpoints(model: ClusterModel): EndpointView[] {
  const namespaceLabels = namespaceLabelsOf(model);
  const nodeLabels = new Map(model.nodes.map((n) => [n.name, n.labels]));
  const accounts = serviceAccountLabelsOf(model);
  return model.pods.map((pod) => podEndpoint(pod, namespaceLabels, nodeLabels, accounts));
}

export function podEndpoint(
  pod: Pod,
  namespaceLabels: ReadonlyMap<string, Labels>,
  nodeLabels: ReadonlyMap<string, Labels>,
  serviceAccountLabels: ReadonlyMap<string, Labels> = new Map(),
): EndpointView {
  return {
    kind: 'pod',
    namespace: pod.namespace,
    namespaceLabels: namespaceLabels.get(pod.namespace) ?? { [NAMESPACE_NAME_LABEL]: pod.namespace },
    labels: pod.labels,
    hostNetwork: pod.hostNetwork,
    nodeLabels: pod.hostNetwork && pod.nodeName ? (nodeLabels.get(pod.nodeName) ?? null) : null,
    addresses: pod.ips.map(addressKey).filter((k): k is bigint => k !== undefined),
    ports: pod.ports,
    serviceAccount: pod.serviceAccount,
    serviceAccountLabels: serviceAccountLabels.get(`${pod.namespace}/${pod.serviceAccount}`) ?? {},
  };
}

/** An address outside the cluster; undefined when the text is not an IP address. */
export function externalEndpoint(address: string): EndpointView | undefined {
  const key = addressKey(address);
  return key === undefined ? undefined : outsideEndpoint(key);
}

/** An address outside the cluster, by its key. */
export function outsideEndpoint(key: bigint): EndpointView {
  return {
    kind: 'external',
    namespace: null,
    namespaceLabels: {},
    labels: {},
    hostNetwork: false,
    nodeLabels: null,
    addresses: [key],
    ports: [],
    serviceAccount: null,
    serviceAccountLabels: {},
  };
}

/**
 * Traffic a node sends (its kubelet, a host-network process, or a Service's source NAT): seen
 * as a host-network endpoint of no namespace, with the node's labels and addresses.
 */
export function nodeEndpoint(nodeLabels: Labels, addresses: readonly bigint[]): EndpointView {
  return {
    kind: 'pod',
    namespace: null,
    namespaceLabels: {},
    labels: {},
    hostNetwork: true,
    nodeLabels,
    addresses,
    ports: [],
    serviceAccount: null,
    serviceAccountLabels: {},
  };
}

export function podId(pod: { readonly namespace: string; readonly name: string }): string {
  return `${pod.namespace}/${pod.name}`;
}
