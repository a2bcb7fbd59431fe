import type { PolicyKind } from '@palisade/api-contract';
import type { TrendRange } from '../overview/trend-range';
import type { ExplainFields } from './explain-query';

/** Links of the workload detail page: to other workloads, to policies, and to itself. */

export function workloadHref(
  clusterId: string,
  ref: { readonly namespace: string; readonly kind: string; readonly name: string },
): string {
  // The same path as data-access's workloadPath, without importing the server-side API client
  // into the browser bundle (the workloads table, a client component, links here too).
  const path = [ref.namespace, ref.kind, ref.name].map(encodeURIComponent).join('/');
  return `/clusters/${encodeURIComponent(clusterId)}/workloads/${path}`;
}

/**
 * The policies page, filtered to the policy's namespace (a NetworkPolicy) or kind (a cluster-wide
 * one). `id` is how the API names a policy: `namespace/name` for a NetworkPolicy, `Kind/name`
 * otherwise (the explain API's rules and `isolatedBy` use the same ids).
 */
export function policyHref(clusterId: string, id: string, kind?: PolicyKind): string {
  const search = new URLSearchParams();
  const [head] = id.split('/');
  const clusterWide = kind ? kind !== 'NetworkPolicy' : isClusterWideKind(head ?? '');
  if (clusterWide) search.set('kind', kind ?? head ?? '');
  else if (head) search.set('namespace', head);
  const query = search.toString();
  return `/clusters/${encodeURIComponent(clusterId)}/policies${query ? `?${query}` : ''}`;
}

const CLUSTER_WIDE = ['AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'ClusterNetworkPolicy'];

function isClusterWideKind(text: string): boolean {
  return CLUSTER_WIDE.includes(text);
}

/**
 * This page with another range or explain question, the other state kept; defaults left out so
 * links stay short (`week`, direction `in`, an empty peer).
 */
export function detailHref(
  basePath: string,
  state: { readonly range: TrendRange; readonly explain?: ExplainFields | undefined },
): string {
  const search = new URLSearchParams();
  if (state.range !== 'week') search.set('range', state.range);
  if (state.explain && state.explain.peer !== '') {
    search.set('peer', state.explain.peer);
    if (state.explain.direction !== 'in') search.set('direction', state.explain.direction);
    if (state.explain.port !== '') search.set('port', state.explain.port);
  }
  const query = search.toString();
  return query ? `${basePath}?${query}` : basePath;
}
