import ipaddr from 'ipaddr.js';
import type {
  CalicoAction,
  CalicoEntityRule,
  CalicoExpression,
  CalicoNetworkSet,
  CalicoPolicy,
  CalicoPolicyKind,
  CalicoPort,
  CalicoProtocol,
  CalicoRule,
  CalicoSelector,
  CalicoTier,
  LabelSelector,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  NetworkPolicyRule,
  PolicyDirection,
} from '../types';
import type { Issues } from '../issues';
import type { ReadKind } from '../kinds';
import { rawOf, type ObjectHeader } from '../object-header';
import { child, item, readBoolean, readList, readRecord, readString } from '../field-readers';
import { parseCidr, parseIpAddress, type IpAddress } from '../ip-addresses';
import { readNetworkPolicy } from '../network-policy';
import { describeValue, isAbsent, isRecord, type UnknownRecord } from '../unknown-values';
import {
  ALL,
  and,
  calicoSelector,
  containsGlobal,
  eq,
  has,
  inSet,
  not,
  notInSet,
  parseCalicoSelector,
  prefixKeys,
  replaceAllAndGlobal,
} from './calico-selector';

/**
 * Readers for Calico's own objects (`projectcalico.org/v3`, and `crd.projectcalico.org/v1` as the
 * CRDs store them without the Calico API server): NetworkPolicy, GlobalNetworkPolicy, their staged
 * twins, StagedKubernetesNetworkPolicy, Tier, NetworkSet and GlobalNetworkSet.
 *
 * Selectors are combined the way Calico's backend combines them before felix sees them
 * (libcalico-go `syncersv1/updateprocessors`), so the evaluator only matches label maps.
 */

/** Labels Calico gives every workload endpoint (and namespaced network set). */
export const CALICO_NAMESPACE_LABEL = 'projectcalico.org/namespace';
export const CALICO_ORCHESTRATOR_LABEL = 'projectcalico.org/orchestrator';
export const CALICO_SERVICE_ACCOUNT_LABEL = 'projectcalico.org/serviceaccount';
/** Prefixes of the labels endpoints inherit from their namespace and service account profiles. */
export const NAMESPACE_LABEL_PREFIX = 'pcns.';
export const SERVICE_ACCOUNT_LABEL_PREFIX = 'pcsa.';

export const DEFAULT_TIER = 'default';
/** Calico reads a Tier without `order` as 1,000,000 (the default tier's order). */
export const UNSET_TIER_ORDER = 1_000_000;
/** Calico places a converted Kubernetes NetworkPolicy at this order in the default tier. */
export const KUBERNETES_POLICY_ORDER = 1000;

const V1_GROUP = 'crd.projectcalico.org';
const DEFAULT_API_VERSION = 'projectcalico.org/v3';

const ACTIONS: readonly CalicoAction[] = ['Allow', 'Deny', 'Log', 'Pass'];
const STAGED_ACTIONS = ['Set', 'Delete', 'Learn', 'Ignore'] as const;
type StagedAction = (typeof STAGED_ACTIONS)[number];
const DIRECTIONS: readonly PolicyDirection[] = ['Ingress', 'Egress'];
const PROTOCOL_NAMES = ['TCP', 'UDP', 'ICMP', 'ICMPv6', 'SCTP', 'UDPLite'] as const;
const PROTOCOL_BY_NUMBER: Readonly<Record<number, CalicoProtocol>> = {
  6: 'TCP',
  17: 'UDP',
  132: 'SCTP',
};
const PORT_NAME = /^[a-zA-Z0-9_.-]{1,128}$/;
const TIER_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** Names Calico never gave a tier prefix: converted Kubernetes policies, OpenStack security groups. */
const UNPREFIXED_NAMES = ['knp.', 'ossg.'];

const GLOBAL_ONLY_IN_RULE_NAMESPACES =
  'global() can only be used as the namespaceSelector of a rule';

interface PolicyShape {
  readonly kind: CalicoPolicyKind;
  readonly namespaced: boolean;
  readonly staged: boolean;
}

const POLICY_SHAPES: Partial<Record<ReadKind, PolicyShape>> = {
  CalicoNetworkPolicy: { kind: 'NetworkPolicy', namespaced: true, staged: false },
  CalicoGlobalNetworkPolicy: { kind: 'GlobalNetworkPolicy', namespaced: false, staged: false },
  CalicoStagedNetworkPolicy: { kind: 'StagedNetworkPolicy', namespaced: true, staged: true },
  CalicoStagedGlobalNetworkPolicy: {
    kind: 'StagedGlobalNetworkPolicy',
    namespaced: false,
    staged: true,
  },
  CalicoStagedKubernetesNetworkPolicy: {
    kind: 'StagedKubernetesNetworkPolicy',
    namespaced: true,
    staged: true,
  },
};

// ---------------------------------------------------------------------------------------------
// Entry points

/**
 * A Calico (Global)NetworkPolicy, a staged one, or a StagedKubernetesNetworkPolicy, with its
 * selectors combined as Calico combines them. Returns undefined when anything was reported.
 */
export function readCalicoPolicy(header: ObjectHeader): CalicoPolicy | undefined {
  const shape = POLICY_SHAPES[header.kind];
  if (shape === undefined) {
    header.issues.report('kind', `${header.manifestKind} is not a Calico policy`);
    return undefined;
  }
  const policy =
    shape.kind === 'StagedKubernetesNetworkPolicy'
      ? readStagedKubernetesPolicy(header)
      : readCalicoPolicySpec(header, shape);
  return header.issues.clean ? policy : undefined;
}

/** A Tier: `order` (unset reads as 1,000,000) and `defaultAction` (Deny unless Pass). */
export function readCalicoTier(header: ObjectHeader): CalicoTier | undefined {
  const { issues } = header;
  if (header.name.length > 63 || !TIER_NAME.test(header.name)) {
    issues.report(
      'metadata.name',
      'a tier name must be at most 63 lower case letters, digits or "-", starting and ending with a letter or digit (no ".")',
    );
  }
  const spec = readRecord(issues, header.obj['spec'], 'spec') ?? {};
  const order = readOrder(issues, spec['order'], 'spec.order') ?? UNSET_TIER_ORDER;
  const defaultAction = readOneOf(issues, spec['defaultAction'], 'spec.defaultAction', [
    'Deny',
    'Pass',
  ] as const);
  if (!issues.clean) return undefined;
  return {
    name: header.name,
    order,
    defaultAction: defaultAction ?? 'Deny',
    raw: rawOf(header),
    ...(header.source !== undefined && { source: header.source }),
  };
}

/** A NetworkSet (namespaced) or GlobalNetworkSet: its labels and its `nets`, normalized. */
export function readCalicoNetworkSet(header: ObjectHeader): CalicoNetworkSet | undefined {
  const { issues } = header;
  const kind = header.kind === 'CalicoNetworkSet' ? 'NetworkSet' : 'GlobalNetworkSet';
  if (Object.hasOwn(header.labels, CALICO_NAMESPACE_LABEL)) {
    issues.report(
      child('metadata.labels', CALICO_NAMESPACE_LABEL),
      'is reserved: Calico sets it from the namespace of the object',
    );
  }
  const spec = readRecord(issues, header.obj['spec'], 'spec') ?? {};
  const nets = readNets(issues, spec['nets'], 'spec.nets').map((net) => net.cidr);
  if (!issues.clean) return undefined;
  return {
    kind,
    ...(kind === 'NetworkSet' && { namespace: header.namespace ?? 'default' }),
    name: header.name,
    labels: header.labels,
    nets,
    raw: rawOf(header),
    ...(header.source !== undefined && { source: header.source }),
  };
}

// ---------------------------------------------------------------------------------------------
// Calico policy kinds

interface RuleContext {
  /** The policy's namespace for namespaced kinds: rule selectors are scoped to it. */
  readonly namespace?: string;
  readonly direction: 'ingress' | 'egress';
}

function apiVersionOf(header: ObjectHeader): string {
  const apiVersion = header.obj['apiVersion'];
  return typeof apiVersion === 'string' && apiVersion !== '' ? apiVersion : DEFAULT_API_VERSION;
}

function isV1(apiVersion: string): boolean {
  return apiVersion.split('/')[0] === V1_GROUP;
}

/** The name users gave the policy: a stored `<tier>.` prefix (Calico ≤ 3.31) removed. */
export function calicoPolicyName(storedName: string, tier: string): string {
  if (UNPREFIXED_NAMES.some((prefix) => storedName.startsWith(prefix))) return storedName;
  const prefix = `${tier}.`;
  return storedName.startsWith(prefix) && storedName.length > prefix.length
    ? storedName.slice(prefix.length)
    : storedName;
}

function readCalicoPolicySpec(header: ObjectHeader, shape: PolicyShape): CalicoPolicy {
  const { issues } = header;
  const apiVersion = apiVersionOf(header);
  const spec = readRecord(issues, header.obj['spec'], 'spec') ?? {};
  const namespace = shape.namespaced ? (header.namespace ?? 'default') : undefined;

  const tierValue = readString(issues, spec['tier'], 'spec.tier');
  const tier = tierValue === undefined || tierValue === '' ? DEFAULT_TIER : tierValue;
  const order = readOrder(issues, spec['order'], 'spec.order') ?? null;

  const selector = readSelector(issues, spec['selector'], 'spec.selector', 'noGlobal');
  const serviceAccountSelector = readSelector(
    issues,
    spec['serviceAccountSelector'],
    'spec.serviceAccountSelector',
    'noGlobal',
  );
  const namespaceSelector =
    namespace === undefined
      ? readSelector(issues, spec['namespaceSelector'], 'spec.namespaceSelector', 'noGlobal')
      : undefined;
  const subject =
    namespace === undefined
      ? globalPolicySelector(
          selector?.expression,
          namespaceSelector?.expression,
          serviceAccountSelector?.expression,
        )
      : namespacedPolicySelector(
          selector?.expression,
          serviceAccountSelector?.expression,
          namespace,
        );

  const ingress = readRules(issues, spec['ingress'], 'spec.ingress', {
    namespace,
    direction: 'ingress',
  });
  const egress = readRules(issues, spec['egress'], 'spec.egress', {
    namespace,
    direction: 'egress',
  });
  const types = readTypes(issues, spec, isV1(apiVersion));

  const hostOnly = namespace === undefined ? readHostEndpointFlags(issues, spec, types) : undefined;
  if (namespace !== undefined) reportGlobalOnlyFields(issues, spec, shape.kind);
  const stagedAction = shape.staged ? readStagedAction(issues, spec['stagedAction']) : undefined;

  return {
    kind: shape.kind,
    apiGroup: apiVersion,
    ...(namespace !== undefined && { namespace }),
    name: calicoPolicyName(header.name, tier),
    tier,
    order,
    selector: calicoSelector(subject),
    types,
    ingress,
    egress,
    ...(stagedAction !== undefined && { stagedAction }),
    doNotTrack: hostOnly?.doNotTrack ?? false,
    preDNAT: hostOnly?.preDNAT ?? false,
    applyOnForward: hostOnly?.applyOnForward ?? false,
    raw: rawOf(header),
    ...(header.source !== undefined && { source: header.source }),
  };
}

/**
 * NetworkPolicy: `(selector) && projectcalico.org/namespace == "<ns>"`, then `&& <pcsa.
 * serviceAccountSelector>` (an `all()` there stays `all()`).
 */
export function namespacedPolicySelector(
  selector: CalicoExpression | undefined,
  serviceAccountSelector: CalicoExpression | undefined,
  namespace: string,
): CalicoExpression {
  const inNamespace = eq(CALICO_NAMESPACE_LABEL, namespace);
  const scoped = selector === undefined ? inNamespace : and(selector, inNamespace);
  return serviceAccountSelector === undefined
    ? scoped
    : and(scoped, prefixKeys(serviceAccountSelector, SERVICE_ACCOUNT_LABEL_PREFIX));
}

/**
 * GlobalNetworkPolicy: `(selector) && <pcns. namespaceSelector>`, every `all()` then read as
 * `has(projectcalico.org/namespace)`; then `&& <pcsa. serviceAccountSelector>`, every `all()` then
 * read as `has(projectcalico.org/serviceaccount)`. Calico rewrites the whole combined text, so an
 * `all()` in the policy's own selector is rewritten too.
 */
export function globalPolicySelector(
  selector: CalicoExpression | undefined,
  namespaceSelector: CalicoExpression | undefined,
  serviceAccountSelector: CalicoExpression | undefined,
): CalicoExpression {
  let combined = selector;
  if (namespaceSelector !== undefined) {
    const prefixed = prefixKeys(namespaceSelector, NAMESPACE_LABEL_PREFIX);
    combined = replaceAllAndGlobal(combined === undefined ? prefixed : and(combined, prefixed), {
      all: has(CALICO_NAMESPACE_LABEL),
    });
  }
  if (serviceAccountSelector !== undefined) {
    const prefixed = prefixKeys(serviceAccountSelector, SERVICE_ACCOUNT_LABEL_PREFIX);
    combined = replaceAllAndGlobal(combined === undefined ? prefixed : and(combined, prefixed), {
      all: has(CALICO_SERVICE_ACCOUNT_LABEL),
    });
  }
  return combined ?? ALL;
}

/**
 * `types` as Calico defaults them: explicit types are kept; without them, Ingress, or Egress when
 * only egress rules exist, or both when both exist. A `crd.projectcalico.org/v1` object without
 * types was never defaulted, and felix applies such a policy to both directions.
 */
function readTypes(issues: Issues, spec: UnknownRecord, v1: boolean): PolicyDirection[] {
  const path = 'spec.types';
  const list = readList(issues, spec['types'], path) ?? [];
  if (list.length === 0) {
    if (v1) return ['Ingress', 'Egress'];
    const hasIngress = listLength(spec['ingress']) > 0;
    const hasEgress = listLength(spec['egress']) > 0;
    if (!hasEgress) return ['Ingress'];
    return hasIngress ? ['Ingress', 'Egress'] : ['Egress'];
  }
  const types: PolicyDirection[] = [];
  list.forEach((entry, index) => {
    if (!DIRECTIONS.includes(entry as PolicyDirection)) {
      issues.report(
        item(path, index),
        `unsupported type ${describeValue(entry)}: must be Ingress or Egress`,
      );
    } else if (types.includes(entry as PolicyDirection)) {
      issues.report(item(path, index), `${entry as string} is given more than once`);
    } else {
      types.push(entry as PolicyDirection);
    }
  });
  return types;
}

function listLength(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

interface HostEndpointFlags {
  readonly doNotTrack: boolean;
  readonly preDNAT: boolean;
  readonly applyOnForward: boolean;
}

/** GlobalNetworkPolicy settings that only host endpoints use, checked as Calico's CRD checks them. */
function readHostEndpointFlags(
  issues: Issues,
  spec: UnknownRecord,
  types: readonly PolicyDirection[],
): HostEndpointFlags {
  const doNotTrack = readBoolean(issues, spec['doNotTrack'], 'spec.doNotTrack') ?? false;
  const preDNAT = readBoolean(issues, spec['preDNAT'], 'spec.preDNAT') ?? false;
  const applyOnForward =
    readBoolean(issues, spec['applyOnForward'], 'spec.applyOnForward') ?? false;
  if (doNotTrack && preDNAT) {
    issues.report('spec.preDNAT', 'preDNAT and doNotTrack cannot both be true');
  }
  if (preDNAT && listLength(spec['egress']) > 0) {
    issues.report('spec.egress', 'a preDNAT policy cannot have egress rules');
  }
  if (preDNAT && Array.isArray(spec['types']) && types.includes('Egress')) {
    issues.report('spec.types', 'a preDNAT policy cannot have the Egress type');
  }
  if ((doNotTrack || preDNAT) && !applyOnForward) {
    issues.report('spec.applyOnForward', 'must be true when preDNAT or doNotTrack is true');
  }
  return { doNotTrack, preDNAT, applyOnForward };
}

/** Fields only the global kinds have: a namespaced policy that sets them does not do what it says. */
function reportGlobalOnlyFields(issues: Issues, spec: UnknownRecord, kind: CalicoPolicyKind): void {
  for (const key of ['namespaceSelector', 'doNotTrack', 'preDNAT', 'applyOnForward']) {
    if (!isAbsent(spec[key])) {
      issues.report(child('spec', key), `is not a field of ${kind}: only the global kinds have it`);
    }
  }
}

function readStagedAction(issues: Issues, value: unknown): StagedAction {
  return readOneOf(issues, value, 'spec.stagedAction', STAGED_ACTIONS) ?? 'Set';
}

// ---------------------------------------------------------------------------------------------
// Rules

function readRules(
  issues: Issues,
  value: unknown,
  path: string,
  context: RuleContext,
): CalicoRule[] {
  const rules: CalicoRule[] = [];
  (readList(issues, value, path) ?? []).forEach((entry, index) => {
    const rule = readRule(issues, entry, item(path, index), context);
    if (rule !== undefined) rules.push(rule);
  });
  return rules;
}

interface ProtocolRead {
  readonly protocol: CalicoProtocol;
  readonly supportsPorts: boolean;
  readonly icmp?: 4 | 6;
}

function readRule(
  issues: Issues,
  value: unknown,
  path: string,
  context: RuleContext,
): CalicoRule | undefined {
  const before = issues.count;
  const record = readRecord(issues, value, path);
  if (record === undefined) {
    if (isAbsent(value)) issues.report(path, 'must be an object, got null');
    return undefined;
  }
  const actionPath = child(path, 'action');
  const action = readOneOf(issues, record['action'], actionPath, ACTIONS);
  if (action === undefined && isAbsent(record['action'])) issues.report(actionPath, 'is required');
  const protocol = readProtocol(issues, record['protocol'], child(path, 'protocol'));
  const notProtocol = readProtocol(issues, record['notProtocol'], child(path, 'notProtocol'));
  const ipVersion = readIpVersion(issues, record['ipVersion'], child(path, 'ipVersion'));
  const source = readEntityRule(issues, record['source'], child(path, 'source'), context);
  const destination = readEntityRule(
    issues,
    record['destination'],
    child(path, 'destination'),
    context,
  );

  checkPortsNeedProtocol(issues, protocol, [source, destination]);
  checkIcmp(issues, record, path, protocol, notProtocol, ipVersion);
  checkNetFamilies(issues, ipVersion, [source, destination]);
  checkServices(issues, context, source, destination);
  const http = readHttp(issues, record['http'], child(path, 'http'), action, protocol, context);

  const conditions = [
    ...(http ? ['an HTTP match (application layer policy)'] : []),
    ...(source.rule.ports.length > 0 || source.rule.notPorts.length > 0 ? ['source ports'] : []),
  ];
  if (action === undefined || issues.count > before) return undefined;
  return {
    action,
    ...(protocol !== undefined && { protocol: protocol.protocol }),
    ...(notProtocol !== undefined && { notProtocol: notProtocol.protocol }),
    ...(ipVersion !== undefined && { ipVersion }),
    source: source.rule,
    destination: destination.rule,
    ...(conditions.length > 0 && { conditional: conditions.join(' and ') }),
  };
}

/**
 * `protocol` / `notProtocol`: a name (case-sensitive, as the API validates it) or a number
 * 1..255; a string of digits is a number, and 6, 17 and 132 read as TCP, UDP and SCTP.
 */
function readProtocol(issues: Issues, value: unknown, path: string): ProtocolRead | undefined {
  if (isAbsent(value)) return undefined;
  let number: number | undefined;
  if (typeof value === 'number' && Number.isInteger(value)) number = value;
  else if (typeof value === 'string' && /^\d+$/.test(value)) number = Number(value);
  if (number !== undefined && number >= 1 && number <= 255) {
    const protocol = PROTOCOL_BY_NUMBER[number] ?? number;
    return {
      protocol,
      supportsPorts: typeof protocol === 'string',
      ...(number === 1 && { icmp: 4 as const }),
      ...(number === 58 && { icmp: 6 as const }),
    };
  }
  if (typeof value === 'string' && (PROTOCOL_NAMES as readonly string[]).includes(value)) {
    const protocol = value as (typeof PROTOCOL_NAMES)[number];
    return {
      protocol,
      supportsPorts: protocol === 'TCP' || protocol === 'UDP' || protocol === 'SCTP',
      ...(protocol === 'ICMP' && { icmp: 4 as const }),
      ...(protocol === 'ICMPv6' && { icmp: 6 as const }),
    };
  }
  issues.report(
    path,
    `unsupported protocol ${describeValue(value)}: must be one of ${PROTOCOL_NAMES.join(', ')} or a number from 1 to 255`,
  );
  return undefined;
}

function readIpVersion(issues: Issues, value: unknown, path: string): 4 | 6 | undefined {
  if (isAbsent(value)) return undefined;
  if (value === 4 || value === 6) return value;
  issues.report(path, `must be 4 or 6, got ${describeValue(value)}`);
  return undefined;
}

/** Numeric ports need TCP, UDP or SCTP; named ports alone may go without a protocol. */
function checkPortsNeedProtocol(
  issues: Issues,
  protocol: ProtocolRead | undefined,
  sides: readonly EntityRuleRead[],
): void {
  for (const side of sides) {
    for (const entry of [...side.ports, ...side.notPorts]) {
      if (protocol === undefined) {
        if (entry.port.kind === 'range') {
          issues.report(entry.path, 'a numeric port or port range needs protocol TCP, UDP or SCTP');
        }
      } else if (!protocol.supportsPorts) {
        issues.report(
          entry.path,
          `protocol ${String(protocol.protocol)} has no ports: ports need protocol TCP, UDP or SCTP`,
        );
      }
    }
  }
}

/** ICMP matches and ipVersion against the protocols, as Calico's CRD rules check them. */
function checkIcmp(
  issues: Issues,
  record: UnknownRecord,
  path: string,
  protocol: ProtocolRead | undefined,
  notProtocol: ProtocolRead | undefined,
  ipVersion: 4 | 6 | undefined,
): void {
  for (const key of ['icmp', 'notICMP']) {
    const fieldPath = child(path, key);
    const icmp = readRecord(issues, record[key], fieldPath);
    if (icmp === undefined) continue;
    if (key === 'icmp' && protocol?.icmp === undefined) {
      issues.report(fieldPath, 'needs protocol ICMP or ICMPv6');
    }
    const type = icmp['type'];
    const code = icmp['code'];
    if (!isAbsent(type) && !isIntegerBetween(type, 0, 254)) {
      issues.report(
        child(fieldPath, 'type'),
        `must be a number from 0 to 254, got ${describeValue(type)}`,
      );
    }
    if (!isAbsent(code) && !isIntegerBetween(code, 0, 255)) {
      issues.report(
        child(fieldPath, 'code'),
        `must be a number from 0 to 255, got ${describeValue(code)}`,
      );
    }
    if (!isAbsent(code) && isAbsent(type)) {
      issues.report(child(fieldPath, 'code'), 'needs an ICMP type');
    }
  }
  for (const [read, key] of [
    [protocol, 'protocol'],
    [notProtocol, 'notProtocol'],
  ] as const) {
    if (read?.icmp !== undefined && ipVersion !== undefined && read.icmp !== ipVersion) {
      issues.report(child(path, key), `${String(read.protocol)} needs ipVersion ${read.icmp}`);
    }
  }
}

function isIntegerBetween(value: unknown, low: number, high: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= low && value <= high;
}

/** One IP family per rule, matching `ipVersion` when given. */
function checkNetFamilies(
  issues: Issues,
  ipVersion: 4 | 6 | undefined,
  sides: readonly EntityRuleRead[],
): void {
  const seen = new Set<4 | 6>();
  for (const side of sides) {
    for (const { path, nets } of side.netLists) {
      const families = new Set(nets.map((net) => net.family));
      if (ipVersion !== undefined && [...families].some((family) => family !== ipVersion)) {
        issues.report(
          path,
          `has addresses of another IP version than the rule's ipVersion ${ipVersion}`,
        );
      }
      const v4 = families.has(4);
      const v6 = families.has(6);
      if ((v4 && seen.has(6)) || (v6 && seen.has(4)) || (v4 && v6)) {
        issues.report(path, 'a rule may not mix IPv4 and IPv6 addresses');
      }
      families.forEach((family) => seen.add(family));
    }
  }
}

/** Services: only as the ingress source or the egress destination, and never with ports there. */
function checkServices(
  issues: Issues,
  context: RuleContext,
  source: EntityRuleRead,
  destination: EntityRuleRead,
): void {
  if (context.direction === 'egress' && source.rule.services !== undefined) {
    issues.report(child(source.path, 'services'), 'is not allowed in the source of an egress rule');
  }
  if (context.direction === 'ingress' && destination.rule.services !== undefined) {
    issues.report(
      child(destination.path, 'services'),
      'is not allowed in the destination of an ingress rule',
    );
  }
  if (
    destination.rule.services !== undefined &&
    (destination.ports.length > 0 || destination.notPorts.length > 0)
  ) {
    issues.report(child(destination.path, 'services'), 'cannot be combined with ports or notPorts');
  }
}

/** Whether the rule has an `http` match (valid only on ingress Allow rules over TCP). */
function readHttp(
  issues: Issues,
  value: unknown,
  path: string,
  action: CalicoAction | undefined,
  protocol: ProtocolRead | undefined,
  context: RuleContext,
): boolean {
  if (readRecord(issues, value, path) === undefined) return false;
  if (context.direction === 'egress') issues.report(path, 'is not allowed in egress rules');
  if (action !== undefined && action !== 'Allow') {
    issues.report(path, 'is only valid on Allow rules');
  }
  if (protocol !== undefined && protocol.protocol !== 'TCP') {
    issues.report(path, 'needs protocol TCP or no protocol');
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Entity rules (source / destination)

interface PortEntry {
  readonly port: CalicoPort;
  readonly path: string;
}

interface Net {
  readonly cidr: string;
  readonly family: 4 | 6;
}

interface EntityRuleRead {
  readonly rule: CalicoEntityRule;
  readonly path: string;
  readonly ports: readonly PortEntry[];
  readonly notPorts: readonly PortEntry[];
  readonly netLists: readonly { readonly path: string; readonly nets: readonly Net[] }[];
}

/** The selector parts of an EntityRule, before Calico combines them. */
export interface EntitySelectorParts {
  readonly selector?: CalicoExpression;
  readonly notSelector?: CalicoExpression;
  readonly namespaceSelector?: CalicoExpression;
  readonly serviceAccounts?: {
    readonly names: readonly string[];
    readonly selector?: CalicoExpression;
  };
}

function readEntityRule(
  issues: Issues,
  value: unknown,
  path: string,
  context: RuleContext,
): EntityRuleRead {
  const record = readRecord(issues, value, path) ?? {};
  const selector = readSelector(issues, record['selector'], child(path, 'selector'), 'noGlobal');
  const notSelector = readSelector(
    issues,
    record['notSelector'],
    child(path, 'notSelector'),
    'any',
  );
  const namespaceSelector = readSelector(
    issues,
    record['namespaceSelector'],
    child(path, 'namespaceSelector'),
    'globalAlone',
  );
  const serviceAccounts = readServiceAccounts(
    issues,
    record['serviceAccounts'],
    child(path, 'serviceAccounts'),
  );
  const services = readServices(issues, record['services'], child(path, 'services'), context);
  const netsPath = child(path, 'nets');
  const notNetsPath = child(path, 'notNets');
  const nets = readNets(issues, record['nets'], netsPath);
  const notNets = readNets(issues, record['notNets'], notNetsPath, 'negated');
  const ports = readPorts(issues, record['ports'], child(path, 'ports'));
  const notPorts = readPorts(issues, record['notPorts'], child(path, 'notPorts'));

  if (services !== undefined) {
    const conflicts = (
      [
        ['selector', selector],
        ['notSelector', notSelector],
        ['namespaceSelector', namespaceSelector],
        ['serviceAccounts', serviceAccounts],
        ['nets', nets.length > 0 ? nets : undefined],
        ['notNets', notNets.length > 0 ? notNets : undefined],
      ] as const
    ).filter(([, part]) => part !== undefined);
    for (const [key] of conflicts) {
      issues.report(child(path, 'services'), `cannot be combined with ${key}`);
    }
  }

  const combined = combineEntitySelector(
    {
      ...(selector !== undefined && { selector: selector.expression }),
      ...(notSelector !== undefined && { notSelector: notSelector.expression }),
      ...(namespaceSelector !== undefined && { namespaceSelector: namespaceSelector.expression }),
      ...(serviceAccounts !== undefined && { serviceAccounts }),
    },
    context.namespace,
  );
  return {
    rule: {
      nets: nets.map((net) => net.cidr),
      notNets: notNets.map((net) => net.cidr),
      ...(combined !== undefined && { selector: calicoSelector(combined) }),
      ...(notSelector !== undefined && { notSelector: notSelector.selector }),
      ports: ports.map((entry) => entry.port),
      notPorts: notPorts.map((entry) => entry.port),
      ...(services !== undefined && { services }),
    },
    path,
    ports,
    notPorts,
    netLists: [
      { path: netsPath, nets },
      { path: notNetsPath, nets: notNets },
    ],
  };
}

/**
 * The positive selector of one side of a rule, as Calico's backend builds it:
 * `(namespace part) && ((service-account part) && (selector))`. The namespace part is the
 * `pcns.`-prefixed namespaceSelector (`all()` -> `has(projectcalico.org/namespace)`, `global()` ->
 * `!has(projectcalico.org/namespace)`), else, in a namespaced policy, the policy's namespace; it
 * is added only when the side names a selector, notSelector, namespaceSelector or service
 * accounts. Undefined: the side does not restrict addresses by selector.
 */
export function combineEntitySelector(
  parts: EntitySelectorParts,
  policyNamespace: string | undefined,
): CalicoExpression | undefined {
  let namespacePart: CalicoExpression | undefined;
  if (parts.namespaceSelector !== undefined) {
    const inNamespace = has(CALICO_NAMESPACE_LABEL);
    namespacePart = replaceAllAndGlobal(
      prefixKeys(parts.namespaceSelector, NAMESPACE_LABEL_PREFIX),
      {
        all: inNamespace,
        global: not(inNamespace),
      },
    );
  } else if (policyNamespace !== undefined) {
    namespacePart = eq(CALICO_NAMESPACE_LABEL, policyNamespace);
  }
  const serviceAccountPart = serviceAccountSelector(parts.serviceAccounts);
  const endpointParts = [serviceAccountPart, parts.selector].filter(
    (part): part is CalicoExpression => part !== undefined,
  );
  const endpointPart = endpointParts.length === 0 ? undefined : and(...endpointParts);
  const scoped =
    endpointPart !== undefined ||
    parts.notSelector !== undefined ||
    parts.namespaceSelector !== undefined;
  if (namespacePart === undefined || !scoped) return endpointPart;
  return endpointPart === undefined ? namespacePart : and(namespacePart, endpointPart);
}

/** `(<pcsa. selector>) && (projectcalico.org/serviceaccount in {names})`; either part may be absent. */
function serviceAccountSelector(
  serviceAccounts: EntitySelectorParts['serviceAccounts'],
): CalicoExpression | undefined {
  if (serviceAccounts === undefined) return undefined;
  const bySelector =
    serviceAccounts.selector === undefined
      ? undefined
      : prefixKeys(serviceAccounts.selector, SERVICE_ACCOUNT_LABEL_PREFIX);
  if (serviceAccounts.names.length === 0) return bySelector;
  const byName = inSet(CALICO_SERVICE_ACCOUNT_LABEL, serviceAccounts.names);
  return bySelector === undefined ? byName : and(bySelector, byName);
}

function readServiceAccounts(
  issues: Issues,
  value: unknown,
  path: string,
): EntitySelectorParts['serviceAccounts'] | undefined {
  const record = readRecord(issues, value, path);
  if (record === undefined) return undefined;
  const namesPath = child(path, 'names');
  const names: string[] = [];
  (readList(issues, record['names'], namesPath) ?? []).forEach((entry, index) => {
    const name = readString(issues, entry, item(namesPath, index));
    if (name === undefined || name === '') {
      if (name === '' || isAbsent(entry)) {
        issues.report(item(namesPath, index), 'must be a service account name');
      }
      return;
    }
    names.push(name);
  });
  const selector = readSelector(issues, record['selector'], child(path, 'selector'), 'any');
  return { names, ...(selector !== undefined && { selector: selector.expression }) };
}

function readServices(
  issues: Issues,
  value: unknown,
  path: string,
  context: RuleContext,
): CalicoEntityRule['services'] | undefined {
  const record = readRecord(issues, value, path);
  if (record === undefined) return undefined;
  const name = readString(issues, record['name'], child(path, 'name'));
  const namespace = readString(issues, record['namespace'], child(path, 'namespace'));
  if (name === undefined || name === '') {
    if (name === '' || isAbsent(record['name'])) issues.report(child(path, 'name'), 'is required');
    return undefined;
  }
  return {
    name,
    namespace: namespace === undefined || namespace === '' ? (context.namespace ?? '') : namespace,
  };
}

// ---------------------------------------------------------------------------------------------
// Field readers

interface SelectorRead {
  readonly expression: CalicoExpression;
  readonly selector: CalicoSelector;
}

/**
 * A selector field. Absent or `""` is undefined (the field is not set); blanks are `all()`.
 * `noGlobal`: `global()` is refused (policy selectors, a rule's `selector`); `globalAlone`:
 * `global()` only as the whole selector (a rule's `namespaceSelector`); `any`: not checked.
 */
function readSelector(
  issues: Issues,
  value: unknown,
  path: string,
  global: 'noGlobal' | 'globalAlone' | 'any',
): SelectorRead | undefined {
  const text = readString(issues, value, path);
  if (text === undefined || text === '') return undefined;
  const parsed = parseCalicoSelector(text);
  if (!parsed.ok) {
    issues.report(path, `invalid selector ${JSON.stringify(text)}: ${parsed.error}`);
    return undefined;
  }
  const { expression } = parsed.selector;
  if (global !== 'any' && containsGlobal(expression)) {
    if (global === 'noGlobal') {
      issues.report(path, GLOBAL_ONLY_IN_RULE_NAMESPACES);
      return undefined;
    }
    // Calico checks the tokens: global() alone, blanks around it allowed, nothing else.
    if (!/^[ \t]*global\([ \t]*\)[ \t]*$/.test(text)) {
      issues.report(path, 'global() cannot be combined with anything else in a namespaceSelector');
      return undefined;
    }
  }
  return { expression, selector: parsed.selector };
}

/** `order`: any number (Calico stores a float); absent is undefined. */
function readOrder(issues: Issues, value: unknown, path: string): number | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  issues.report(path, `must be a number, got ${describeValue(value)}`);
  return undefined;
}

function readOneOf<T extends string>(
  issues: Issues,
  value: unknown,
  path: string,
  allowed: readonly T[],
): T | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) {
    return value as T;
  }
  issues.report(
    path,
    `unsupported value ${describeValue(value)}: must be one of ${allowed.join(', ')}`,
  );
  return undefined;
}

/** Zeroes the host bits: Calico stores and matches the network of a CIDR. */
function networkOf(address: IpAddress, prefix: number): string {
  const bytes = address.toByteArray();
  bytes.forEach((byte, index) => {
    const keep = Math.max(0, Math.min(8, prefix - index * 8));
    bytes[index] = byte & ((0xff << (8 - keep)) & 0xff);
  });
  const network = ipaddr.fromByteArray(bytes);
  const spelled =
    network.kind() === 'ipv6' ? (network as ipaddr.IPv6).toRFC5952String() : network.toString();
  return `${spelled}/${prefix}`;
}

/** A CIDR or a single address (read as /32 or /128), as Calico's ParseCIDROrIP reads it. */
export function parseCalicoNet(text: string): Net | undefined {
  if (text.includes('/')) {
    const cidr = parseCidr(text);
    if (cidr === undefined) return undefined;
    return {
      cidr: networkOf(cidr.address, cidr.prefix),
      family: cidr.address.kind() === 'ipv6' ? 6 : 4,
    };
  }
  const address = parseIpAddress(text);
  if (address === undefined) return undefined;
  const family = address.kind() === 'ipv6' ? 6 : 4;
  return { cidr: networkOf(address, family === 6 ? 128 : 32), family };
}

function readNets(issues: Issues, value: unknown, path: string, negated?: 'negated'): Net[] {
  const nets: Net[] = [];
  (readList(issues, value, path) ?? []).forEach((entry, index) => {
    const entryPath = item(path, index);
    if (typeof entry !== 'string') {
      issues.report(entryPath, `must be a CIDR, got ${describeValue(entry)}`);
      return;
    }
    const net = parseCalicoNet(entry);
    if (net === undefined) {
      issues.report(
        entryPath,
        `invalid CIDR ${JSON.stringify(entry)}: must be like 10.9.8.0/24, 2001:db8::/64 or one address`,
      );
      return;
    }
    if (negated !== undefined && (net.cidr === '0.0.0.0/0' || net.cidr === '::/0')) {
      issues.report(
        entryPath,
        `${JSON.stringify(entry)} matches every address: notNets would exclude all traffic`,
      );
      return;
    }
    nets.push(net);
  });
  return nets;
}

function readPorts(issues: Issues, value: unknown, path: string): PortEntry[] {
  const entries: PortEntry[] = [];
  (readList(issues, value, path) ?? []).forEach((entry, index) => {
    const entryPath = item(path, index);
    const port = readCalicoPort(issues, entry, entryPath);
    if (port !== undefined) entries.push({ port, path: entryPath });
  });
  return entries;
}

const PORT_SHAPES = 'must be a port number, a range "from:to" or a port name';

/** A port: a number, `"from:to"` (inclusive), or a name of 1-128 letters, digits, `_`, `.` or `-`. */
function readCalicoPort(issues: Issues, value: unknown, path: string): CalicoPort | undefined {
  const inRange = (port: number): boolean => Number.isInteger(port) && port >= 1 && port <= 65535;
  if (typeof value === 'number') {
    if (inRange(value)) return { kind: 'range', from: value, to: value };
    issues.report(path, `invalid port ${value}: must be between 1 and 65535, inclusive`);
    return undefined;
  }
  if (typeof value !== 'string') {
    issues.report(path, `${PORT_SHAPES}, got ${describeValue(value)}`);
    return undefined;
  }
  const range = /^(\d+)(?::(\d+))?$/.exec(value);
  if (range !== null) {
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    if (!inRange(from) || !inRange(to)) {
      issues.report(
        path,
        `invalid port ${JSON.stringify(value)}: ports must be between 1 and 65535, inclusive`,
      );
      return undefined;
    }
    if (from > to) {
      issues.report(
        path,
        `invalid port range ${JSON.stringify(value)}: the first port is greater than the last`,
      );
      return undefined;
    }
    return { kind: 'range', from, to };
  }
  if (PORT_NAME.test(value)) return { kind: 'named', name: value };
  issues.report(
    path,
    `invalid port ${JSON.stringify(value)}: ${PORT_SHAPES} (1-128 letters, digits, "_", "." or "-")`,
  );
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// StagedKubernetesNetworkPolicy: a Kubernetes NetworkPolicy spec, converted as Calico converts one

/**
 * Reads the Kubernetes NetworkPolicy spec with the Kubernetes reader, then converts it as
 * Calico's `K8sNetworkPolicyToCalico` does: default tier, order 1000, selector
 * `projectcalico.org/orchestrator == "k8s" && <podSelector>` scoped to the namespace, and one
 * Allow rule per protocol and peer.
 */
function readStagedKubernetesPolicy(header: ObjectHeader): CalicoPolicy {
  const { issues } = header;
  const apiVersion = apiVersionOf(header);
  const k8s = readNetworkPolicy(header);
  const spec = isRecord(header.obj['spec']) ? header.obj['spec'] : {};
  const namespace = k8s.namespace;
  const stagedAction = readStagedAction(issues, spec['stagedAction']);
  // The Kubernetes reader defaults policyTypes as the API server does (as Calico's admission
  // policy does for v3 objects). A v1 object written straight to the CRD was never defaulted, and
  // Calico's conversion then applies it to ingress only.
  const written = listLength(spec['policyTypes']) > 0;
  const types = DIRECTIONS.filter((direction) =>
    written || !isV1(apiVersion) ? k8s.policyTypes.includes(direction) : direction === 'Ingress',
  );
  return {
    kind: 'StagedKubernetesNetworkPolicy',
    apiGroup: apiVersion,
    namespace,
    name: header.name,
    tier: DEFAULT_TIER,
    order: KUBERNETES_POLICY_ORDER,
    selector: calicoSelector(
      and(podSelectorExpression(k8s.podSelector), eq(CALICO_NAMESPACE_LABEL, namespace)),
    ),
    types,
    ingress: k8s.ingress.flatMap((rule) => kubernetesRuleToCalico(rule, 'ingress', namespace)),
    egress: k8s.egress.flatMap((rule) => kubernetesRuleToCalico(rule, 'egress', namespace)),
    stagedAction,
    doNotTrack: false,
    preDNAT: false,
    applyOnForward: false,
    raw: rawOf(header),
    ...(header.source !== undefined && { source: header.source }),
  };
}

/** matchLabels (sorted by key) then matchExpressions, as Calico writes them. */
function labelSelectorTerms(selector: LabelSelector): CalicoExpression[] {
  const terms = Object.keys(selector.matchLabels)
    .sort()
    .map((key) => eq(key, selector.matchLabels[key] as string));
  for (const requirement of selector.matchExpressions) {
    switch (requirement.operator) {
      case 'In':
        terms.push(inSet(requirement.key, requirement.values));
        break;
      case 'NotIn':
        terms.push(notInSet(requirement.key, requirement.values));
        break;
      case 'Exists':
        terms.push(has(requirement.key));
        break;
      case 'DoesNotExist':
        terms.push(not(has(requirement.key)));
        break;
    }
  }
  return terms;
}

/** A pod selector selects Kubernetes pods only: `projectcalico.org/orchestrator == "k8s" && ...`. */
function podSelectorExpression(selector: LabelSelector | undefined): CalicoExpression {
  return and(
    eq(CALICO_ORCHESTRATOR_LABEL, 'k8s'),
    ...(selector === undefined ? [] : labelSelectorTerms(selector)),
  );
}

/** An empty namespace selector is `all()` (every namespace). */
function namespaceSelectorExpression(selector: LabelSelector): CalicoExpression {
  const terms = labelSelectorTerms(selector);
  return terms.length === 0 ? ALL : and(...terms);
}

/** Ports grouped by protocol as Calico groups them; null: every port of the protocol. */
function portsByProtocol(ports: readonly NetworkPolicyPort[]): Map<string, CalicoPort[] | null> {
  const byProtocol = new Map<string, CalicoPort[] | null>();
  if (ports.length === 0) return new Map([['', null]]);
  for (const port of ports) {
    const current = byProtocol.get(port.protocol);
    if (port.port === undefined) byProtocol.set(port.protocol, null);
    else if (current !== null) {
      const calicoPort: CalicoPort =
        typeof port.port === 'string'
          ? { kind: 'named', name: port.port }
          : { kind: 'range', from: port.port, to: port.endPort ?? port.port };
      byProtocol.set(port.protocol, [...(current ?? []), calicoPort]);
    }
  }
  return byProtocol;
}

/** Calico's SimplifyPorts: named ports first, then numeric ports merged into the fewest ranges. */
function simplifyPorts(ports: readonly CalicoPort[]): CalicoPort[] {
  const numeric = ports.filter(
    (port): port is CalicoPort & { kind: 'range' } => port.kind === 'range',
  );
  if (
    ports.length <= 1 ||
    numeric.reduce((count, port) => count + port.to - port.from + 1, 0) <= 1
  ) {
    return [...ports];
  }
  const merged: { from: number; to: number }[] = [];
  for (const { from, to } of [...numeric].sort((a, b) => a.from - b.from || a.to - b.to)) {
    const last = merged[merged.length - 1];
    if (last !== undefined && from <= last.to + 1) last.to = Math.max(last.to, to);
    else merged.push({ from, to });
  }
  return [
    ...ports.filter((port) => port.kind === 'named'),
    ...merged.map(({ from, to }): CalicoPort => ({ kind: 'range', from, to })),
  ];
}

interface PeerFields {
  readonly selector?: CalicoExpression;
  readonly namespaceSelector?: CalicoExpression;
  readonly nets: readonly string[];
  readonly notNets: readonly string[];
}

function peerFields(peer: NetworkPolicyPeer | undefined): PeerFields {
  if (peer === undefined) return { nets: [], notNets: [] };
  if (peer.ipBlock !== undefined) {
    const network = (cidr: string): string => parseCalicoNet(cidr)?.cidr ?? cidr;
    return { nets: [network(peer.ipBlock.cidr)], notNets: peer.ipBlock.except.map(network) };
  }
  return {
    selector: podSelectorExpression(peer.podSelector),
    ...(peer.namespaceSelector !== undefined && {
      namespaceSelector: namespaceSelectorExpression(peer.namespaceSelector),
    }),
    nets: [],
    notNets: [],
  };
}

function kubernetesRuleToCalico(
  rule: NetworkPolicyRule,
  direction: 'ingress' | 'egress',
  namespace: string,
): CalicoRule[] {
  const byProtocol = portsByProtocol(rule.ports);
  const peers: (NetworkPolicyPeer | undefined)[] =
    rule.peers.length === 0 ? [undefined] : [...rule.peers];
  const rules: CalicoRule[] = [];
  for (const protocol of [...byProtocol.keys()].sort()) {
    const ports = simplifyPorts(byProtocol.get(protocol) ?? []);
    for (const peer of peers) {
      const fields = peerFields(peer);
      const combined = combineEntitySelector(fields, namespace);
      const peerSide: CalicoEntityRule = {
        nets: fields.nets,
        notNets: fields.notNets,
        ...(combined !== undefined && { selector: calicoSelector(combined) }),
        ports: direction === 'egress' ? ports : [],
        notPorts: [],
      };
      const otherSide: CalicoEntityRule = { nets: [], notNets: [], ports, notPorts: [] };
      rules.push({
        action: 'Allow',
        ...(protocol !== '' && { protocol: protocol as CalicoProtocol }),
        source:
          direction === 'ingress' ? peerSide : { nets: [], notNets: [], ports: [], notPorts: [] },
        destination: direction === 'ingress' ? otherSide : peerSide,
      });
    }
  }
  return rules;
}
