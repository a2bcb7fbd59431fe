import type { PolicyKind } from '@palisade/api-contract';
import type { TrendRange } from '../overview/trend-range';
import type { ExplainFields } from './explain-query';
import { workloadPath } from '../data-access/paths';
import { policyPath, policyRefOfId } from '../policies/policy-ref';

/** Links of the workload detail page: to other workloads, to policies, and to itself. */

export function workloadHref(
  clusterId: string,
  ref: { readonly namespace: string; readonly kind: string; readonly name: string },
): string {
  return `/clusters/${encodeURIComponent(clusterId)}${workloadPath(ref)}`;
}

/**
 * A policy's own page (its YAML and history) from the id the API names it by (see
 * parsePolicyId); the list when the id cannot be read.
 */
export function policyPageHref(clusterId: string, id: string, kind?: PolicyKind): string {
  const ref = policyRefOfId(kind, id);
  return ref ? policyPath(clusterId, ref) : `/clusters/${encodeURIComponent(clusterId)}/policies`;
}

/**
 * The policies page, filtered to the policy's namespace (a namespaced policy) or kind (a
 * cluster-wide one), from the id the API names it by (the explain API's rules and `isolatedBy`
 * use the same ids); the whole list when the id cannot be read.
 */
export function policyHref(clusterId: string, id: string, kind?: PolicyKind): string {
  const ref = policyRefOfId(kind, id);
  const search = new URLSearchParams();
  if (ref?.namespace !== undefined) search.set('namespace', ref.namespace);
  else if (ref) search.set('kind', ref.kind);
  const query = search.toString();
  return `/clusters/${encodeURIComponent(clusterId)}/policies${query ? `?${query}` : ''}`;
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
