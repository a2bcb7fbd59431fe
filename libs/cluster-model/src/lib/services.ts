import type { Issues } from './issues';
import type { Service, ServicePort, ServiceType } from './types';
import { annotationOf, readAnnotations, type ObjectHeader } from './object-header';
import { internalLoadBalancerReason } from './internal-load-balancers';
import { parseCidr } from './ip-addresses';
import {
  child,
  item,
  readInteger,
  readList,
  readOptionalString,
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
  const annotations = readAnnotations(header);
  const selector = readStringMap(issues, spec?.['selector'], 'spec.selector');
  const portsPath = 'spec.ports';
  const ports: ServicePort[] = [];
  (readList(issues, spec?.['ports'], portsPath) ?? []).forEach((entry, index) => {
    const port = readServicePort(issues, entry, item(portsPath, index));
    if (port !== undefined) ports.push(port);
  });
  const type = readServiceType(issues, spec?.['type']);
  const clusterIPs = readClusterIps(issues, spec?.['clusterIPs'], spec?.['clusterIP']);
  const loadBalancerClass = readOptionalString(
    issues,
    spec?.['loadBalancerClass'],
    'spec.loadBalancerClass',
  );
  // Only a LoadBalancer Service has a load balancer for the annotations to describe.
  const internalLoadBalancer =
    type === 'LoadBalancer'
      ? internalLoadBalancerReason({
          annotations,
          ...(loadBalancerClass !== undefined && { loadBalancerClass }),
        })
      : undefined;
  return {
    namespace: header.namespace ?? '',
    name: header.name,
    labels: header.labels,
    type,
    // An empty selector selects nothing for a Service (unlike a label selector): same as none.
    selector: selector === undefined || Object.keys(selector).length === 0 ? null : selector,
    ports,
    clusterIPs: clusterIPs.filter((ip) => ip !== '' && ip !== HEADLESS),
    headless: clusterIPs.includes(HEADLESS),
    externalIPs: readStringList(issues, spec?.['externalIPs'], 'spec.externalIPs') ?? [],
    loadBalancerIngress: readLoadBalancerIngress(issues, status),
    externalTrafficPolicy: readExternalTrafficPolicy(issues, spec?.['externalTrafficPolicy']),
    loadBalancerSourceRanges: readSourceRanges(
      issues,
      spec?.['loadBalancerSourceRanges'],
      annotations,
    ),
    ...(loadBalancerClass !== undefined && { loadBalancerClass }),
    ...(internalLoadBalancer !== undefined && { internalLoadBalancer }),
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

/** The clusterIP of a headless Service: it has no virtual IP, only DNS records for its pods. */
const HEADLESS = 'None';

/** spec.clusterIPs (dual stack), else spec.clusterIP, as written: "None" included. */
function readClusterIps(issues: Issues, list: unknown, single: unknown): string[] {
  const ips = readStringList(issues, list, 'spec.clusterIPs') ?? [];
  if (ips.length === 0) {
    const ip = readString(issues, single, 'spec.clusterIP');
    if (ip !== undefined) ips.push(ip);
  }
  return ips;
}

type TrafficPolicy = Service['externalTrafficPolicy'];

/**
 * spec.externalTrafficPolicy, Cluster when unset (core/v1 defaults). `Global` is the old name of
 * Cluster, from the beta annotation the field replaced.
 */
function readExternalTrafficPolicy(issues: Issues, value: unknown): TrafficPolicy {
  if (value === 'Local') return 'Local';
  if (isAbsent(value) || value === '' || value === 'Cluster' || value === 'Global') {
    return 'Cluster';
  }
  issues.report(
    'spec.externalTrafficPolicy',
    `unsupported value ${describeValue(value)}: must be Cluster or Local`,
  );
  return 'Cluster';
}

/** Honoured when spec.loadBalancerSourceRanges is empty (AnnotationLoadBalancerSourceRangesKey). */
const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

/**
 * The client ranges a load balancer admits: spec.loadBalancerSourceRanges, else the annotation
 * (comma-separated). Entries may be space-padded, which the API server allows for both.
 */
function readSourceRanges(
  issues: Issues,
  value: unknown,
  annotations: Readonly<Record<string, string>>,
): string[] {
  const specPath = 'spec.loadBalancerSourceRanges';
  const fromSpec = readStringList(issues, value, specPath) ?? [];
  if (fromSpec.length > 0) {
    return validRanges(
      issues,
      fromSpec.map((text, index) => [text, item(specPath, index)]),
    );
  }
  const annotation = annotationOf(annotations, SOURCE_RANGES_ANNOTATION)?.trim();
  if (annotation === undefined || annotation === '') return [];
  const annotationPath = child('metadata.annotations', SOURCE_RANGES_ANNOTATION);
  return validRanges(
    issues,
    annotation.split(',').map((text) => [text, annotationPath]),
  );
}

function validRanges(issues: Issues, entries: readonly (readonly [string, string])[]): string[] {
  const ranges: string[] = [];
  for (const [text, path] of entries) {
    const cidr = parseCidr(text.trim());
    if (cidr === undefined) {
      issues.report(
        path,
        `invalid CIDR ${JSON.stringify(text.trim())}: must be like 10.9.8.0/24 or 2001:db8::/64`,
      );
    } else if (!ranges.includes(cidr.canonical)) ranges.push(cidr.canonical);
  }
  return ranges;
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
