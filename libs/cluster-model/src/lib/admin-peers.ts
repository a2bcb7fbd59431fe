import type { AdminPeer, AdminSubject, LabelSelector } from './types';
import type { Issues } from './issues';
import { oneOfFields } from './one-of';
import { child, item, readList, readRecord, readString } from './field-readers';
import { readCidrField } from './ip-addresses';
import { emptySelector, readLabelSelector } from './selectors';
import { isAbsent } from './unknown-values';

export type PeerField = AdminPeer['kind'];

export function readSubject(
  issues: Issues,
  value: unknown,
  path: string,
): AdminSubject | undefined {
  if (isAbsent(value)) {
    issues.report(path, 'is required');
    return undefined;
  }
  const record = readRecord(issues, value, path);
  if (record === undefined) return undefined;
  const field = oneOfFields(issues, record, path, ['namespaces', 'pods']);
  if (field === 'namespaces') {
    const namespaceSelector = readLabelSelector(
      issues,
      record['namespaces'],
      child(path, 'namespaces'),
    );
    return namespaceSelector === undefined ? undefined : { kind: 'namespaces', namespaceSelector };
  }
  if (field === 'pods') {
    const pods = readNamespacedPod(issues, record['pods'], child(path, 'pods'));
    return pods === undefined ? undefined : { kind: 'pods', ...pods };
  }
  return undefined;
}

/**
 * `pods: {namespaceSelector, podSelector}`. A missing podSelector (and, in v1alpha1, a missing
 * namespaceSelector) is refused by the CRD, yet Go tools decode it as the empty selector and
 * upstream analyzer tests rely on that; read it as "every pod" rather than drop the policy.
 */
function readNamespacedPod(
  issues: Issues,
  value: unknown,
  path: string,
): { namespaceSelector: LabelSelector; podSelector: LabelSelector } | undefined {
  const record = readRecord(issues, value, path);
  if (record === undefined) return undefined;
  const before = issues.count;
  const namespaceSelector = readLabelSelector(
    issues,
    record['namespaceSelector'],
    child(path, 'namespaceSelector'),
  );
  const podSelector = readLabelSelector(issues, record['podSelector'], child(path, 'podSelector'));
  if (issues.count > before) return undefined;
  return {
    namespaceSelector: namespaceSelector ?? emptySelector(),
    podSelector: podSelector ?? emptySelector(),
  };
}

/** DomainName as the CRD's pattern has it: exact names or a leading `*.` wildcard. */
const DOMAIN_NAME =
  /^(\*\.)?([a-zA-Z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\.)+[a-zA-Z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\.?$/;

export function readPeer(
  issues: Issues,
  value: unknown,
  path: string,
  allowed: readonly PeerField[],
): AdminPeer | undefined {
  const record = readRecord(issues, value, path) ?? {};
  const field = oneOfFields(issues, record, path, allowed);
  const fieldPath = child(path, field ?? '');
  switch (field) {
    case 'namespaces': {
      const namespaceSelector = readLabelSelector(issues, record['namespaces'], fieldPath);
      return namespaceSelector === undefined
        ? undefined
        : { kind: 'namespaces', namespaceSelector };
    }
    case 'pods': {
      const pods = readNamespacedPod(issues, record['pods'], fieldPath);
      return pods === undefined ? undefined : { kind: 'pods', ...pods };
    }
    case 'nodes': {
      const nodeSelector = readLabelSelector(issues, record['nodes'], fieldPath);
      return nodeSelector === undefined ? undefined : { kind: 'nodes', nodeSelector };
    }
    case 'networks': {
      const cidrs = readNonEmptyList(
        issues,
        record['networks'],
        fieldPath,
        (entry, entryPath) => readCidrField(issues, entry, entryPath)?.canonical,
      );
      return cidrs === undefined ? undefined : { kind: 'networks', cidrs };
    }
    case 'domainNames': {
      const domainNames = readNonEmptyList(
        issues,
        record['domainNames'],
        fieldPath,
        (entry, entryPath) => {
          const name = readString(issues, entry, entryPath);
          if (name !== undefined && DOMAIN_NAME.test(name)) return name;
          if (name !== undefined) {
            issues.report(entryPath, `invalid domain name ${JSON.stringify(name)}`);
          }
          return undefined;
        },
      );
      return domainNames === undefined ? undefined : { kind: 'domainNames', domainNames };
    }
    default:
      return undefined;
  }
}

function readNonEmptyList<T>(
  issues: Issues,
  value: unknown,
  path: string,
  readEntry: (entry: unknown, path: string) => T | undefined,
): T[] | undefined {
  const list = readList(issues, value, path);
  if (list === undefined) return undefined;
  if (list.length === 0) {
    issues.report(path, 'must have at least one item');
    return undefined;
  }
  const before = issues.count;
  const result: T[] = [];
  list.forEach((entry, index) => {
    const read = readEntry(entry, item(path, index));
    if (read !== undefined) result.push(read);
  });
  return issues.count > before ? undefined : result;
}
