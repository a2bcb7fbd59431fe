/** The first policy a namespace needs: every pod selected, no ingress rule, so nothing gets in. */
export function defaultDenyYaml(namespace = 'my-namespace'): string {
  return [
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    'metadata:',
    '  name: default-deny-ingress',
    `  namespace: ${namespace}`,
    'spec:',
    '  podSelector: {}',
    '  policyTypes:',
    '    - Ingress',
    '',
  ].join('\n');
}
