import type { Issues } from './issues';
import type { ReferenceGrant } from './types';
import type { ObjectHeader } from './object-header';
import {
  child,
  readEachRecord,
  readOptionalString,
  readRecord,
  readRequiredString,
} from './field-readers';
import { readRequiredGroup } from './gateway-fields';
import type { UnknownRecord } from './unknown-values';

/**
 * A ReferenceGrant (gateway.networking.k8s.io v1beta1, v1alpha2): which kinds of which other
 * namespaces may refer to which objects of its own. Every field but `to[].name` is required;
 * group "" is the core group (referencegrant_types.go).
 */
export function readReferenceGrant(header: ObjectHeader): ReferenceGrant {
  const { issues, obj } = header;
  const spec = readRecord(issues, obj['spec'], 'spec');
  return {
    namespace: header.namespace ?? '',
    name: header.name,
    from: readEachRecord(issues, spec?.['from'], 'spec.from', (record, path) =>
      readFrom(issues, record, path),
    ),
    to: readEachRecord(issues, spec?.['to'], 'spec.to', (record, path) =>
      readTo(issues, record, path),
    ),
    ...(header.source !== undefined && { source: header.source }),
  };
}

type From = ReferenceGrant['from'][number];
type To = ReferenceGrant['to'][number];

function readFrom(issues: Issues, record: UnknownRecord, path: string): From | undefined {
  const group = readRequiredGroup(issues, record['group'], child(path, 'group'));
  const kind = readRequiredString(issues, record['kind'], child(path, 'kind'));
  const namespace = readRequiredString(issues, record['namespace'], child(path, 'namespace'));
  if (group === undefined || kind === undefined || namespace === undefined) return undefined;
  return { group, kind, namespace };
}

function readTo(issues: Issues, record: UnknownRecord, path: string): To | undefined {
  const group = readRequiredGroup(issues, record['group'], child(path, 'group'));
  const kind = readRequiredString(issues, record['kind'], child(path, 'kind'));
  const name = readOptionalString(issues, record['name'], child(path, 'name'));
  if (group === undefined || kind === undefined) return undefined;
  return { group, kind, ...(name !== undefined && { name }) };
}
