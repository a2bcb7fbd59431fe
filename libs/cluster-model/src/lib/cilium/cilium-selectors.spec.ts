import { renderSelector, splitLabelKey } from './cilium-selectors';

describe('Cilium selector keys', () => {
  it.each([
    ['k8s:app', 'k8s', 'app'],
    ['any:app', 'any', 'app'],
    ['app', 'any', 'app'],
    [':app', 'any', 'app'],
    ['reserved:host', 'reserved', 'host'],
    ['$host', 'reserved', 'host'],
    ['container:app', 'other', 'app'],
    ['cidr:10.0.0.0/8', 'other', '10.0.0.0/8'],
    ['unspec:app', 'other', 'app'],
    ['io.kubernetes.pod.namespace', 'any', 'io.kubernetes.pod.namespace'],
    ['k8s:io.kubernetes.pod.namespace', 'k8s', 'io.kubernetes.pod.namespace'],
    ['k8s:io.cilium.k8s.namespace.labels.team', 'k8s', 'io.cilium.k8s.namespace.labels.team'],
    ['app.kubernetes.io/name', 'any', 'app.kubernetes.io/name'],
    // Only the first colon separates the source.
    ['k8s:a:b', 'k8s', 'a:b'],
    ['K8S:app', 'other', 'app'],
  ])('reads %j as source %s, key %s', (written, source, key) => {
    expect(splitLabelKey(written)).toEqual({ source, key });
  });
});

describe('Cilium selector text', () => {
  it.each([
    [{ matchLabels: {}, matchExpressions: [] }, '{}'],
    [{ matchLabels: { app: 'web' }, matchExpressions: [] }, 'app=web'],
    [
      {
        matchLabels: { app: 'web' },
        matchExpressions: [
          { key: 'tier', operator: 'In' as const, values: ['a', 'b'] },
          { key: 'debug', operator: 'DoesNotExist' as const, values: [] },
        ],
      },
      'app=web, tier in (a, b), !debug',
    ],
    [
      {
        matchLabels: { 'k8s:io.kubernetes.pod.namespace': 'kube-system' },
        matchExpressions: [
          { key: 'env', operator: 'NotIn' as const, values: ['dev'] },
          { key: 'reserved:host', operator: 'Exists' as const, values: [] },
        ],
      },
      'k8s:io.kubernetes.pod.namespace=kube-system, env notin (dev), reserved:host',
    ],
  ])('renders %j as %j', (selector, text) => {
    expect(renderSelector(selector)).toBe(text);
  });
});
