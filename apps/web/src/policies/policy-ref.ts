import { isPolicyKind, NAMESPACED_POLICY_KINDS, parsePolicyId, type PolicyItem, type PolicyKind } from '@palisade/api-contract';

/** Which policy a page shows: the namespaced kinds (NetworkPolicy, CiliumNetworkPolicy, Calico's NetworkPolicy) live in a namespace. */
export interface PolicyRef {
  readonly kind: PolicyKind;
  readonly namespace?: string;
  readonly name: string;
}

export const isNamespaced = (kind: PolicyKind) => NAMESPACED_POLICY_KINDS.includes(kind);

/**
 * The segments after `/policies/`: `Kind/name` for a cluster-wide policy,
 * `Kind/namespace/name` for a namespaced one. Anything else is no policy's page.
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
 * The policy the API names by its id (`namespace/name` for a NetworkPolicy, `Kind/name` or
 * `Kind/namespace/name` otherwise: see parsePolicyId); a kind given beside it must agree.
 */
export function policyRefOfId(kind: unknown, id: string): PolicyRef | undefined {
  const ref = parsePolicyId(id);
  if (!ref || (kind !== undefined && (!isPolicyKind(kind) || kind !== ref.kind))) return undefined;
  return ref;
}
