import type { Issues } from './issues';
import type { Service, ServicePort, ServiceType } from './types';
import type { ObjectHeader } from './object-header';
import {
  child,
  item,
  readInteger,
  readList,
  readRecord,
  readString,
  readStringList,
  readStringMap,
} from './field-readers';
import { readPortName, readPortNumber, readPortOrName, readProtocol } from './ports';
import { describeValue, isAbsent } from './unknown-values';

const SERVICE_TYPES: readonly ServiceType[] = [
  'ClusterIP',
  'NodePort',
  'LoadBalancer',
  'ExternalName',
];

export function readService(header: ObjectHeader): Service {
  const { issues, obj } = header;
  const spec = readRecord(issues, obj['spec'], 'spec');
  const status = readRecord(issues, obj['status'], 'status');
  const selector = readStringMap(issues, spec?.['selector'], 'spec.selector');
  const portsPath = 'spec.ports';
  const ports: ServicePort[] = [];
  (readList(issues, spec?.['ports'], portsPath) ?? []).forEach((entry, index) => {
    const port = readServicePort(issues, entry, item(portsPath, index));
    if (port !== undefined) ports.push(port);
  });
  return {
    namespace: header.namespace ?? '',
    name: header.name,
    labels: header.labels,
    type: readServiceType(issues, spec?.['type']),
    // An empty selector selects nothing for a Service (unlike a label selector): same as none.
    selector: selector === undefined || Object.keys(selector).length === 0 ? null : selector,
    ports,
    clusterIPs: readClusterIps(issues, spec?.['clusterIPs'], spec?.['clusterIP']),
    externalIPs: readStringList(issues, spec?.['externalIPs'], 'spec.externalIPs') ?? [],
    loadBalancerIngress: readLoadBalancerIngress(issues, status),
    ...(header.source !== undefined && { source: header.source }),
  };
}

function readServiceType(issues: Issues, value: unknown): ServiceType {
  if (isAbsent(value)) return 'ClusterIP';
  if (SERVICE_TYPES.includes(value as ServiceType)) return value as ServiceType;
  issues.report(
    'spec.type',
    `unsupported type ${describeValue(value)}: must be one of ${SERVICE_TYPES.join(', ')}`,
  );
  return 'ClusterIP';
}

function readServicePort(issues: Issues, value: unknown, path: string): ServicePort | undefined {
  const record = readRecord(issues, value, path);
  if (record === undefined) return undefined;
  const port = readPortNumber(issues, record['port'], child(path, 'port'));
  const protocol = readProtocol(issues, record['protocol'], child(path, 'protocol'));
  const name =
    isAbsent(record['name']) || record['name'] === ''
      ? undefined
      : readPortName(issues, record['name'], child(path, 'name'));
  const targetValue = record['targetPort'];
  // targetPort defaults to port; 0 is what some clients write for "unset".
  const targetPort =
    isAbsent(targetValue) || targetValue === 0 || targetValue === ''
      ? port
      : readPortOrName(issues, targetValue, child(path, 'targetPort'));
  const nodePort = readInteger(issues, record['nodePort'], child(path, 'nodePort'));
  if (port === undefined || protocol === undefined || targetPort === undefined) return undefined;
  return {
    ...(name !== undefined && { name }),
    port,
    targetPort,
    protocol,
    ...(nodePort !== undefined && nodePort !== 0 && { nodePort }),
  };
}

/** "None" marks a headless Service: it has no virtual IP. */
function readClusterIps(issues: Issues, list: unknown, single: unknown): string[] {
  const ips = readStringList(issues, list, 'spec.clusterIPs') ?? [];
  if (ips.length === 0) {
    const ip = readString(issues, single, 'spec.clusterIP');
    if (ip !== undefined) ips.push(ip);
  }
  return ips.filter((ip) => ip !== '' && ip !== 'None');
}

function readLoadBalancerIngress(
  issues: Issues,
  status: Readonly<Record<string, unknown>> | undefined,
): string[] {
  const loadBalancer = readRecord(issues, status?.['loadBalancer'], 'status.loadBalancer');
  const path = 'status.loadBalancer.ingress';
  const entries = readList(issues, loadBalancer?.['ingress'], path) ?? [];
  const result: string[] = [];
  entries.forEach((entry, index) => {
    const record = readRecord(issues, entry, item(path, index));
    const address =
      readString(issues, record?.['ip'], child(item(path, index), 'ip')) ||
      readString(issues, record?.['hostname'], child(item(path, index), 'hostname'));
    if (address) result.push(address);
  });
  return result;
}
