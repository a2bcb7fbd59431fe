import type { AdminPort } from './types';
import type { Issues } from './issues';
import { oneOfFields } from './one-of';
import { child, item, readList, readRecord } from './field-readers';
import { readPortName, readPortNumber, readProtocol } from './ports';
import { isAbsent, type UnknownRecord } from './unknown-values';

/**
 * The `ports` of an AdminNetworkPolicy/BaselineAdminNetworkPolicy (v1alpha1) rule. Absent means
 * every port; so does an empty list, which the CRD accepts and implementations read as "no filter".
 * Returns undefined when invalid (reported).
 */
export function readAnpPorts(
  issues: Issues,
  value: unknown,
  path: string,
): AdminPort[] | null | undefined {
  const list = readList(issues, value, path);
  if (list === undefined) return isAbsent(value) ? null : undefined;
  if (list.length === 0) return null;
  return readEntries(issues, list, path, (record, entryPath) => {
    const field = oneOfFields(issues, record, entryPath, ['portNumber', 'namedPort', 'portRange']);
    const fieldPath = child(entryPath, field ?? '');
    if (field === 'namedPort') return namedPort(issues, record['namedPort'], fieldPath);
    const spec = field === undefined ? undefined : readRecord(issues, record[field], fieldPath);
    if (spec === undefined) return undefined;
    const protocol = readProtocol(issues, spec['protocol'], child(fieldPath, 'protocol'));
    if (field === 'portNumber') {
      const port = readPortNumber(issues, spec['port'], child(fieldPath, 'port'));
      return protocol === undefined || port === undefined
        ? undefined
        : { kind: 'number', protocol, port };
    }
    const range = readRange(issues, spec, fieldPath);
    return protocol === undefined || range === undefined
      ? undefined
      : { kind: 'range', protocol, ...range };
  });
}

const CNP_PROTOCOLS = { tcp: 'TCP', udp: 'UDP', sctp: 'SCTP' } as const;

/**
 * The `protocols` of a ClusterNetworkPolicy (v1alpha2) rule: per-protocol destination ports or a
 * destination named port. Absent means every port; the CRD requires at least one item when set.
 */
export function readCnpProtocols(
  issues: Issues,
  value: unknown,
  path: string,
): AdminPort[] | null | undefined {
  const list = readList(issues, value, path);
  if (list === undefined) return isAbsent(value) ? null : undefined;
  if (list.length === 0) {
    issues.report(path, 'must have at least one item when set (leave it out to match every port)');
    return undefined;
  }
  return readEntries(issues, list, path, (record, entryPath) => {
    const field = oneOfFields(issues, record, entryPath, [
      'tcp',
      'udp',
      'sctp',
      'destinationNamedPort',
    ]);
    const fieldPath = child(entryPath, field ?? '');
    if (field === undefined) return undefined;
    if (field === 'destinationNamedPort') return namedPort(issues, record[field], fieldPath);
    const protocol = CNP_PROTOCOLS[field as keyof typeof CNP_PROTOCOLS];
    const spec = readRecord(issues, record[field], fieldPath);
    if (spec === undefined) return undefined;
    const destinationPath = child(fieldPath, 'destinationPort');
    if (isAbsent(spec['destinationPort'])) {
      issues.report(destinationPath, 'is required');
      return undefined;
    }
    const destination = readRecord(issues, spec['destinationPort'], destinationPath);
    if (destination === undefined) return undefined;
    // Upstream spells the range `range`; earlier drafts and some examples spell it `portRange`.
    const which = oneOfFields(issues, destination, destinationPath, [
      'number',
      'range',
      'portRange',
    ]);
    if (which === 'number') {
      const port = readPortNumber(issues, destination['number'], child(destinationPath, 'number'));
      return port === undefined ? undefined : { kind: 'number', protocol, port };
    }
    if (which === undefined) return undefined;
    const rangePath = child(destinationPath, which);
    const rangeSpec = readRecord(issues, destination[which], rangePath);
    const range = rangeSpec === undefined ? undefined : readRange(issues, rangeSpec, rangePath);
    return range === undefined ? undefined : { kind: 'range', protocol, ...range };
  });
}

function readEntries(
  issues: Issues,
  list: readonly unknown[],
  path: string,
  readEntry: (record: UnknownRecord, path: string) => AdminPort | undefined,
): AdminPort[] | undefined {
  const before = issues.count;
  const ports: AdminPort[] = [];
  list.forEach((entry, index) => {
    const entryPath = item(path, index);
    const record = readRecord(issues, entry, entryPath) ?? {};
    const port = readEntry(record, entryPath);
    if (port !== undefined) ports.push(port);
  });
  return issues.count > before ? undefined : ports;
}

function namedPort(issues: Issues, value: unknown, path: string): AdminPort | undefined {
  const name = readPortName(issues, value, path);
  return name === undefined ? undefined : { kind: 'named', name };
}

function readRange(
  issues: Issues,
  spec: UnknownRecord,
  path: string,
): { start: number; end: number } | undefined {
  const start = readPortNumber(issues, spec['start'], child(path, 'start'));
  const end = readPortNumber(issues, spec['end'], child(path, 'end'));
  if (start === undefined || end === undefined) return undefined;
  if (start >= end) {
    issues.report(path, `start port (${start}) must be less than end port (${end})`);
    return undefined;
  }
  return { start, end };
}
