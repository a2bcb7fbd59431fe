import { PROTOCOLS, type CiliumPort, type CiliumPortRule, type Protocol } from '../types';
import type { Issues } from '../issues';
import {
  child,
  item,
  readInteger,
  readList,
  readRecord,
  readString,
  readStringList,
} from '../field-readers';
import { portNameProblem } from '../ports';
import { describeValue, isAbsent, type UnknownRecord } from '../unknown-values';
import { readEntries, readFqdnSelector, readRequiredEntry, type Direction } from './cilium-peers';

/** Where a `toPorts` list stands decides what it may hold. */
export interface PortContext {
  readonly direction: Direction;
  /** ingressDeny / egressDeny: ports only, no L7, TLS or listener. */
  readonly deny: boolean;
  /** A `nodeSelector` rule: Cilium's host firewall proxies DNS only, and on egress only. */
  readonly hostPolicy: boolean;
}

const CILIUM_PROTOCOLS: readonly (Protocol | 'ANY')[] = [...PROTOCOLS, 'ANY'];
/** Cilium refuses a port rule with more ports than this. */
const MAX_PORTS = 40;
const MAX_ICMP_FIELDS = 40;
/** Fields of an allow rule's port rule that a deny rule's port rule does not have. */
const ALLOW_ONLY_PORT_FIELDS = [
  'rules',
  'serverNames',
  'listener',
  'terminatingTLS',
  'originatingTLS',
];

/**
 * `toPorts`. Absent means every port; so does an empty list, which Cilium reads the same way (it
 * counts entries). Undefined when something was reported.
 */
export function readPortRules(
  issues: Issues,
  value: unknown,
  path: string,
  context: PortContext,
): CiliumPortRule[] | null | undefined {
  const list = readList(issues, value, path);
  if (list === undefined) return isAbsent(value) ? null : undefined;
  const rules = readEntries(issues, list, path, (entry, entryPath) =>
    readRequiredEntry(issues, entry, entryPath, () => {
      const record = readRecord(issues, entry, entryPath);
      return record && readPortRule(issues, record, entryPath, context);
    }),
  );
  if (rules === undefined) return undefined;
  return rules.length === 0 ? null : rules;
}

function readPortRule(
  issues: Issues,
  record: UnknownRecord,
  path: string,
  context: PortContext,
): CiliumPortRule | undefined {
  const before = issues.count;
  const portsPath = child(path, 'ports');
  const list = readList(issues, record['ports'], portsPath) ?? [];
  if (list.length > MAX_PORTS) {
    issues.report(portsPath, `may list at most ${MAX_PORTS} ports, got ${list.length}`);
  }
  const ports = readEntries(issues, list, portsPath, (entry, entryPath) =>
    readRequiredEntry(issues, entry, entryPath, () => {
      const port = readRecord(issues, entry, entryPath);
      return port && readPort(issues, port, entryPath);
    }),
  );
  if (context.deny) {
    for (const key of ALLOW_ONLY_PORT_FIELDS.filter((field) => !isAbsent(record[field]))) {
      issues.report(child(path, key), 'is not supported in deny rules: they deny at L3/L4 only');
    }
    return ports === undefined || issues.count > before ? undefined : { ports };
  }
  const reasons = readL7(issues, record, path, ports, context);
  if (ports === undefined || reasons === undefined || issues.count > before) return undefined;
  return { ports, ...(reasons.length > 0 && { conditional: reasons.join(', ') }) };
}

/** One `ports` entry: `port` is required; `protocol` defaults to ANY. */
function readPort(issues: Issues, record: UnknownRecord, path: string): CiliumPort | undefined {
  const port = readPortValue(issues, record['port'], child(path, 'port'));
  const protocol = readCiliumProtocol(issues, record['protocol'], child(path, 'protocol'));
  const endPortPath = child(path, 'endPort');
  const endPort = readInteger(issues, record['endPort'], endPortPath);
  if (endPort !== undefined && (endPort < 0 || endPort > 65535)) {
    issues.report(endPortPath, `invalid port ${endPort}: must be between 0 and 65535, inclusive`);
    return undefined;
  }
  if (port === undefined || protocol === undefined) return undefined;
  // Cilium ignores endPort next to a named port; port 0 is every port already; endPort 0 is unset.
  if (typeof port === 'string' || port === 0 || endPort === undefined || endPort === 0) {
    return { port, protocol };
  }
  if (endPort < port) {
    issues.report(endPortPath, `must be greater than or equal to port (${port}), got ${endPort}`);
    return undefined;
  }
  return { port, endPort, protocol };
}

/**
 * A port as Cilium reads it: an IANA service name (lower-cased, names are compared without
 * case), or a number 0..65535 written as a string (the CRD's type) or a number. Cilium parses the
 * number with Go's base prefixes, so a leading 0 makes it octal (`"010"` is 8).
 */
function readPortValue(issues: Issues, value: unknown, path: string): number | string | undefined {
  if (isAbsent(value) || value === '') {
    issues.report(path, 'is required: a port number, 0 for every port, or a port name');
    return undefined;
  }
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 0 && value <= 65535) return value;
    issues.report(path, `invalid port ${value}: must be between 0 and 65535, inclusive`);
    return undefined;
  }
  if (typeof value !== 'string') {
    issues.report(path, `must be a port number or name, got ${describeValue(value)}`);
    return undefined;
  }
  const name = value.toLowerCase();
  if (/[a-z]/.test(name)) {
    const reason = portNameProblem(name);
    if (reason === undefined) return name;
    issues.report(path, `invalid port name ${JSON.stringify(value)}: ${reason}`);
    return undefined;
  }
  const number = parsePortNumber(value);
  if (number === undefined || number > 65535) {
    issues.report(
      path,
      `invalid port ${JSON.stringify(value)}: must be a number from 0 to 65535 or a port name`,
    );
    return undefined;
  }
  return number;
}

function parsePortNumber(text: string): number | undefined {
  if (/^(0|[1-9]\d{0,5})$/.test(text)) return Number(text);
  if (/^0[0-7]{1,6}$/.test(text)) return parseInt(text, 8);
  return undefined;
}

function readCiliumProtocol(
  issues: Issues,
  value: unknown,
  path: string,
): Protocol | 'ANY' | undefined {
  if (isAbsent(value) || value === '') return 'ANY';
  if (typeof value === 'string' && (CILIUM_PROTOCOLS as readonly string[]).includes(value)) {
    return value as Protocol | 'ANY';
  }
  const hint = typeof value === 'string' && /^icmp/i.test(value) ? ' (ICMP goes in icmps)' : '';
  issues.report(
    path,
    `unsupported protocol ${describeValue(value)}: must be one of ${CILIUM_PROTOCOLS.join(', ')}${hint}`,
  );
  return undefined;
}

const L7_KINDS = ['http', 'kafka', 'dns', 'l7proto'] as const;

/**
 * Checks the L7 part of an allow rule's port rule as Cilium validates it, and says why the port
 * rule allows only some requests or names: L7 rules with at least one entry (an empty list, like
 * `rules: {}`, restricts nothing and Cilium does not check it), `serverNames`, `listener`.
 * Undefined when something was reported.
 */
function readL7(
  issues: Issues,
  record: UnknownRecord,
  path: string,
  /** Undefined when a port was reported: the checks of ports against L7 rules are skipped. */
  ports: readonly CiliumPort[] | undefined,
  context: PortContext,
): string[] | undefined {
  const before = issues.count;
  const reasons: string[] = [];
  const rulesPath = child(path, 'rules');
  const rules = readRecord(issues, record['rules'], rulesPath) ?? {};
  const entries = (key: string): readonly unknown[] =>
    readList(issues, rules[key], child(rulesPath, key)) ?? [];
  const http = entries('http');
  const kafka = entries('kafka');
  const dnsPath = child(rulesPath, 'dns');
  const dns =
    readEntries(issues, entries('dns'), dnsPath, (entry, entryPath) =>
      readFqdnSelector(issues, entry, entryPath),
    ) ?? [];
  const l7 = entries('l7');
  const proto = readString(issues, rules['l7proto'], child(rulesPath, 'l7proto')) ?? '';
  if (http.length > 0) reasons.push('L7 HTTP rules');
  if (kafka.length > 0) reasons.push('L7 Kafka rules');
  if (dns.length > 0) reasons.push('DNS rules');
  if (proto !== '' && l7.length > 0) reasons.push(`L7 ${proto} rules`);

  const hasL7 = http.length + kafka.length + dns.length + l7.length > 0;
  if (hasL7) {
    const kinds = L7_KINDS.filter((kind) =>
      kind === 'l7proto' ? proto !== '' : !isAbsent(rules[kind]),
    );
    if (kinds.length > 1) {
      issues.report(rulesPath, `may specify only one kind of L7 rule, not ${kinds.join(' and ')}`);
    }
    if (l7.length > 0 && proto === '') {
      issues.report(child(rulesPath, 'l7'), 'may only be specified with l7proto');
    }
    if (ports !== undefined) checkL7Ports(issues, path, ports, dns.length > 0);
    if (
      context.hostPolicy &&
      (context.direction === 'ingress' || http.length + kafka.length + l7.length > 0)
    ) {
      issues.report(
        rulesPath,
        context.direction === 'ingress'
          ? 'host policies (nodeSelector) do not support L7 rules on ingress'
          : 'host policies (nodeSelector) support only DNS rules',
      );
    }
  }
  if (dns.length > 0 && context.direction === 'ingress') {
    issues.report(dnsPath, 'DNS rules are only allowed on egress');
  }

  const serverNamesPath = child(path, 'serverNames');
  const serverNames = readStringList(issues, record['serverNames'], serverNamesPath) ?? [];
  serverNames.forEach((name, index) => {
    if (name === '') issues.report(item(serverNamesPath, index), 'may not be empty');
  });
  if (serverNames.length > 0) {
    reasons.push('TLS server names');
    if (hasL7 && isAbsent(record['terminatingTLS'])) {
      issues.report(
        serverNamesPath,
        'may be combined with L7 rules only when terminatingTLS is set',
      );
    }
  }

  if (!isAbsent(record['listener'])) {
    const listenerPath = child(path, 'listener');
    const listener = readRecord(issues, record['listener'], listenerPath);
    if (listener !== undefined) {
      const namePath = child(listenerPath, 'name');
      const name = readString(issues, listener['name'], namePath);
      if (isAbsent(listener['name']) || name === '') issues.report(namePath, 'is required');
    }
    if (context.direction === 'ingress') {
      issues.report(listenerPath, 'is only allowed on egress');
    } else if (hasL7) {
      issues.report(listenerPath, 'may not be combined with L7 rules');
    }
    reasons.push('an Envoy listener');
  }
  return issues.count > before ? undefined : reasons;
}

function checkL7Ports(
  issues: Issues,
  path: string,
  ports: readonly CiliumPort[],
  hasDnsRules: boolean,
): void {
  const portsPath = child(path, 'ports');
  if (hasDnsRules && ports.length === 0) {
    issues.report(portsPath, 'must name the DNS port (53) for DNS rules');
  }
  if (ports.some((port) => port.port === 0)) {
    issues.report(child(path, 'rules'), 'L7 rules cannot be used with port 0 (every port)');
  }
  ports.forEach((port, index) => {
    const portPath = item(portsPath, index);
    if (!hasDnsRules && port.protocol !== 'TCP') {
      issues.report(
        child(portPath, 'protocol'),
        `L7 rules apply to TCP only (DNS rules excepted): set protocol TCP, not ${port.protocol}`,
      );
    }
    if (
      hasDnsRules &&
      port.endPort !== undefined &&
      typeof port.port === 'number' &&
      port.endPort > port.port
    ) {
      issues.report(child(portPath, 'endPort'), 'DNS rules do not support port ranges');
    }
  });
}

/**
 * `icmps`: ICMP type lists. Returns how many entries there are (0 when absent), or undefined when
 * something was reported.
 */
export function readIcmps(issues: Issues, value: unknown, path: string): number | undefined {
  const list = readList(issues, value, path);
  if (list === undefined) return isAbsent(value) ? 0 : undefined;
  const entries = readEntries(issues, list, path, (entry, entryPath) =>
    readRequiredEntry(issues, entry, entryPath, () => {
      const record = readRecord(issues, entry, entryPath);
      return record && readIcmpRule(issues, record, entryPath);
    }),
  );
  return entries?.length;
}

const ICMP_FAMILIES = ['IPv4', 'IPv6'];

function readIcmpRule(issues: Issues, record: UnknownRecord, path: string): true | undefined {
  const fieldsPath = child(path, 'fields');
  const fields = readList(issues, record['fields'], fieldsPath) ?? [];
  if (fields.length > MAX_ICMP_FIELDS) {
    issues.report(
      fieldsPath,
      `may list at most ${MAX_ICMP_FIELDS} ICMP types, got ${fields.length}`,
    );
  }
  const read = readEntries(issues, fields, fieldsPath, (entry, entryPath) =>
    readRequiredEntry(issues, entry, entryPath, () => {
      const field = readRecord(issues, entry, entryPath);
      return field && readIcmpField(issues, field, entryPath);
    }),
  );
  return read && fields.length <= MAX_ICMP_FIELDS ? true : undefined;
}

function readIcmpField(issues: Issues, field: UnknownRecord, path: string): true | undefined {
  const before = issues.count;
  const family = field['family'];
  if (!isAbsent(family) && family !== '' && !ICMP_FAMILIES.includes(family as string)) {
    issues.report(
      child(path, 'family'),
      `unsupported family ${describeValue(family)}: must be IPv4 or IPv6`,
    );
  }
  const type = field['type'];
  const typePath = child(path, 'type');
  if (isAbsent(type) || type === '') {
    issues.report(typePath, 'is required: an ICMP type number (0-255) or name');
  } else if (!isIcmpType(type)) {
    issues.report(
      typePath,
      `invalid ICMP type ${describeValue(type)}: must be a number from 0 to 255 or a type name such as EchoRequest`,
    );
  }
  return issues.count > before ? undefined : true;
}

function isIcmpType(value: unknown): boolean {
  const number = typeof value === 'string' && /^\d{1,3}$/.test(value) ? Number(value) : value;
  if (typeof number === 'number') return Number.isInteger(number) && number >= 0 && number <= 255;
  return typeof number === 'string' && /^[A-Z][A-Za-z]*( [A-Z][A-Za-z]*)?$/.test(number);
}
