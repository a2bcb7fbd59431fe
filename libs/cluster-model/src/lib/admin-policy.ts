import type {
  AdminAction,
  AdminPeer,
  AdminPolicy,
  AdminPolicyKind,
  AdminPort,
  AdminRule,
  AdminTier,
} from './types';
import type { Issues } from './issues';
import { rawOf, type ObjectHeader } from './object-header';
import { child, item, readInteger, readList, readRecord, readString } from './field-readers';
import { readPeer, readSubject, type PeerField } from './admin-peers';
import { readAnpPorts, readCnpProtocols } from './admin-ports';
import { describeValue, isAbsent } from './unknown-values';

/** How one of the three admin policy kinds spells what the model holds in one shape. */
interface Dialect {
  readonly kind: AdminPolicyKind;
  /** Action on the wire -> action in the model (`Accept` is v1alpha2's `Allow`). */
  readonly actions: Readonly<Record<string, AdminAction>>;
  readonly egressPeers: readonly PeerField[];
  readonly portsKey: 'ports' | 'protocols';
  readonly readPorts: (
    issues: Issues,
    value: unknown,
    path: string,
  ) => AdminPort[] | null | undefined;
}

type Direction = 'ingress' | 'egress';

const INGRESS_PEERS: readonly PeerField[] = ['namespaces', 'pods'];

const ANP: Dialect = {
  kind: 'AdminNetworkPolicy',
  actions: { Allow: 'Allow', Deny: 'Deny', Pass: 'Pass' },
  egressPeers: ['namespaces', 'pods', 'nodes', 'networks'],
  portsKey: 'ports',
  readPorts: readAnpPorts,
};

const BANP: Dialect = {
  ...ANP,
  kind: 'BaselineAdminNetworkPolicy',
  actions: { Allow: 'Allow', Deny: 'Deny' },
};

const CNP: Dialect = {
  kind: 'ClusterNetworkPolicy',
  actions: { Accept: 'Allow', Deny: 'Deny', Pass: 'Pass' },
  egressPeers: ['namespaces', 'pods', 'nodes', 'networks', 'domainNames'],
  portsKey: 'protocols',
  readPorts: readCnpProtocols,
};

/** The cluster has one BaselineAdminNetworkPolicy, and the CRD only admits it under this name. */
const BANP_NAME = 'default';

const TIERS: readonly AdminTier[] = ['Admin', 'Baseline'];

export function readAdminNetworkPolicy(header: ObjectHeader): AdminPolicy | undefined {
  const spec = readSpec(header);
  const priority = readPriority(header.issues, spec['priority']);
  return assemble(header, ANP, 'Admin', priority ?? null, spec);
}

export function readBaselineAdminNetworkPolicy(header: ObjectHeader): AdminPolicy | undefined {
  if (header.name !== BANP_NAME) {
    header.issues.report(
      'metadata.name',
      `must be "${BANP_NAME}": a cluster has a single BaselineAdminNetworkPolicy, named "${BANP_NAME}"`,
    );
  }
  return assemble(header, BANP, 'Baseline', null, readSpec(header));
}

export function readClusterNetworkPolicy(header: ObjectHeader): AdminPolicy | undefined {
  const spec = readSpec(header);
  const tier = readTier(header.issues, spec['tier']);
  const priority = readPriority(header.issues, spec['priority']);
  // With a bad tier the policy is dropped anyway; 'Admin' only keeps the subject and rules read.
  return assemble(header, CNP, tier ?? 'Admin', priority ?? null, spec);
}

function readTier(issues: Issues, value: unknown): AdminTier | undefined {
  if (TIERS.includes(value as AdminTier)) return value as AdminTier;
  issues.report(
    'spec.tier',
    isAbsent(value)
      ? `is required: must be one of ${TIERS.join(', ')}`
      : `unsupported tier ${describeValue(value)}: must be one of ${TIERS.join(', ')}`,
  );
  return undefined;
}

function readSpec(header: ObjectHeader): Readonly<Record<string, unknown>> {
  if (isAbsent(header.obj['spec'])) {
    header.issues.report('spec', 'is required');
    return {};
  }
  return readRecord(header.issues, header.obj['spec'], 'spec') ?? {};
}

function readPriority(issues: Issues, value: unknown): number | undefined {
  if (isAbsent(value)) {
    issues.report('spec.priority', 'is required: a number from 0 to 1000');
    return undefined;
  }
  const priority = readInteger(issues, value, 'spec.priority');
  if (priority !== undefined && (priority < 0 || priority > 1000)) {
    issues.report('spec.priority', `must be between 0 and 1000, got ${priority}`);
    return undefined;
  }
  return priority;
}

/** Reads subject and rules; returns undefined when anything about the policy was reported. */
function assemble(
  header: ObjectHeader,
  dialect: Dialect,
  tier: AdminTier,
  priority: number | null,
  spec: Readonly<Record<string, unknown>>,
): AdminPolicy | undefined {
  const { issues } = header;
  const subject = readSubject(issues, spec['subject'], 'spec.subject');
  const ingress = readRules(issues, spec['ingress'], 'spec.ingress', dialect, 'ingress');
  const egress = readRules(issues, spec['egress'], 'spec.egress', dialect, 'egress');
  if (subject === undefined || !issues.clean) return undefined;
  return {
    kind: dialect.kind,
    name: header.name,
    tier,
    priority,
    subject,
    ingress,
    egress,
    raw: rawOf(header),
    ...(header.source !== undefined && { source: header.source }),
  };
}

function readRules(
  issues: Issues,
  value: unknown,
  path: string,
  dialect: Dialect,
  direction: Direction,
): AdminRule[] {
  const rules: AdminRule[] = [];
  (readList(issues, value, path) ?? []).forEach((entry, index) => {
    const rule = readRule(issues, entry, item(path, index), dialect, direction);
    if (rule !== undefined) rules.push(rule);
  });
  return rules;
}

function readRule(
  issues: Issues,
  value: unknown,
  path: string,
  dialect: Dialect,
  direction: Direction,
): AdminRule | undefined {
  const rule = readRecord(issues, value, path) ?? {};
  const before = issues.count;
  const name = readString(issues, rule['name'], child(path, 'name'));
  const action = readAction(issues, rule['action'], child(path, 'action'), dialect);
  const peersKey = direction === 'ingress' ? 'from' : 'to';
  const peerFields = direction === 'ingress' ? INGRESS_PEERS : dialect.egressPeers;
  const peersPath = child(path, peersKey);
  const peers: AdminPeer[] = [];
  const list = readList(issues, rule[peersKey], peersPath);
  if (list === undefined && isAbsent(rule[peersKey])) {
    issues.report(peersPath, 'is required: at least one peer');
  } else if (list?.length === 0) {
    issues.report(peersPath, 'must have at least one peer');
  }
  list?.forEach((entry, index) => {
    const peer = readPeer(issues, entry, item(peersPath, index), peerFields);
    if (peer !== undefined) peers.push(peer);
  });
  // A named port next to networks/nodes peers is refused by newer CRDs, but analyzers accept it
  // (the name just matches no address outside a pod), and so do upstream test cases: allow it.
  const ports = dialect.readPorts(issues, rule[dialect.portsKey], child(path, dialect.portsKey));
  if (action === undefined || ports === undefined || issues.count > before) return undefined;
  return { ...(name !== undefined && name !== '' && { name }), action, peers, ports };
}

function readAction(
  issues: Issues,
  value: unknown,
  path: string,
  dialect: Dialect,
): AdminAction | undefined {
  const allowed = Object.keys(dialect.actions);
  if (isAbsent(value)) {
    issues.report(path, `is required: must be one of ${allowed.join(', ')}`);
    return undefined;
  }
  if (typeof value === 'string' && Object.hasOwn(dialect.actions, value)) {
    return dialect.actions[value];
  }
  issues.report(
    path,
    `unsupported action ${describeValue(value)} for ${dialect.kind}: must be one of ${allowed.join(', ')}`,
  );
  return undefined;
}
