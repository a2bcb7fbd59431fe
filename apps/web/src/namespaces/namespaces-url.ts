import type { NamespaceItem } from '@palisade/api-contract';

/**
 * The namespaces table's state lives in the URL (`?sort=-unprotected&q=pay`). The API answers
 * every namespace at once (up to 1000) and takes no sort, so the page sorts and filters them.
 */

export const NAMESPACE_SORT_FIELDS = [
  'name',
  'score',
  'workloads',
  'unprotected',
  'exposed',
  'policies',
] as const;
export type NamespaceSortField = (typeof NAMESPACE_SORT_FIELDS)[number];
export type NamespaceSort = NamespaceSortField | `-${NamespaceSortField}`;

/** Worst first: the lowest score is what to look at. */
export const DEFAULT_NAMESPACE_SORT: NamespaceSort = 'score';

export interface NamespacesQuery {
  readonly sort: NamespaceSort;
  /** Part of the namespace's name, any case. */
  readonly q?: string;
}

export type SearchParams = Readonly<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

function isSort(text: string | undefined): text is NamespaceSort {
  if (text === undefined) return false;
  const field = text.startsWith('-') ? text.slice(1) : text;
  return (NAMESPACE_SORT_FIELDS as readonly string[]).includes(field);
}

/** Reads the URL; anything it does not understand falls back to the default. */
export function parseNamespacesQuery(params: SearchParams): NamespacesQuery {
  const sort = first(params['sort']);
  const q = first(params['q'])?.slice(0, 200);
  return { sort: isSort(sort) ? sort : DEFAULT_NAMESPACE_SORT, ...(q !== undefined && { q }) };
}

/** The URL for a state, leaving out defaults so links stay short. */
export function namespacesHref(basePath: string, query: NamespacesQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.sort !== DEFAULT_NAMESPACE_SORT) params.set('sort', query.sort);
  const search = params.toString();
  return search ? `${basePath}?${search}` : basePath;
}

/** Whether the URL already says the state in its shortest form (a submitted form sends `?q=`). */
export function isCanonical(params: SearchParams, query: NamespacesQuery): boolean {
  const given = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      given.append(key, v);
    }
  }
  const canonical = new URLSearchParams(namespacesHref('', query).replace(/^\?/, ''));
  given.sort();
  canonical.sort();
  return given.toString() === canonical.toString();
}

/**
 * Clicking a column header: names read A to Z first; counts of trouble (unprotected, exposed)
 * most first; scores lowest first; clicking again turns the order round.
 */
export function sortedBy(query: NamespacesQuery, field: NamespaceSortField): NamespacesQuery {
  if (query.sort === field) return { ...query, sort: `-${field}` };
  if (query.sort === `-${field}`) return { ...query, sort: field };
  const mostFirst = field === 'unprotected' || field === 'exposed';
  return { ...query, sort: mostFirst ? `-${field}` : field };
}

export function sortDirection(
  query: NamespacesQuery,
  field: NamespaceSortField,
): 'ascending' | 'descending' | undefined {
  if (query.sort === field) return 'ascending';
  if (query.sort === `-${field}`) return 'descending';
  return undefined;
}

const sortValue: Record<NamespaceSortField, (ns: NamespaceItem) => number | string | null> = {
  name: (ns) => ns.name,
  score: (ns) => ns.score,
  workloads: (ns) => ns.workloads,
  unprotected: (ns) => ns.unprotectedWorkloads,
  exposed: (ns) => ns.exposedWorkloads,
  policies: (ns) => ns.networkPolicies,
};

/** The sort field, then the name; a namespace without a score (no workloads) sorts last either way. */
export function compareNamespaces(sort: NamespaceSort, a: NamespaceItem, b: NamespaceItem): number {
  const descending = sort.startsWith('-');
  const field = (descending ? sort.slice(1) : sort) as NamespaceSortField;
  const x = sortValue[field](a);
  const y = sortValue[field](b);
  let order: number;
  if (x === null || y === null) {
    order = x === y ? 0 : x === null ? 1 : -1;
  } else {
    order = typeof x === 'number' && typeof y === 'number' ? x - y : cmp(String(x), String(y));
    if (descending) order = -order;
  }
  return order || cmp(a.name, b.name);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The rows the table shows: those whose name contains the text, in the URL's order. */
export function visibleNamespaces(
  items: readonly NamespaceItem[],
  query: NamespacesQuery,
): NamespaceItem[] {
  const q = query.q?.toLowerCase();
  return items
    .filter((ns) => q === undefined || ns.name.toLowerCase().includes(q))
    .sort((a, b) => compareNamespaces(query.sort, a, b));
}

/** The path of a namespace's page under a cluster. */
export const namespacePath = (clusterId: string, namespace: string) =>
  `/clusters/${encodeURIComponent(clusterId)}/namespaces/${encodeURIComponent(namespace)}`;
