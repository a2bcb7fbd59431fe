import type { Labels, Namespace } from './types';
import type { ObjectHeader } from './object-header';

/** The API server stamps this label on every namespace, and policies select on it. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export interface DeclaredNamespace {
  readonly name: string;
  readonly labels: Labels;
}

export function readNamespace(header: ObjectHeader): DeclaredNamespace {
  return { name: header.name, labels: header.labels };
}

/**
 * Declared namespaces, then the ones only implied by objects in them. The name label is forced to
 * the namespace name, as the API server does even when a manifest sets it to something else.
 */
export function finalizeNamespaces(
  declared: Iterable<DeclaredNamespace>,
  referenced: Iterable<string>,
): Namespace[] {
  const result = new Map<string, Namespace>();
  for (const namespace of declared) {
    result.set(namespace.name, {
      name: namespace.name,
      labels: withNameLabel(namespace.labels, namespace.name),
      implicit: false,
    });
  }
  for (const name of referenced) {
    if (!result.has(name)) {
      result.set(name, { name, labels: withNameLabel({}, name), implicit: true });
    }
  }
  return [...result.values()];
}

function withNameLabel(labels: Labels, name: string): Labels {
  return { ...labels, [NAMESPACE_NAME_LABEL]: name };
}
