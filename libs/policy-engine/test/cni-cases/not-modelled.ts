/**
 * Asserted cells of the CNI case sets that Palisade does not model, each with the reason. The
 * conformance test fails when a listed cell matches after all, so nothing else can hide here.
 */
export interface NotModelled {
  readonly case: string;
  readonly probe: string;
  readonly from: string;
  readonly to: string;
  readonly reason: string;
}

const LOCAL_HOST =
  "Cilium always admits traffic from the node a pod runs on (allow-localhost). Palisade's pod classes do not record each pod's node, so node traffic (host-network pods) is judged by the pod's policies like any other peer: Palisade reports it denied, the stricter answer.";

export const NOT_MODELLED: readonly NotModelled[] = [
  { case: 'cilium/cilium-doc-ccnp-wildcard-from-endpoints.json', probe: '53/UDP', from: 'default/host-node-1', to: 'kube-system/kube-dns', reason: LOCAL_HOST },
  { case: 'cilium/cilium-doc-from-entities-world.json', probe: '80/TCP', from: 'default/host-node-1', to: 'app/public', reason: LOCAL_HOST },
  { case: 'cilium/cilium-e2e-default-deny-ingress-host-exception.json', probe: '80/TCP', from: 'default/host-k8s1', to: 'default/testds-k8s1', reason: LOCAL_HOST },
];
