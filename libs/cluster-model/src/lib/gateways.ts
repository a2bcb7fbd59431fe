import type { Issues } from './issues';
import type { Gateway, GatewayClass, GatewayListener } from './types';
import type { ObjectHeader } from './object-header';
import {
  child,
  item,
  readChoice,
  readEachRecord,
  readList,
  readOptionalString,
  readRecord,
  readRequiredString,
  readString,
} from './field-readers';
import { readGroup } from './gateway-fields';
import { GATEWAY_API_GROUP } from './kinds';
import { readPortNumber } from './ports';
import { readLabelSelector } from './selectors';
import type { UnknownRecord } from './unknown-values';

/**
 * GatewayClass and Gateway (gateway.networking.k8s.io), read with the defaults the CRDs declare
 * (sigs.k8s.io/gateway-api apis/v1 gatewayclass_types.go and gateway_types.go).
 */

export function readGatewayClass(header: ObjectHeader): GatewayClass {
  const { issues, obj } = header;
  const spec = readRecord(issues, obj['spec'], 'spec');
  return {
    name: header.name,
    controllerName:
      readRequiredString(issues, spec?.['controllerName'], 'spec.controllerName') ?? '',
    ...(header.source !== undefined && { source: header.source }),
  };
}

export function readGateway(header: ObjectHeader): Gateway {
  const { issues, obj } = header;
  const spec = readRecord(issues, obj['spec'], 'spec');
  const status = readRecord(issues, obj['status'], 'status');
  const listeners = readEachRecord(issues, spec?.['listeners'], 'spec.listeners', (record, path) =>
    readListener(issues, record, path),
  );
  return {
    namespace: header.namespace ?? '',
    name: header.name,
    gatewayClassName:
      readRequiredString(issues, spec?.['gatewayClassName'], 'spec.gatewayClassName') ?? '',
    listeners,
    addresses: readStatusAddresses(issues, status),
    labels: header.labels,
    ...(header.source !== undefined && { source: header.source }),
  };
}

function readListener(
  issues: Issues,
  record: UnknownRecord,
  path: string,
): GatewayListener | undefined {
  const name = readRequiredString(issues, record['name'], child(path, 'name'));
  const port = readPortNumber(issues, record['port'], child(path, 'port'));
  const protocol = readRequiredString(issues, record['protocol'], child(path, 'protocol'));
  const hostname = readOptionalString(issues, record['hostname'], child(path, 'hostname'));
  const tlsMode = readTlsMode(issues, record['tls'], child(path, 'tls'), protocol);
  const allowedRoutes = readAllowedRoutes(
    issues,
    record['allowedRoutes'],
    child(path, 'allowedRoutes'),
  );
  if (name === undefined || port === undefined || protocol === undefined) return undefined;
  return {
    name,
    port,
    protocol,
    ...(hostname !== undefined && { hostname }),
    ...(tlsMode !== undefined && { tlsMode }),
    allowedRoutes,
  };
}

const TLS_MODES: readonly NonNullable<GatewayListener['tlsMode']>[] = ['Terminate', 'Passthrough'];
/** The protocols whose listeners terminate or pass through TLS. */
const TLS_PROTOCOLS = ['HTTPS', 'TLS'];

/** tls.mode, Terminate by default; only HTTPS and TLS listeners use it. */
function readTlsMode(
  issues: Issues,
  value: unknown,
  path: string,
  protocol: string | undefined,
): GatewayListener['tlsMode'] {
  const tls = readRecord(issues, value, path);
  if (tls === undefined) return undefined;
  const mode = readChoice(issues, tls['mode'], child(path, 'mode'), TLS_MODES, 'Terminate');
  return protocol !== undefined && TLS_PROTOCOLS.includes(protocol) ? mode : undefined;
}

type AllowedRoutes = GatewayListener['allowedRoutes'];
const FROM_VALUES: readonly AllowedRoutes['from'][] = ['Same', 'All', 'Selector'];

/**
 * allowedRoutes, defaulted to `{namespaces: {from: Same}}`. The selector is kept only for
 * `from: Selector`: the API ignores it otherwise.
 */
function readAllowedRoutes(issues: Issues, value: unknown, path: string): AllowedRoutes {
  const record = readRecord(issues, value, path);
  const namespacesPath = child(path, 'namespaces');
  const namespaces = readRecord(issues, record?.['namespaces'], namespacesPath);
  const from =
    readChoice(issues, namespaces?.['from'], child(namespacesPath, 'from'), FROM_VALUES, 'Same') ??
    'Same';
  const selector = readLabelSelector(
    issues,
    namespaces?.['selector'],
    child(namespacesPath, 'selector'),
  );
  return {
    from,
    ...(from === 'Selector' && selector !== undefined && { selector }),
    kinds: readRouteKinds(issues, record?.['kinds'], child(path, 'kinds')),
  };
}

/** RouteGroupKind entries: group defaults to the Gateway API group, kind is required. */
function readRouteKinds(issues: Issues, value: unknown, path: string): AllowedRoutes['kinds'] {
  return readEachRecord(issues, value, path, (record, entryPath) => {
    const group = readGroup(issues, record['group'], child(entryPath, 'group'), GATEWAY_API_GROUP);
    const kind = readRequiredString(issues, record['kind'], child(entryPath, 'kind'));
    return kind === undefined ? undefined : { group, kind };
  });
}

/** status.addresses values: the IP addresses or hostnames the Gateway was given. */
function readStatusAddresses(issues: Issues, status: UnknownRecord | undefined): string[] {
  const path = 'status.addresses';
  const addresses: string[] = [];
  (readList(issues, status?.['addresses'], path) ?? []).forEach((entry, index) => {
    const record = readRecord(issues, entry, item(path, index));
    const address = readString(issues, record?.['value'], child(item(path, index), 'value'));
    if (address !== undefined && address !== '' && !addresses.includes(address))
      addresses.push(address);
  });
  return addresses;
}
