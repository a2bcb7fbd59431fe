import type {
  CiliumCidr,
  CiliumCidrGroupRef,
  CiliumEntity,
  CiliumPeers,
  CiliumSelector,
  CiliumServiceRef,
  LabelSelector,
} from '../types';
import type { Issues } from '../issues';
import { child, item, readList, readRecord, readString } from '../field-readers';
import { parseCidr, parseIpAddress, readCidrField, type Cidr } from '../ip-addresses';
import { readLabelSelector } from '../selectors';
import { describeValue, isAbsent, type UnknownRecord } from '../unknown-values';
import { readPeerSelector, type PeerScope } from './cilium-selectors';

export type Direction = 'ingress' | 'egress';

/** The L3 fields of a rule, in the order the API lists them, and how each is read. */
type PeerField =
  'endpoints' | 'cidr' | 'cidrSet' | 'entities' | 'nodes' | 'groups' | 'services' | 'fqdns';

const INGRESS_PEERS: ReadonlyArray<readonly [string, PeerField]> = [
  ['fromEndpoints', 'endpoints'],
  ['fromCIDR', 'cidr'],
  ['fromCIDRSet', 'cidrSet'],
  ['fromEntities', 'entities'],
  ['fromNodes', 'nodes'],
  ['fromGroups', 'groups'],
];

const EGRESS_PEERS: ReadonlyArray<readonly [string, PeerField]> = [
  ['toEndpoints', 'endpoints'],
  ['toCIDR', 'cidr'],
  ['toCIDRSet', 'cidrSet'],
  ['toEntities', 'entities'],
  ['toServices', 'services'],
  ['toFQDNs', 'fqdns'],
  ['toGroups', 'groups'],
  ['toNodes', 'nodes'],
];

/** Peer fields of allow rules that deny rules do not have. */
export const ALLOW_ONLY_PEERS = ['toFQDNs'];

export const ENTITIES: readonly CiliumEntity[] = [
  'world',
  'world-ipv4',
  'world-ipv6',
  'cluster',
  'host',
  'remote-node',
  'kube-apiserver',
  'ingress',
  'all',
  'health',
  'init',
  'unmanaged',
  'none',
];

interface ReadField {
  readonly name: string;
  readonly size: number;
  readonly peers: CiliumPeers | undefined;
}

/**
 * The L3 part of a rule. Cilium accepts one kind of peer per rule (`fromCIDR` and `fromCIDRSet`
 * are two kinds to it as well), counting only non-empty lists. A list that is present but empty
 * selects nothing, even next to another kind; no L3 field at all is `any`. Undefined when
 * something was reported.
 */
export function readPeers(
  issues: Issues,
  rule: UnknownRecord,
  path: string,
  direction: Direction,
  deny: boolean,
  scope: PeerScope,
): CiliumPeers | undefined {
  const before = issues.count;
  const fields = (direction === 'ingress' ? INGRESS_PEERS : EGRESS_PEERS).filter(
    ([name]) => !(deny && ALLOW_ONLY_PEERS.includes(name)),
  );
  const read: ReadField[] = [];
  for (const [name, field] of fields) {
    if (isAbsent(rule[name])) continue;
    const fieldPath = child(path, name);
    const list = readList(issues, rule[name], fieldPath);
    if (list === undefined) continue;
    read.push({ name, size: list.length, peers: readField(issues, field, list, fieldPath, scope) });
  }
  const nonEmpty = read.filter((entry) => entry.size > 0);
  if (nonEmpty.length > 1) {
    issues.report(
      path,
      `may specify only one kind of peer in a rule, not ${nonEmpty.map((e) => e.name).join(' and ')}: write a rule for each`,
    );
  }
  if (issues.count > before) return undefined;
  const chosen = read.find((entry) => entry.size === 0) ?? nonEmpty[0];
  return chosen === undefined ? { kind: 'any' } : chosen.peers;
}

function readField(
  issues: Issues,
  field: PeerField,
  list: readonly unknown[],
  path: string,
  scope: PeerScope,
): CiliumPeers | undefined {
  switch (field) {
    case 'endpoints': {
      const selectors = readEntries(issues, list, path, (entry, entryPath) =>
        readRequiredEntry(issues, entry, entryPath, () =>
          readPeerSelector(issues, entry, entryPath, scope),
        ),
      );
      return selectors && { kind: 'endpoints', selectors };
    }
    case 'cidr': {
      const cidrs = readEntries(issues, list, path, (entry, entryPath) =>
        readCidrOrAddress(issues, entry, entryPath),
      );
      return (
        cidrs && { kind: 'cidrs', cidrs: cidrs.map((cidr) => ({ cidr, except: [] })), groups: [] }
      );
    }
    case 'cidrSet':
      return readCidrSet(issues, list, path);
    case 'entities': {
      const entities = readEntries(issues, list, path, (entry, entryPath) =>
        readEntity(issues, entry, entryPath),
      );
      return entities && { kind: 'entities', entities };
    }
    case 'nodes': {
      const selectors = readEntries(issues, list, path, (entry, entryPath) =>
        readRequiredEntry(issues, entry, entryPath, () =>
          readLabelSelector(issues, entry, entryPath),
        ),
      );
      return selectors && { kind: 'nodes', selectors };
    }
    case 'groups': {
      const groups = readEntries(issues, list, path, (entry, entryPath) =>
        readRequiredEntry(issues, entry, entryPath, () => readRecord(issues, entry, entryPath)),
      );
      return groups && { kind: 'groups' };
    }
    case 'services': {
      const services = readEntries(issues, list, path, (entry, entryPath) =>
        readServiceRef(issues, entry, entryPath),
      );
      return services && { kind: 'services', services };
    }
    case 'fqdns': {
      const names = readEntries(issues, list, path, (entry, entryPath) =>
        readFqdnSelector(issues, entry, entryPath),
      );
      return names && { kind: 'fqdns', names };
    }
  }
}

/** Reads every entry, reporting all of them; undefined when any entry was reported. */
export function readEntries<T>(
  issues: Issues,
  list: readonly unknown[],
  path: string,
  readEntry: (entry: unknown, path: string) => T | undefined,
): T[] | undefined {
  const before = issues.count;
  const result: T[] = [];
  list.forEach((entry, index) => {
    const read = readEntry(entry, item(path, index));
    if (read !== undefined) result.push(read);
  });
  return issues.count > before ? undefined : result;
}

/** A list entry that must be an object: `null` there is a mistake, not "absent". */
export function readRequiredEntry<T>(
  issues: Issues,
  entry: unknown,
  path: string,
  read: () => T | undefined,
): T | undefined {
  if (isAbsent(entry)) {
    issues.report(path, 'must be an object, got null');
    return undefined;
  }
  return read();
}

/** `fromCIDR`/`toCIDR` entries: a prefix, or a single address (Cilium reads it as a /32 or /128). */
function readCidrOrAddress(issues: Issues, value: unknown, path: string): string | undefined {
  if (isAbsent(value) || value === '') {
    issues.report(path, 'is required');
    return undefined;
  }
  const text = readString(issues, value, path);
  if (text === undefined) return undefined;
  const address = text.includes('/') ? undefined : parseIpAddress(text);
  const cidr =
    address === undefined
      ? parseCidr(text)
      : parseCidr(`${text}/${address.kind() === 'ipv6' ? 128 : 32}`);
  if (cidr === undefined) {
    issues.report(
      path,
      `invalid CIDR ${JSON.stringify(text)}: must be like 10.9.8.0/24, 2001:db8::/64 or a single address`,
    );
  }
  return cidr?.canonical;
}

/** `except` may name the whole `cidr` too: Cilium only asks that it lies inside it. */
function liesWithin(inner: Cidr, outer: Cidr): boolean {
  return (
    inner.address.kind() === outer.address.kind() &&
    inner.prefix >= outer.prefix &&
    inner.address.match(outer.address, outer.prefix)
  );
}

const CIDR_RULE_FIELDS = ['cidr', 'cidrGroupRef', 'cidrGroupSelector'] as const;

/**
 * `fromCIDRSet`/`toCIDRSet`: each entry is a prefix with exceptions, a CiliumCIDRGroup by name
 * (`cidrGroupRef`), or CiliumCIDRGroups by label (`cidrGroupSelector`), each with its exceptions.
 */
function readCidrSet(
  issues: Issues,
  list: readonly unknown[],
  path: string,
): CiliumPeers | undefined {
  const cidrs: CiliumCidr[] = [];
  const groups: CiliumCidrGroupRef[] = [];
  const entries = readEntries(issues, list, path, (entry, entryPath) =>
    readRequiredEntry(issues, entry, entryPath, () => {
      const record = readRecord(issues, entry, entryPath);
      return record && readCidrRule(issues, record, entryPath, cidrs, groups);
    }),
  );
  return entries && { kind: 'cidrs', cidrs, groups };
}

function readCidrRule(
  issues: Issues,
  record: UnknownRecord,
  path: string,
  cidrs: CiliumCidr[],
  groups: CiliumCidrGroupRef[],
): true | undefined {
  const before = issues.count;
  const given = CIDR_RULE_FIELDS.filter((key) => !isAbsent(record[key]) && record[key] !== '');
  if (given.length !== 1) {
    issues.report(
      path,
      given.length === 0
        ? `must specify one of ${CIDR_RULE_FIELDS.join(', ')}`
        : `must specify only one of ${CIDR_RULE_FIELDS.join(', ')}, not ${given.join(' and ')}`,
    );
    return undefined;
  }
  const exceptPath = child(path, 'except');
  const holes = readEntries(
    issues,
    readList(issues, record['except'], exceptPath) ?? [],
    exceptPath,
    (entry, entryPath) => readCidrField(issues, entry, entryPath),
  );
  const [field] = given;
  const fieldPath = child(path, field);
  if (field === 'cidr') {
    const cidr = readCidrField(issues, record['cidr'], fieldPath);
    if (cidr === undefined || holes === undefined) return undefined;
    holes.forEach((hole, index) => {
      if (!liesWithin(hole, cidr)) {
        issues.report(
          item(exceptPath, index),
          `${hole.canonical} does not lie inside cidr ${cidr.canonical}`,
        );
      }
    });
    if (issues.count > before) return undefined;
    cidrs.push({ cidr: cidr.canonical, except: holes.map((hole) => hole.canonical) });
    return true;
  }
  // A group's exceptions are kept with it: Cilium's API calls them unsupported, but cilium-cli
  // tests since 1.17 rely on them. They cannot be checked against prefixes not yet known.
  const except = (holes ?? []).map((hole) => hole.canonical);
  if (field === 'cidrGroupRef') {
    const name = readGroupName(issues, record['cidrGroupRef'], fieldPath);
    if (name === undefined || issues.count > before) return undefined;
    groups.push({ name, except });
  } else {
    const selector = readLabelSelector(issues, record['cidrGroupSelector'], fieldPath);
    if (selector === undefined || issues.count > before) return undefined;
    groups.push({ selector, except });
  }
  return true;
}

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function readGroupName(issues: Issues, value: unknown, path: string): string | undefined {
  const name = readString(issues, value, path);
  if (name === undefined) return undefined;
  if (name.length > 253 || !DNS_SUBDOMAIN.test(name)) {
    issues.report(
      path,
      `invalid CiliumCIDRGroup name ${JSON.stringify(name)}: must be a lowercase DNS subdomain`,
    );
    return undefined;
  }
  return name;
}

function readEntity(issues: Issues, value: unknown, path: string): CiliumEntity | undefined {
  if (typeof value === 'string' && (ENTITIES as readonly string[]).includes(value)) {
    return value as CiliumEntity;
  }
  issues.report(
    path,
    `unknown entity ${describeValue(value)}: must be one of ${ENTITIES.join(', ')}`,
  );
  return undefined;
}

/**
 * A `toServices` entry. As Cilium matches them: `k8sServiceSelector` wins when both are given,
 * and an empty or absent namespace means every namespace (in a CiliumNetworkPolicy too).
 */
function readServiceRef(
  issues: Issues,
  value: unknown,
  path: string,
): CiliumServiceRef | undefined {
  if (isAbsent(value)) {
    issues.report(path, 'must be an object, got null');
    return undefined;
  }
  const record = readRecord(issues, value, path);
  if (record === undefined) return undefined;
  if (!isAbsent(record['k8sServiceSelector'])) {
    const selectorPath = child(path, 'k8sServiceSelector');
    const spec = readRecord(issues, record['k8sServiceSelector'], selectorPath);
    if (spec === undefined) return undefined;
    const selector = readRequiredSelector(
      issues,
      spec['selector'],
      child(selectorPath, 'selector'),
    );
    const namespace = readString(issues, spec['namespace'], child(selectorPath, 'namespace'));
    return (
      selector && { selector, ...(namespace !== undefined && namespace !== '' && { namespace }) }
    );
  }
  if (!isAbsent(record['k8sService'])) {
    const refPath = child(path, 'k8sService');
    const ref = readRecord(issues, record['k8sService'], refPath);
    if (ref === undefined) return undefined;
    const name = readString(issues, ref['serviceName'], child(refPath, 'serviceName'));
    const namespace = readString(issues, ref['namespace'], child(refPath, 'namespace'));
    if (name === undefined || name === '') {
      if (isAbsent(ref['serviceName']) || name === '') {
        issues.report(child(refPath, 'serviceName'), 'is required');
      }
      return undefined;
    }
    return { name, ...(namespace !== undefined && namespace !== '' && { namespace }) };
  }
  issues.report(path, 'must specify k8sService or k8sServiceSelector');
  return undefined;
}

function readRequiredSelector(
  issues: Issues,
  value: unknown,
  path: string,
): LabelSelector | undefined {
  if (isAbsent(value)) {
    issues.report(path, 'is required');
    return undefined;
  }
  return readLabelSelector(issues, value, path);
}

/**
 * Names as the CRD admits them (DNS characters, `*` in patterns, single dots). Written without
 * nested quantifiers: the CRD's own pattern backtracks exponentially on a long bad name.
 */
const FQDN_NAME = /^[-a-zA-Z0-9_]+(\.[-a-zA-Z0-9_]+)*\.?$/;
const FQDN_PATTERN = /^[-a-zA-Z0-9_*]+(\.[-a-zA-Z0-9_*]+)*\.?$/;

/**
 * A `toFQDNs` entry or a DNS rule: exactly one of `matchName` / `matchPattern`, kept as written.
 */
export function readFqdnSelector(issues: Issues, value: unknown, path: string): string | undefined {
  if (isAbsent(value)) {
    issues.report(path, 'must be an object, got null');
    return undefined;
  }
  const record = readRecord(issues, value, path);
  if (record === undefined) return undefined;
  const given = (['matchName', 'matchPattern'] as const).filter((key) => !isAbsent(record[key]));
  if (given.length !== 1) {
    issues.report(
      path,
      given.length === 0
        ? 'must specify one of matchName, matchPattern'
        : 'must specify only one of matchName, matchPattern, not both',
    );
    return undefined;
  }
  const [field] = given;
  const fieldPath = child(path, field);
  const name = readString(issues, record[field], fieldPath);
  if (name === undefined) return undefined;
  const shape = field === 'matchName' ? FQDN_NAME : FQDN_PATTERN;
  if (name.length > 255 || !shape.test(name)) {
    issues.report(
      fieldPath,
      field === 'matchName'
        ? `invalid DNS name ${JSON.stringify(name)}`
        : `invalid DNS name pattern ${JSON.stringify(name)}: letters, digits, -, _, * and single dots`,
    );
    return undefined;
  }
  return name;
}

/** The namespace rule of peer selectors, for `fromRequires`/`toRequires` too. */
export function readRequirements(
  issues: Issues,
  value: unknown,
  path: string,
  scope: PeerScope,
): CiliumSelector[] | undefined {
  const list = readList(issues, value, path);
  if (list === undefined) return isAbsent(value) ? [] : undefined;
  return readEntries(issues, list, path, (entry, entryPath) =>
    readRequiredEntry(issues, entry, entryPath, () =>
      readPeerSelector(issues, entry, entryPath, scope),
    ),
  );
}
