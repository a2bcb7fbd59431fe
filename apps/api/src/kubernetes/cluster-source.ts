/** Where a watched cluster comes from. Exactly one KubeConfig is built per source. */
export type ClusterSource =
  | { readonly kind: 'kubeconfig'; readonly name: string; readonly kubeconfigYaml: string; readonly context: string }
  | { readonly kind: 'in-cluster'; readonly name: string }
  | { readonly kind: 'demo'; readonly name: string; readonly kubeconfigYaml: string }
  /** Added by an admin through the API; its kubeconfig is stored sealed in the database. */
  | { readonly kind: 'stored'; readonly name: string; readonly kubeconfigYaml: string; readonly context: string };
