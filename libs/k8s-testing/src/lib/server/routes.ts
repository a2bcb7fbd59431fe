import { resourceTypeForPath, type ResourceType } from './resource-types';

/** What a request path names, following the API server's URL layout. */
export type Route =
  | { readonly type: 'health'; readonly check: string }
  | { readonly type: 'version' }
  | { readonly type: 'coreVersions' }
  | { readonly type: 'groups' }
  | { readonly type: 'group'; readonly group: string }
  | { readonly type: 'groupVersion'; readonly group: string; readonly version: string }
  | {
      readonly type: 'resource';
      readonly resource: ResourceType;
      readonly namespace?: string;
      readonly name?: string;
      /** The deprecated `/watch/` path prefix, the same as `?watch=true`. */
      readonly legacyWatch: boolean;
    }
  | { readonly type: 'unknown' };

const HEALTH = new Set(['healthz', 'readyz', 'livez']);

export function parseRoute(pathname: string): Route {
  let segments: string[];
  try {
    segments = pathname
      .split('/')
      .filter((s) => s !== '')
      .map((s) => decodeURIComponent(s));
  } catch {
    return { type: 'unknown' };
  }
  const [first, second, third] = segments;
  if (first !== undefined && HEALTH.has(first)) return { type: 'health', check: first };
  if (first === 'version' && segments.length === 1) return { type: 'version' };
  if (first === 'api') {
    if (segments.length === 1) return { type: 'coreVersions' };
    if (second !== 'v1') return { type: 'unknown' };
    if (segments.length === 2) return { type: 'groupVersion', group: '', version: 'v1' };
    return resourceRoute('', 'v1', segments.slice(2));
  }
  if (first === 'apis') {
    if (segments.length === 1) return { type: 'groups' };
    if (second === undefined) return { type: 'unknown' };
    if (segments.length === 2) return { type: 'group', group: second };
    if (third === undefined) return { type: 'unknown' };
    if (segments.length === 3) return { type: 'groupVersion', group: second, version: third };
    return resourceRoute(second, third, segments.slice(3));
  }
  return { type: 'unknown' };
}

function resourceRoute(group: string, version: string, rest: readonly string[]): Route {
  const legacyWatch = rest[0] === 'watch';
  const parts = legacyWatch ? rest.slice(1) : rest;
  let namespace: string | undefined;
  let plural: string | undefined;
  let name: string | undefined;
  if (parts[0] === 'namespaces' && parts.length >= 3) {
    [, namespace, plural, name] = parts;
    if (parts.length > 4) return { type: 'unknown' };
  } else {
    [plural, name] = parts;
    if (parts.length > 2) return { type: 'unknown' };
  }
  const resource = plural === undefined ? undefined : resourceTypeForPath(group, version, plural);
  if (resource === undefined) return { type: 'unknown' };
  if (namespace !== undefined && !resource.namespaced) return { type: 'unknown' };
  // A single namespaced object is only addressable under its namespace.
  if (namespace === undefined && name !== undefined && resource.namespaced)
    return { type: 'unknown' };
  return {
    type: 'resource',
    resource,
    ...(namespace !== undefined && { namespace }),
    ...(name !== undefined && { name }),
    legacyWatch,
  };
}
