import type { Issues } from './issues';
import type { GatewayBackendRef, GatewayParentRef, GatewayRoute, GatewayRouteKind } from './types';
import type { ObjectHeader } from './object-header';
import {
  child,
  readEachRecord,
  readInteger,
  readOptionalString,
  readRecord,
  readRequiredString,
  readStringList,
} from './field-readers';
import { readGroup, readKind, readOptionalPort } from './gateway-fields';
import { GATEWAY_API_GROUP } from './kinds';
import { isAbsent, type UnknownRecord } from './unknown-values';

/**
 * HTTPRoute, GRPCRoute, TLSRoute, TCPRoute and UDPRoute: where they attach and where they send
 * traffic, with the CRDs' defaults (sigs.k8s.io/gateway-api apis/v1: shared_types.go
 * ParentReference, object_reference_types.go BackendObjectReference, BackendRef.weight).
 */

/** TCPRoute and UDPRoute match by port alone: they have no hostnames. */
const WITH_HOSTNAMES: ReadonlySet<GatewayRouteKind> = new Set([
  'HTTPRoute',
  'GRPCRoute',
  'TLSRoute',
]);

/** BackendRef.weight bounds (Minimum=0, Maximum=1000000). */
const MAX_WEIGHT = 1_000_000;

export function readGatewayRoute(
  header: ObjectHeader & { readonly kind: GatewayRouteKind },
): GatewayRoute {
  const { issues, obj, kind } = header;
  const namespace = header.namespace ?? '';
  const spec = readRecord(issues, obj['spec'], 'spec');
  const hostnames = WITH_HOSTNAMES.has(kind)
    ? (readStringList(issues, spec?.['hostnames'], 'spec.hostnames') ?? []).filter(
        (host) => host !== '',
      )
    : [];
  return {
    kind,
    namespace,
    name: header.name,
    hostnames,
    parentRefs: readEachRecord(issues, spec?.['parentRefs'], 'spec.parentRefs', (record, path) =>
      readParentRef(issues, record, path, namespace),
    ),
    backendRefs: readRuleBackendRefs(issues, spec?.['rules'], namespace),
    ...(header.source !== undefined && { source: header.source }),
  };
}

/** A parentRef: a Gateway of the route's namespace unless it says otherwise. */
function readParentRef(
  issues: Issues,
  record: UnknownRecord,
  path: string,
  routeNamespace: string,
): GatewayParentRef | undefined {
  const group = readGroup(issues, record['group'], child(path, 'group'), GATEWAY_API_GROUP);
  const kind = readKind(issues, record['kind'], child(path, 'kind'), 'Gateway');
  const namespace = readOptionalString(issues, record['namespace'], child(path, 'namespace'));
  const name = readRequiredString(issues, record['name'], child(path, 'name'));
  const sectionName = readOptionalString(issues, record['sectionName'], child(path, 'sectionName'));
  const port = readOptionalPort(issues, record['port'], child(path, 'port'));
  if (kind === undefined || name === undefined) return undefined;
  return {
    group,
    kind,
    namespace: namespace ?? routeNamespace,
    name,
    ...(sectionName !== undefined && { sectionName }),
    ...(port !== undefined && { port }),
  };
}

/** Every backendRef of every rule, in order. */
function readRuleBackendRefs(
  issues: Issues,
  value: unknown,
  routeNamespace: string,
): GatewayBackendRef[] {
  return readEachRecord(issues, value, 'spec.rules', (rule, rulePath) =>
    readEachRecord(issues, rule['backendRefs'], child(rulePath, 'backendRefs'), (record, path) =>
      readBackendRef(issues, record, path, routeNamespace),
    ),
  ).flat();
}

/** A backendRef: a Service of the route's namespace unless it says otherwise, weight 1. */
function readBackendRef(
  issues: Issues,
  record: UnknownRecord,
  path: string,
  routeNamespace: string,
): GatewayBackendRef | undefined {
  const group = readGroup(issues, record['group'], child(path, 'group'), '');
  const kind = readKind(issues, record['kind'], child(path, 'kind'), 'Service');
  const namespace = readOptionalString(issues, record['namespace'], child(path, 'namespace'));
  const name = readRequiredString(issues, record['name'], child(path, 'name'));
  const port = readOptionalPort(issues, record['port'], child(path, 'port'));
  const weight = readWeight(issues, record['weight'], child(path, 'weight'));
  if (kind === undefined || name === undefined || weight === undefined) return undefined;
  return {
    group,
    kind,
    namespace: namespace ?? routeNamespace,
    name,
    ...(port !== undefined && { port }),
    weight,
  };
}

function readWeight(issues: Issues, value: unknown, path: string): number | undefined {
  const weight = readInteger(issues, value, path);
  if (weight === undefined) return isAbsent(value) ? 1 : undefined;
  if (weight >= 0 && weight <= MAX_WEIGHT) return weight;
  issues.report(path, `invalid weight ${weight}: must be between 0 and ${MAX_WEIGHT}, inclusive`);
  return undefined;
}
