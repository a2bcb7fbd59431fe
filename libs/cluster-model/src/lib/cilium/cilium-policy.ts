import type {
  CiliumCidrGroup,
  CiliumPolicy,
  CiliumPolicyKind,
  CiliumPolicySpec,
  CiliumRule,
} from '../types';
import type { Issues } from '../issues';
import { rawOf, type ObjectHeader } from '../object-header';
import { child, item, readBoolean, readList, readRecord, readString } from '../field-readers';
import { readCidrField } from '../ip-addresses';
import { readLabelSelector } from '../selectors';
import { isAbsent, isRecord, type UnknownRecord } from '../unknown-values';
import {
  ALLOW_ONLY_PEERS,
  readEntries,
  readPeers,
  readRequiredEntry,
  readRequirements,
  type Direction,
} from './cilium-peers';
import { readIcmps, readPortRules } from './cilium-ports';
import { readSubjectSelector, selectsInit, type PeerScope } from './cilium-selectors';

/**
 * A CiliumNetworkPolicy (namespaced) or CiliumClusterwideNetworkPolicy, read as Cilium parses it:
 * `spec` then every entry of `specs`, each a rule with its subject, its four rule sections, and
 * the namespace requirements Cilium adds to selectors. Undefined when anything was reported:
 * Cilium refuses the whole resource then, so it neither isolates nor allows.
 */
export function readCiliumPolicy(header: ObjectHeader): CiliumPolicy | undefined {
  const { issues, obj } = header;
  const kind: CiliumPolicyKind =
    header.kind === 'CiliumClusterwideNetworkPolicy'
      ? 'CiliumClusterwideNetworkPolicy'
      : 'CiliumNetworkPolicy';
  const namespace = kind === 'CiliumNetworkPolicy' ? (header.namespace ?? 'default') : undefined;
  if (isAbsent(obj['spec']) && isAbsent(obj['specs'])) {
    issues.report('spec', 'a Cilium policy needs spec or specs');
    return undefined;
  }
  const specs: CiliumPolicySpec[] = [];
  const policy = { kind, namespace };
  if (!isAbsent(obj['spec'])) {
    const spec = readRecord(issues, obj['spec'], 'spec');
    const read = spec && readSpec(issues, spec, 'spec', policy);
    if (read !== undefined) specs.push(read);
  }
  (readList(issues, obj['specs'], 'specs') ?? []).forEach((entry, index) => {
    const path = item('specs', index);
    const read = readRequiredEntry(issues, entry, path, () => {
      const spec = readRecord(issues, entry, path);
      return spec && readSpec(issues, spec, path, policy);
    });
    if (read !== undefined) specs.push(read);
  });
  if (!issues.clean) return undefined;
  return {
    kind,
    ...(namespace !== undefined && { namespace }),
    name: header.name,
    specs,
    raw: rawOfPolicy(header),
    ...(header.source !== undefined && { source: header.source }),
  };
}

/** `rawOf` keeps `spec` only; a Cilium policy's rules may be in `specs` as well. */
function rawOfPolicy(header: ObjectHeader): unknown {
  const raw = rawOf(header);
  const specs = header.obj['specs'];
  return specs === undefined || !isRecord(raw) ? raw : { ...raw, specs };
}

interface PolicyScope {
  readonly kind: CiliumPolicyKind;
  /** Set for a CiliumNetworkPolicy. */
  readonly namespace: string | undefined;
}

/** What reading one rule needs to know about where it stands. */
interface RuleContext {
  readonly direction: Direction;
  readonly deny: boolean;
  readonly hostPolicy: boolean;
  readonly scope: PeerScope;
}

const SECTIONS: ReadonlyArray<readonly [keyof CiliumPolicySpec & string, Direction, boolean]> = [
  ['ingress', 'ingress', false],
  ['ingressDeny', 'ingress', true],
  ['egress', 'egress', false],
  ['egressDeny', 'egress', true],
];

function readSpec(
  issues: Issues,
  spec: UnknownRecord,
  path: string,
  policy: PolicyScope,
): CiliumPolicySpec | undefined {
  const before = issues.count;
  const subject = readSubject(issues, spec, path, policy);
  const scope: PeerScope = {
    namespace: policy.namespace,
    subjectSelectsInit: subject?.kind === 'endpoints' && selectsInit(subject.selector),
  };
  const hostPolicy = subject?.kind === 'nodes';
  const sections: Partial<Record<string, CiliumRule[] | null>> = {};
  for (const [key, direction, deny] of SECTIONS) {
    sections[key] = readRules(issues, spec[key], child(path, key), {
      direction,
      deny,
      hostPolicy,
      scope,
    });
  }
  const defaultDenyPath = child(path, 'enableDefaultDeny');
  const defaultDeny = readRecord(issues, spec['enableDefaultDeny'], defaultDenyPath) ?? {};
  const description = readString(issues, spec['description'], child(path, 'description'));
  if (subject === undefined || issues.count > before) return undefined;
  return {
    subject,
    ingress: sections['ingress'] ?? null,
    ingressDeny: sections['ingressDeny'] ?? null,
    egress: sections['egress'] ?? null,
    egressDeny: sections['egressDeny'] ?? null,
    defaultDeny: {
      ingress:
        readBoolean(issues, defaultDeny['ingress'], child(defaultDenyPath, 'ingress')) ?? true,
      egress: readBoolean(issues, defaultDeny['egress'], child(defaultDenyPath, 'egress')) ?? true,
    },
    ...(description !== undefined && description !== '' && { description }),
  };
}

/**
 * Exactly one of `endpointSelector` (pods) and `nodeSelector` (a host policy, which only a
 * clusterwide policy may hold; a plain label selector on node labels).
 */
function readSubject(
  issues: Issues,
  spec: UnknownRecord,
  path: string,
  policy: PolicyScope,
): CiliumPolicySpec['subject'] | undefined {
  const before = issues.count;
  const hasEndpoints = !isAbsent(spec['endpointSelector']);
  const hasNodes = !isAbsent(spec['nodeSelector']);
  if (hasEndpoints && hasNodes) {
    issues.report(path, 'must specify exactly one of endpointSelector or nodeSelector, not both');
  } else if (!hasEndpoints && !hasNodes) {
    issues.report(
      path,
      'must specify endpointSelector (the pods the rule applies to) or nodeSelector (a host policy)',
    );
  }
  if (hasNodes && policy.kind === 'CiliumNetworkPolicy') {
    issues.report(
      child(path, 'nodeSelector'),
      'is only allowed in a CiliumClusterwideNetworkPolicy: a CiliumNetworkPolicy selects pods with endpointSelector',
    );
  }
  const endpoints =
    hasEndpoints &&
    readSubjectSelector(
      issues,
      spec['endpointSelector'],
      child(path, 'endpointSelector'),
      policy.namespace,
    );
  const nodes =
    hasNodes && readLabelSelector(issues, spec['nodeSelector'], child(path, 'nodeSelector'));
  if (issues.count > before) return undefined;
  if (endpoints) return { kind: 'endpoints', selector: endpoints };
  if (nodes) return { kind: 'nodes', selector: nodes };
  return undefined;
}

/** A rule section: null when absent, an empty list when present but empty. */
function readRules(
  issues: Issues,
  value: unknown,
  path: string,
  context: RuleContext,
): CiliumRule[] | null {
  const list = readList(issues, value, path);
  if (list === undefined) return null;
  const rules: CiliumRule[] = [];
  list.forEach((entry, index) => {
    const rule = readRule(issues, entry, item(path, index), context);
    if (rule !== undefined) rules.push(rule);
  });
  return rules;
}

const AUTHENTICATION_MODES = ['disabled', 'required', 'test-always-fail'];

/** One rule; `null` in the list reads as `{}`, as Go decodes it. */
function readRule(
  issues: Issues,
  value: unknown,
  path: string,
  context: RuleContext,
): CiliumRule | undefined {
  const rule = readRecord(issues, value, path) ?? {};
  const before = issues.count;
  const { direction, deny, scope } = context;
  const peers = readPeers(issues, rule, path, direction, deny, scope);
  const requiresKey = direction === 'ingress' ? 'fromRequires' : 'toRequires';
  const requires = readRequirements(issues, rule[requiresKey], child(path, requiresKey), scope);
  const toPorts = readPortRules(issues, rule['toPorts'], child(path, 'toPorts'), context);
  const icmps = readIcmps(issues, rule['icmps'], child(path, 'icmps'));
  const toPortsList = rule['toPorts'];
  if (icmps !== undefined && icmps > 0 && Array.isArray(toPortsList) && toPortsList.length > 0) {
    issues.report(
      child(path, 'icmps'),
      'may not be combined with toPorts in one rule: write a separate rule for the ports',
    );
  }
  const unsupported = deny ? [...ALLOW_ONLY_PEERS, 'authentication'] : [];
  for (const key of unsupported.filter((field) => !isAbsent(rule[field]))) {
    issues.report(child(path, key), 'is not supported in deny rules');
  }
  const conditional = deny
    ? undefined
    : readAuthentication(issues, rule['authentication'], child(path, 'authentication'));
  if (
    issues.count > before ||
    peers === undefined ||
    requires === undefined ||
    toPorts === undefined ||
    icmps === undefined
  ) {
    return undefined;
  }
  return {
    peers,
    requires,
    toPorts,
    icmpOnly: icmps > 0,
    ...(conditional !== undefined && { conditional }),
  };
}

/** `authentication.mode`: `required` (and the test mode) makes the allow depend on mutual auth. */
function readAuthentication(issues: Issues, value: unknown, path: string): string | undefined {
  const record = readRecord(issues, value, path);
  if (record === undefined) return undefined;
  const modePath = child(path, 'mode');
  const mode = record['mode'];
  if (typeof mode !== 'string' || !AUTHENTICATION_MODES.includes(mode)) {
    issues.report(
      modePath,
      isAbsent(mode)
        ? `is required: one of ${AUTHENTICATION_MODES.join(', ')}`
        : `unsupported mode ${JSON.stringify(mode)}: must be one of ${AUTHENTICATION_MODES.join(', ')}`,
    );
    return undefined;
  }
  return mode === 'disabled' ? undefined : 'mutual authentication';
}

/** A CiliumCIDRGroup: the prefixes a policy names by `cidrGroupRef` or `cidrGroupSelector`. */
export function readCiliumCidrGroup(header: ObjectHeader): CiliumCidrGroup | undefined {
  const { issues, obj } = header;
  if (isAbsent(obj['spec'])) {
    issues.report('spec', 'is required: spec.externalCIDRs lists the group');
    return undefined;
  }
  const spec = readRecord(issues, obj['spec'], 'spec');
  if (spec === undefined) return undefined;
  const path = 'spec.externalCIDRs';
  if (isAbsent(spec['externalCIDRs'])) {
    issues.report(path, 'is required: the list of CIDRs of the group');
    return undefined;
  }
  const list = readList(issues, spec['externalCIDRs'], path);
  const cidrs =
    list &&
    readEntries(
      issues,
      list,
      path,
      (entry, entryPath) => readCidrField(issues, entry, entryPath)?.canonical,
    );
  if (cidrs === undefined || !issues.clean) return undefined;
  return {
    name: header.name,
    labels: header.labels,
    cidrs,
    ...(header.source !== undefined && { source: header.source }),
  };
}
