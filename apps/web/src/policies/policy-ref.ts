import type { PolicyItem, PolicyKind } from '@palisade/api-contract';
import { isPolicyKind } from './policies-url';

/** Which policy a page shows: a NetworkPolicy lives in a namespace, the other kinds do not. */
export interface PolicyRef {
  readonly kind: PolicyKind;
  readonly namespace?: string;
  readonly name: string;
}

export const isNamespaced = (kind: PolicyKind) => kind === 'NetworkPolicy';

/**
 * The segments after `/policies/`: `Kind/name` for a cluster-wide policy,
 * `NetworkPolicy/namespace/name` for a namespaced one. Anything else is no policy's page.
 */
export function parsePolicyRef(segments: readonly string[]): PolicyRef | undefined {
  const parts = segments.map(decodeSegment);
  if (parts.some((p) => p === undefined || p === '')) return undefined;
  const [kind, first, second, ...more] = parts;
  if (!isPolicyKind(kind) || first === undefined || more.length > 0) return undefined;
  if (isNamespaced(kind))
    return second === undefined ? undefined : { kind, namespace: first, name: second };
  return second === undefined ? { kind, name: first } : undefined;
}

// Next hands catch-all segments over still percent-encoded in some versions; names are
// DNS labels, so decoding an already decoded one changes nothing.
function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The path of a policy's page under a cluster. */
export function policyPath(clusterId: string, ref: PolicyRef | PolicyItem): string {
  const parts = [
    ref.kind,
    ...(isNamespaced(ref.kind) && ref.namespace ? [ref.namespace] : []),
    ref.name,
  ];
  return `/clusters/${encodeURIComponent(clusterId)}/policies/${parts.map(encodeURIComponent).join('/')}`;
}

/** "NetworkPolicy shop/default-deny-ingress", "AdminNetworkPolicy allow-monitoring-scrape". */
export function policyLabel(ref: PolicyRef): string {
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}

/** A key naming one policy across kinds: `NetworkPolicy/shop/web`, `AdminNetworkPolicy/x`. */
export function policyKey(ref: PolicyRef): string {
  return [ref.kind, ...(ref.namespace ? [ref.namespace] : []), ref.name].join('/');
}

/**
 * The policy a change event names: its `policy` is the API's id (`namespace/name` for a
 * NetworkPolicy, `Kind/name` otherwise) and its details carry the kind.
 */
export function policyRefOfId(kind: unknown, id: string): PolicyRef | undefined {
  if (typeof kind !== 'string' || !isPolicyKind(kind)) return undefined;
  const slash = id.indexOf('/');
  if (slash <= 0 || slash === id.length - 1) return undefined;
  const [first, rest] = [id.slice(0, slash), id.slice(slash + 1)];
  if (isNamespaced(kind)) return { kind, namespace: first, name: rest };
  return first === kind ? { kind, name: rest } : undefined;
}
