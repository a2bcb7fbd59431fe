import { stringify } from 'yaml';

/**
 * Keys in the order kubectl users read them. PostgreSQL's jsonb keeps keys sorted by length, so
 * a stored object comes back as `kind, spec, metadata, apiVersion`; these come first, in this
 * order, at every level, and the others follow alphabetically.
 */
const READING_ORDER = [
  'apiVersion',
  'kind',
  'metadata',
  'name',
  'namespace',
  'labels',
  'annotations',
  'creationTimestamp',
  'spec',
  'tier',
  'priority',
  'subject',
  'podSelector',
  'policyTypes',
  'ingress',
  'egress',
  'action',
  'from',
  'to',
  'ports',
  'status',
];
const rank = new Map(READING_ORDER.map((key, i) => [key, i]));

function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (typeof value !== 'object' || value === null) return value;
  const keys = Object.keys(value).sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || a.localeCompare(b));
  return Object.fromEntries(keys.map((k) => [k, ordered((value as Record<string, unknown>)[k])]));
}

/** A stored Kubernetes object as YAML, in reading order. */
export function manifestYaml(object: unknown): string {
  return stringify(ordered(object));
}
