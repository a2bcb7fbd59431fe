import type {
  IPBlock,
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  NetworkPolicyRule,
  PolicyDirection,
} from './types';
import type { Issues } from './issues';
import { rawOf, type ObjectHeader } from './object-header';
import { child, item, readInteger, readList, readRecord } from './field-readers';
import { isStrictSubnet, readCidrField } from './ip-addresses';
import { readPortOrName, readProtocol } from './ports';
import { emptySelector, readLabelSelector } from './selectors';
import { describeValue, isAbsent } from './unknown-values';

const DIRECTIONS: readonly PolicyDirection[] = ['Ingress', 'Egress'];

/** A networking.k8s.io/v1 NetworkPolicy, defaulted and validated as the API server does. */
export function readNetworkPolicy(header: ObjectHeader): NetworkPolicy {
  const { issues, obj } = header;
  const spec = readRecord(issues, obj['spec'], 'spec') ?? {};
  // An absent podSelector decodes to the empty selector: the policy selects every pod.
  const podSelector =
    readLabelSelector(issues, spec['podSelector'], 'spec.podSelector') ?? emptySelector();
  const ingress = readRules(issues, spec['ingress'], 'spec.ingress', 'from');
  const egress = readRules(issues, spec['egress'], 'spec.egress', 'to');
  return {
    kind: 'NetworkPolicy',
    namespace: header.namespace ?? '',
    name: header.name,
    podSelector,
    policyTypes: readPolicyTypes(issues, spec['policyTypes'], egress.length > 0),
    ingress,
    egress,
    raw: rawOf(header),
    ...(header.source !== undefined && { source: header.source }),
  };
}

/** Without policyTypes the API server sets Ingress, plus Egress when there are egress rules. */
function readPolicyTypes(
  issues: Issues,
  value: unknown,
  hasEgressRules: boolean,
): PolicyDirection[] {
  const path = 'spec.policyTypes';
  const list = readList(issues, value, path) ?? [];
  if (list.length === 0) return hasEgressRules ? ['Ingress', 'Egress'] : ['Ingress'];
  if (list.length > DIRECTIONS.length) {
    issues.report(path, 'may not specify more than two policyTypes');
  }
  const types: PolicyDirection[] = [];
  list.forEach((entry, index) => {
    if (DIRECTIONS.includes(entry as PolicyDirection)) {
      if (!types.includes(entry as PolicyDirection)) types.push(entry as PolicyDirection);
    } else {
      issues.report(
        item(path, index),
        `unsupported value ${describeValue(entry)}: must be Ingress or Egress`,
      );
    }
  });
  return types;
}

function readRules(
  issues: Issues,
  value: unknown,
  path: string,
  peersKey: 'from' | 'to',
): NetworkPolicyRule[] {
  const list = readList(issues, value, path) ?? [];
  return list.map((entry, index) => readRule(issues, entry, item(path, index), peersKey));
}

/** Absent or empty `from`/`to` means every peer; absent or empty `ports` means every port. */
function readRule(
  issues: Issues,
  value: unknown,
  path: string,
  peersKey: 'from' | 'to',
): NetworkPolicyRule {
  const rule = readRecord(issues, value, path) ?? {};
  const peersPath = child(path, peersKey);
  const peers: NetworkPolicyPeer[] = [];
  (readList(issues, rule[peersKey], peersPath) ?? []).forEach((entry, index) => {
    const peer = readPeer(issues, entry, item(peersPath, index));
    if (peer !== undefined) peers.push(peer);
  });
  const portsPath = child(path, 'ports');
  const ports: NetworkPolicyPort[] = [];
  (readList(issues, rule['ports'], portsPath) ?? []).forEach((entry, index) => {
    const port = readPort(issues, entry, item(portsPath, index));
    if (port !== undefined) ports.push(port);
  });
  return { peers, ports };
}

function readPeer(issues: Issues, value: unknown, path: string): NetworkPolicyPeer | undefined {
  const peer = readRecord(issues, value, path) ?? {};
  const hasPods = !isAbsent(peer['podSelector']);
  const hasNamespaces = !isAbsent(peer['namespaceSelector']);
  const hasIpBlock = !isAbsent(peer['ipBlock']);
  if (!hasPods && !hasNamespaces && !hasIpBlock) {
    issues.report(path, 'must specify a peer: podSelector, namespaceSelector or ipBlock');
    return undefined;
  }
  if (hasIpBlock && (hasPods || hasNamespaces)) {
    issues.report(path, 'may not specify both ipBlock and another peer');
    return undefined;
  }
  if (hasIpBlock) {
    const ipBlock = readIpBlock(issues, peer['ipBlock'], child(path, 'ipBlock'));
    return ipBlock === undefined ? undefined : { ipBlock };
  }
  const podSelector = readLabelSelector(issues, peer['podSelector'], child(path, 'podSelector'));
  const namespaceSelector = readLabelSelector(
    issues,
    peer['namespaceSelector'],
    child(path, 'namespaceSelector'),
  );
  return {
    ...(podSelector !== undefined && { podSelector }),
    ...(namespaceSelector !== undefined && { namespaceSelector }),
  };
}

function readIpBlock(issues: Issues, value: unknown, path: string): IPBlock | undefined {
  const block = readRecord(issues, value, path);
  if (block === undefined) return undefined;
  const before = issues.count;
  const cidr = readCidrField(issues, block['cidr'], child(path, 'cidr'));
  const exceptPath = child(path, 'except');
  const except: string[] = [];
  (readList(issues, block['except'], exceptPath) ?? []).forEach((entry, index) => {
    const hole = readCidrField(issues, entry, item(exceptPath, index));
    if (hole === undefined || cidr === undefined) return;
    if (isStrictSubnet(hole, cidr)) except.push(hole.canonical);
    else {
      issues.report(
        item(exceptPath, index),
        `${JSON.stringify(entry)} must be a strict subset of cidr ${JSON.stringify(block['cidr'])}`,
      );
    }
  });
  return cidr === undefined || issues.count > before ? undefined : { cidr: cidr.canonical, except };
}

function readPort(issues: Issues, value: unknown, path: string): NetworkPolicyPort | undefined {
  const record = readRecord(issues, value, path) ?? {};
  const before = issues.count;
  const protocol = readProtocol(issues, record['protocol'], child(path, 'protocol'));
  const portValue = record['port'];
  const port = isAbsent(portValue)
    ? undefined
    : readPortOrName(issues, portValue, child(path, 'port'));
  const endPortPath = child(path, 'endPort');
  const endPort = readInteger(issues, record['endPort'], endPortPath);
  if (endPort !== undefined) {
    if (isAbsent(portValue)) {
      issues.report(endPortPath, 'may not be specified when port is not specified');
    } else if (typeof portValue === 'string') {
      issues.report(endPortPath, 'may not be specified when port is a named port');
    } else if (endPort < 1 || endPort > 65535) {
      issues.report(endPortPath, `invalid port ${endPort}: must be between 1 and 65535, inclusive`);
    } else if (typeof port === 'number' && endPort < port) {
      issues.report(endPortPath, `must be greater than or equal to port (${port}), got ${endPort}`);
    }
  }
  if (protocol === undefined || issues.count > before) return undefined;
  return {
    protocol,
    ...(port !== undefined && { port }),
    ...(endPort !== undefined && { endPort }),
  };
}
