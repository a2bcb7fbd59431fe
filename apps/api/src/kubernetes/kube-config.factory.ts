import { KubeConfig } from '@kubernetes/client-node';
import type { ClusterSource } from './cluster-source';
import { kubeConfigOfStored } from './stored-kubeconfig';

/**
 * The one place that builds a KubeConfig. Each cluster gets its own: API clients read the
 * credentials of the current context at request time, so sharing one would mix clusters.
 */
export function buildKubeConfig(source: ClusterSource): KubeConfig {
  const kc = new KubeConfig();
  switch (source.kind) {
    case 'kubeconfig':
      // The operator's own KUBECONFIG file: trusted as kubectl trusts it (exec plugins, file paths).
      kc.loadFromString(source.kubeconfigYaml);
      kc.setCurrentContext(source.context);
      break;
    case 'stored':
      // Given over the API: only the checked inline data reaches the client library.
      return kubeConfigOfStored(source.kubeconfigYaml, source.context);
    case 'in-cluster':
      kc.loadFromCluster();
      break;
    case 'demo':
      kc.loadFromString(source.kubeconfigYaml);
      break;
  }
  return kc;
}

/** Context names of a kubeconfig and its current context. */
export function contextsOf(kubeconfigYaml: string): { contexts: string[]; current: string } {
  const kc = new KubeConfig();
  kc.loadFromString(kubeconfigYaml);
  return { contexts: kc.getContexts().map((c) => c.name), current: kc.getCurrentContext() };
}
