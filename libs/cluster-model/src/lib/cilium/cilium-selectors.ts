import type {
  CiliumLabelSource,
  CiliumRequirement,
  CiliumSelector,
  LabelSelector,
  LabelSelectorRequirement,
} from '../types';
import type { Issues } from '../issues';
import { child, item } from '../field-readers';
import { readLabelSelector } from '../selectors';

/** The label Cilium gives every pod for its namespace (`k8s:io.kubernetes.pod.namespace`). */
export const NAMESPACE_KEY = 'io.kubernetes.pod.namespace';
/** Cilium copies each label of a pod's namespace onto the pod under this prefix. */
export const NAMESPACE_LABELS_PREFIX = 'io.cilium.k8s.namespace.labels.';

/**
 * Splits a selector key into its label source and key, as Cilium reads it: the source is what
 * comes before the first colon (`k8s:app`, `reserved:host`); no colon, or `any:`, matches labels of
 * any source; `$host` is Cilium's short spelling of `reserved:host`. Sources Palisade has no use
 * for (`container:`, `cidr:`, ...) are `other`: no pod carries such a label.
 */
export function splitLabelKey(written: string): { source: CiliumLabelSource; key: string } {
  if (written.startsWith('$')) return { source: 'reserved', key: written.slice(1) };
  const colon = written.indexOf(':');
  if (colon < 0) return { source: 'any', key: written };
  const key = written.slice(colon + 1);
  switch (written.slice(0, colon)) {
    case '':
    case 'any':
      return { source: 'any', key };
    case 'k8s':
      return { source: 'k8s', key };
    case 'reserved':
      return { source: 'reserved', key };
    default:
      return { source: 'other', key };
  }
}

/** `app=web, tier in (a, b), !debug`: a selector as written, short enough for a message. */
export function renderSelector(selector: LabelSelector): string {
  const parts = [
    ...Object.entries(selector.matchLabels).map(([key, value]) => `${key}=${value}`),
    ...selector.matchExpressions.map(renderExpression),
  ];
  return parts.length === 0 ? '{}' : parts.join(', ');
}

function renderExpression({ key, operator, values }: LabelSelectorRequirement): string {
  switch (operator) {
    case 'In':
      return `${key} in (${values.join(', ')})`;
    case 'NotIn':
      return `${key} notin (${values.join(', ')})`;
    case 'Exists':
      return key;
    case 'DoesNotExist':
      return `!${key}`;
  }
}

interface WrittenSelector {
  readonly requirements: readonly CiliumRequirement[];
  /** Parallel to `requirements`: which ones came from `matchLabels`. */
  readonly fromMatchLabels: readonly boolean[];
  readonly text: string;
}

/**
 * Reads an endpoint selector as written: a metav1.LabelSelector (validated as the API server
 * validates one) whose keys carry a label source. Undefined when absent or invalid (reported).
 */
function readWrittenSelector(
  issues: Issues,
  value: unknown,
  path: string,
): WrittenSelector | undefined {
  const selector = readLabelSelector(issues, value, path);
  if (selector === undefined) return undefined;
  const before = issues.count;
  const requirements: CiliumRequirement[] = [];
  const fromMatchLabels: boolean[] = [];
  const labelsPath = child(path, 'matchLabels');
  for (const [written, labelValue] of Object.entries(selector.matchLabels)) {
    const split = readKey(
      issues,
      written,
      written === '' ? labelsPath : child(labelsPath, written),
    );
    if (split === undefined) continue;
    requirements.push({ ...split, operator: 'In', values: [labelValue] });
    fromMatchLabels.push(true);
  }
  selector.matchExpressions.forEach((expression, index) => {
    const keyPath = child(item(child(path, 'matchExpressions'), index), 'key');
    const split = readKey(issues, expression.key, keyPath);
    if (split === undefined) return;
    requirements.push({ ...split, operator: expression.operator, values: expression.values });
    fromMatchLabels.push(false);
  });
  if (issues.count > before) return undefined;
  return { requirements, fromMatchLabels, text: renderSelector(selector) };
}

function readKey(
  issues: Issues,
  written: string,
  path: string,
): { source: CiliumLabelSource; key: string } | undefined {
  if (written === '') {
    issues.report(path, 'may not have an empty key');
    return undefined;
  }
  const split = splitLabelKey(written);
  if (split.key === '') {
    issues.report(path, `${JSON.stringify(written)} names a label source but no key`);
    return undefined;
  }
  return split;
}

const namespaceIs = (namespace: string): CiliumRequirement => ({
  source: 'k8s',
  key: NAMESPACE_KEY,
  operator: 'In',
  values: [namespace],
});

const ANY_NAMESPACE: CiliumRequirement = {
  source: 'k8s',
  key: NAMESPACE_KEY,
  operator: 'Exists',
  values: [],
};

const isK8sOrAny = (r: CiliumRequirement): boolean => r.source === 'k8s' || r.source === 'any';

/** The selector names Cilium's `reserved:init` identity (pods whose identity is not known yet). */
export function selectsInit(selector: CiliumSelector): boolean {
  return selector.requirements.some((r) => r.source === 'reserved' && r.key === 'init');
}

/**
 * A rule's `endpointSelector`. In a CiliumNetworkPolicy (`namespace` set) Cilium pins it to the
 * policy's namespace: a `k8s:io.kubernetes.pod.namespace` entry of `matchLabels` is replaced by
 * the policy's namespace, as Cilium's parser does (`matchExpressions` entries and a key without
 * source stay, and may make the selector match nothing). A selector of `reserved:init` is left
 * alone, as Cilium leaves it. A clusterwide policy's selector is used as written.
 */
export function readSubjectSelector(
  issues: Issues,
  value: unknown,
  path: string,
  namespace: string | undefined,
): CiliumSelector | undefined {
  const written = readWrittenSelector(issues, value, path);
  if (written === undefined) return undefined;
  const selector = { requirements: written.requirements, text: written.text };
  if (namespace === undefined || selectsInit(selector)) return selector;
  const kept = written.requirements.filter(
    (r, index) =>
      !(written.fromMatchLabels[index] && r.source === 'k8s' && r.key === NAMESPACE_KEY),
  );
  return { requirements: [...kept, namespaceIs(namespace)], text: written.text };
}

/** What decides the namespace Cilium adds to a peer selector. */
export interface PeerScope {
  /** The policy's namespace; undefined for a clusterwide policy. */
  readonly namespace: string | undefined;
  /** The rule's endpointSelector names `reserved:init`. */
  readonly subjectSelectsInit: boolean;
}

/**
 * A peer selector (`fromEndpoints`, `toEndpoints`, `fromRequires`, `toRequires`), with the
 * namespace requirement Cilium adds when the selector names no namespace itself: the policy's
 * namespace in a CiliumNetworkPolicy, any namespace (`Exists`, so pods only) in a clusterwide
 * one. A selector naming the namespace key (`k8s:` or no source, any operator) or a `reserved:`
 * identity gets nothing; in a CiliumNetworkPolicy neither does one naming a namespace label
 * (`io.cilium.k8s.namespace.labels.*`, Cilium 1.16 and later).
 */
export function readPeerSelector(
  issues: Issues,
  value: unknown,
  path: string,
  scope: PeerScope,
): CiliumSelector | undefined {
  const written = readWrittenSelector(issues, value, path);
  if (written === undefined) return undefined;
  const { requirements, text } = written;
  const added = addedNamespace(requirements, scope);
  return { requirements: added === undefined ? requirements : [...requirements, added], text };
}

function addedNamespace(
  requirements: readonly CiliumRequirement[],
  scope: PeerScope,
): CiliumRequirement | undefined {
  if (requirements.some((r) => r.source === 'reserved')) return undefined;
  if (requirements.some((r) => isK8sOrAny(r) && r.key === NAMESPACE_KEY)) return undefined;
  if (scope.namespace === undefined) return scope.subjectSelectsInit ? undefined : ANY_NAMESPACE;
  const namesNamespaceLabels = requirements.some(
    (r) => isK8sOrAny(r) && r.key.startsWith(NAMESPACE_LABELS_PREFIX),
  );
  return namesNamespaceLabels ? undefined : namespaceIs(scope.namespace);
}
