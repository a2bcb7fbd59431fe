import type { InputProblem, Labels, SourceRef } from './types';
import { Issues } from './issues';
import { displayKindOf, manifestKindOf, type ReadKind } from './kinds';
import {
  child,
  item,
  readBoolean,
  readList,
  readOptionalString,
  readRecord,
  readString,
  readStringMap,
} from './field-readers';
import { isAbsent, isRecord, type UnknownRecord } from './unknown-values';

export interface OwnerReference {
  readonly kind: string;
  readonly name: string;
  readonly controller: boolean;
}

/** What every reader needs to know about an object before looking at its spec. */
export interface ObjectHeader {
  readonly kind: ReadKind;
  /** The kind as the manifest wrote it (Calico and Kubernetes both have a NetworkPolicy). */
  readonly manifestKind: string;
  readonly name: string;
  /** Set for namespaced kinds (defaulted when the manifest leaves it out). */
  readonly namespace?: string;
  readonly labels: Labels;
  readonly ownerReferences: readonly OwnerReference[];
  readonly obj: UnknownRecord;
  readonly source?: SourceRef;
  readonly issues: Issues;
}

export function objectRef(kind: string, name: string, namespace?: string): string {
  return namespace === undefined ? `${kind}/${name}` : `${kind}/${namespace}/${name}`;
}

export interface HeaderInput {
  readonly kind: ReadKind;
  readonly namespaced: boolean;
  readonly obj: UnknownRecord;
  readonly source?: SourceRef;
  readonly defaultNamespace: string;
  readonly problems: InputProblem[];
}

/**
 * Reads metadata. Returns undefined (with problems reported) when the object cannot be named,
 * since nothing else about it could be reported or referenced.
 */
export function readHeader(input: HeaderInput): ObjectHeader | undefined {
  const { kind, obj, source, problems } = input;
  const file = source?.file;
  const display = displayKindOf(kind);
  const metaProbe = new Issues(problems, { file, object: display });
  const metadata = readRecord(metaProbe, obj['metadata'], 'metadata') ?? {};
  const namespace = input.namespaced
    ? readNamespace(metaProbe, metadata['namespace'], input.defaultNamespace)
    : undefined;
  const rawName = readString(metaProbe, metadata['name'], 'metadata.name');
  if (rawName === undefined || rawName === '') {
    if (metaProbe.clean) {
      const where =
        source?.document === undefined ? '' : ` (document ${source.document}${itemSuffix(source)})`;
      metaProbe.report('metadata.name', `is required${where}`);
    }
    return undefined;
  }
  if (!metaProbe.clean) return undefined;

  const issues = new Issues(problems, { file, object: objectRef(display, rawName, namespace) });
  const labels = readStringMap(issues, metadata['labels'], 'metadata.labels') ?? {};
  const ownerReferences = readOwnerReferences(
    issues,
    metadata['ownerReferences'],
    'metadata.ownerReferences',
  );
  return {
    kind,
    manifestKind: manifestKindOf(kind),
    name: rawName,
    ...(namespace !== undefined && { namespace }),
    labels,
    ownerReferences,
    obj,
    ...(source !== undefined && { source }),
    issues,
  };
}

function itemSuffix(source: SourceRef): string {
  return source.item === undefined ? '' : `, item ${source.item}`;
}

function readNamespace(issues: Issues, value: unknown, fallback: string): string {
  const namespace = readString(issues, value, 'metadata.namespace');
  return namespace === undefined || namespace === '' ? fallback : namespace;
}

function readOwnerReferences(issues: Issues, value: unknown, path: string): OwnerReference[] {
  const list = readList(issues, value, path) ?? [];
  const refs: OwnerReference[] = [];
  list.forEach((entry, index) => {
    const entryPath = item(path, index);
    const record = readRecord(issues, entry, entryPath);
    if (record === undefined) return;
    const kind = readString(issues, record['kind'], child(entryPath, 'kind'));
    const name = readString(issues, record['name'], child(entryPath, 'name'));
    const controller =
      readBoolean(issues, record['controller'], child(entryPath, 'controller')) ?? false;
    if (kind === undefined || name === undefined) {
      if (isAbsent(record['kind'])) issues.report(child(entryPath, 'kind'), 'is required');
      if (isAbsent(record['name'])) issues.report(child(entryPath, 'name'), 'is required');
      return;
    }
    refs.push({ kind, name, controller });
  });
  return refs;
}

function metadataOf(header: ObjectHeader): UnknownRecord {
  const metadata = header.obj['metadata'];
  return isRecord(metadata) ? metadata : {};
}

/**
 * metadata.annotations, for the readers that use some. Values must be strings, as for labels:
 * the API server refuses anything else.
 */
export function readAnnotations(header: ObjectHeader): Readonly<Record<string, string>> {
  const value = metadataOf(header)['annotations'];
  return readStringMap(header.issues, value, 'metadata.annotations') ?? {};
}

/** One annotation, or undefined when it is not set (own keys only: `constructor` is none). */
export function annotationOf(
  annotations: Readonly<Record<string, string>>,
  key: string,
): string | undefined {
  return Object.hasOwn(annotations, key) ? annotations[key] : undefined;
}

/** metadata.creationTimestamp as the API server writes it (RFC 3339), when the object has one. */
export function readCreationTimestamp(header: ObjectHeader): string | undefined {
  const value = metadataOf(header)['creationTimestamp'];
  return readOptionalString(header.issues, value, 'metadata.creationTimestamp');
}

/**
 * The owner that manages an object: the `controller: true` reference among the kinds asked for,
 * else the first reference of those kinds (hand-written manifests often omit `controller`).
 */
export function managingOwner(
  refs: readonly OwnerReference[],
  kinds: ReadonlySet<string>,
): OwnerReference | undefined {
  const candidates = refs.filter((ref) => kinds.has(ref.kind));
  return candidates.find((ref) => ref.controller) ?? candidates[0];
}

/** Metadata fields worth keeping in `raw`; the rest (managedFields, uid, ...) is noise for history. */
const KEPT_METADATA = ['name', 'namespace', 'labels', 'annotations', 'creationTimestamp'] as const;
/** kubectl's copy of the whole object: it would duplicate the spec and change on every apply. */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** The object as read, trimmed to apiVersion, kind, identifying metadata and spec. */
export function rawOf(header: ObjectHeader): unknown {
  const metadata = metadataOf(header);
  const kept: Record<string, unknown> = {};
  for (const key of KEPT_METADATA) {
    if (metadata[key] !== undefined) kept[key] = metadata[key];
  }
  kept['name'] = header.name;
  // The API server drops the namespace of a cluster-scoped object and fills in a namespaced one's.
  if (header.namespace !== undefined) kept['namespace'] = header.namespace;
  else delete kept['namespace'];
  const annotations = metadata['annotations'];
  if (isRecord(annotations) && LAST_APPLIED in annotations) {
    const rest = Object.fromEntries(
      Object.entries(annotations).filter(([key]) => key !== LAST_APPLIED),
    );
    if (Object.keys(rest).length > 0) kept['annotations'] = rest;
    else delete kept['annotations'];
  }
  return {
    ...(header.obj['apiVersion'] !== undefined && { apiVersion: header.obj['apiVersion'] }),
    kind: header.manifestKind,
    metadata: kept,
    ...(header.obj['spec'] !== undefined && { spec: header.obj['spec'] }),
  };
}
