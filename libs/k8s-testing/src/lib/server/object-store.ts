import { randomUUID } from 'node:crypto';
import { KubeApiError, statuses } from './api-status';
import { applyDefaults, omitEmpty, omitEmptyMetadataMaps, type Allocators } from './defaulting';
import { cloneJson, isRecord, kubeTimestamp, objectKey, type KubeObject } from './kube-object';
import { apiVersionOf, resourceTypeForKind, type ResourceType } from './resource-types';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One write, as the watch cache remembers it. */
export interface StoreEvent {
  readonly resourceVersion: number;
  readonly type: WatchEventType;
  readonly resource: ResourceType;
  /** The new state; for DELETED the last state, stamped with the deletion's resourceVersion. */
  readonly object: KubeObject;
  /** The state before a MODIFIED event (selectors decide on both: an object can leave a watch). */
  readonly previous?: KubeObject;
}

export interface ObjectStoreOptions {
  /** Events kept for watches that resume from a resourceVersion; older ones answer 410. */
  readonly historyLimit: number;
}

const SERVER_METADATA = [
  'uid',
  'resourceVersion',
  'creationTimestamp',
  'generation',
  'deletionTimestamp',
  'managedFields',
  'selfLink',
];
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/**
 * The cluster state: objects by resource, one resourceVersion counter for every write (as etcd's
 * revision), and the recent history of writes that watches replay. Stored objects are never
 * mutated, so list snapshots can hold them without copying.
 */
export class ObjectStore {
  private revision = 0;
  private readonly objects = new Map<ResourceType, Map<string, KubeObject>>();
  private history: StoreEvent[] = [];
  /** A watch may resume from this resourceVersion or any later one. */
  private oldestResumable = 0;
  private readonly listeners = new Set<(event: StoreEvent) => void>();
  private clusterIpCounter = 10;
  private nodePortCounter = 30000;
  private readonly allocators: Allocators = {
    nextClusterIp: () => {
      this.clusterIpCounter += 1;
      const n = this.clusterIpCounter;
      return `10.96.${Math.floor(n / 256) % 256}.${n % 256}`;
    },
    nextNodePort: () => {
      this.nodePortCounter += 1;
      return this.nodePortCounter;
    },
  };

  constructor(private readonly options: ObjectStoreOptions) {}

  get resourceVersion(): number {
    return this.revision;
  }

  /** The oldest resourceVersion a watch can still start from. */
  get oldestResourceVersion(): number {
    return this.oldestResumable;
  }

  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get(type: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.bucket(type).get(objectKey(type.namespaced ? namespace : undefined, name));
  }

  /** Sorted by namespace then name, the order etcd keys give the real server. */
  list(type: ResourceType, namespace?: string): KubeObject[] {
    const all = [...this.bucket(type).values()];
    const selected =
      namespace === undefined ? all : all.filter((obj) => obj.metadata.namespace === namespace);
    return selected.sort((a, b) =>
      compareKeys(
        objectKey(a.metadata.namespace, a.metadata.name ?? ''),
        objectKey(b.metadata.namespace, b.metadata.name ?? ''),
      ),
    );
  }

  create(type: ResourceType, input: KubeObject): KubeObject {
    const obj = this.prepare(type, input);
    const name = obj.metadata.name ?? '';
    const key = objectKey(obj.metadata.namespace, name);
    if (this.bucket(type).has(key)) throw new KubeApiError(statuses.alreadyExists(type, name));
    this.requireNamespace(type, obj.metadata.namespace);
    const stored = this.stamp(obj, {
      uid: randomUUID(),
      creationTimestamp: kubeTimestamp(),
      ...(type.tracksGeneration && { generation: 1 }),
    });
    this.bucket(type).set(key, stored);
    this.record({ type: 'ADDED', resource: type, object: stored });
    return stored;
  }

  /**
   * Replaces an object. A resourceVersion in the input is a precondition (409 Conflict when it is
   * stale); an update that changes nothing writes nothing, like the real server.
   */
  update(type: ResourceType, input: KubeObject): KubeObject {
    const requested = input.metadata?.resourceVersion;
    const name = input.metadata?.name ?? '';
    const existing = this.get(type, input.metadata?.namespace || 'default', name);
    if (existing === undefined) throw new KubeApiError(statuses.notFound(type, name));
    const obj = this.prepare(
      type,
      type.kind === 'Service' ? keepAllocations(input, existing) : input,
    );
    const key = objectKey(obj.metadata.namespace, name);
    if (
      requested !== undefined &&
      requested !== '' &&
      requested !== existing.metadata.resourceVersion
    ) {
      throw new KubeApiError(statuses.conflict(type, name));
    }
    const carried = {
      uid: existing.metadata.uid,
      creationTimestamp: existing.metadata.creationTimestamp,
    };
    const generation = existing.metadata.generation;
    const candidate: KubeObject = {
      ...obj,
      metadata: { ...obj.metadata, ...carried, ...(generation !== undefined && { generation }) },
    };
    if (sameContent(candidate, existing)) return existing;
    const bumped =
      generation !== undefined && !sameSpec(candidate, existing)
        ? { generation: generation + 1 }
        : {};
    const stored = this.stamp(obj, {
      ...carried,
      ...(generation !== undefined && { generation }),
      ...bumped,
    });
    this.bucket(type).set(key, stored);
    this.record({ type: 'MODIFIED', resource: type, object: stored, previous: existing });
    return stored;
  }

  delete(type: ResourceType, namespace: string | undefined, name: string): KubeObject {
    const key = objectKey(type.namespaced ? namespace : undefined, name);
    const existing = this.bucket(type).get(key);
    if (existing === undefined) throw new KubeApiError(statuses.notFound(type, name));
    if (type.kind === 'Namespace') {
      // The namespace controller empties a namespace before the namespace itself goes.
      for (const [other] of this.objects) {
        if (!other.namespaced) continue;
        for (const obj of this.list(other, name)) this.delete(other, name, obj.metadata.name ?? '');
      }
    }
    this.bucket(type).delete(key);
    this.revision += 1;
    const last: KubeObject = {
      ...existing,
      metadata: { ...existing.metadata, resourceVersion: String(this.revision) },
    };
    this.record({ type: 'DELETED', resource: type, object: last }, this.revision);
    return last;
  }

  /** Every stored object of a resource goes (a CRD being uninstalled). */
  deleteAll(type: ResourceType): void {
    for (const obj of this.list(type))
      this.delete(type, obj.metadata.namespace, obj.metadata.name ?? '');
  }

  /** Events after `resourceVersion`, or undefined when history no longer reaches back that far. */
  eventsAfter(resourceVersion: number): readonly StoreEvent[] | undefined {
    if (resourceVersion < this.oldestResumable) return undefined;
    let low = 0;
    let high = this.history.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.history[mid]?.resourceVersion ?? 0) <= resourceVersion) low = mid + 1;
      else high = mid;
    }
    return this.history.slice(low);
  }

  /** Forgets all history, as an etcd compaction does: only the current resourceVersion is resumable. */
  compact(): void {
    this.history = [];
    this.oldestResumable = this.revision;
  }

  private bucket(type: ResourceType): Map<string, KubeObject> {
    let bucket = this.objects.get(type);
    if (bucket === undefined) {
      bucket = new Map();
      this.objects.set(type, bucket);
    }
    return bucket;
  }

  private requireNamespace(type: ResourceType, namespace: string | undefined): void {
    if (!type.namespaced) return;
    const namespaces = resourceTypeForKind('Namespace');
    if (
      namespaces !== undefined &&
      this.get(namespaces, undefined, namespace ?? '') === undefined
    ) {
      throw new KubeApiError(statuses.notFound(namespaces, namespace ?? ''));
    }
  }

  /** Copies, names, checks and defaults an incoming object; server-owned metadata is dropped. */
  private prepare(type: ResourceType, input: KubeObject): KubeObject {
    if (!isRecord(input) || !isRecord(input.metadata)) {
      throw new KubeApiError(statuses.invalid(type.kind, '', 'metadata', 'Required value'));
    }
    const copy = cloneJson(input);
    const metadata = { ...copy.metadata };
    for (const field of SERVER_METADATA) delete metadata[field];
    if ((metadata.name === undefined || metadata.name === '') && metadata.generateName) {
      metadata.name = metadata.generateName + randomSuffix();
    }
    const name = metadata.name ?? '';
    if (name === '') {
      throw new KubeApiError(
        statuses.invalid(
          type.kind,
          '',
          'metadata.name',
          'Required value: name or generateName is required',
        ),
      );
    }
    const pattern = type.kind === 'Namespace' ? DNS_LABEL : DNS_SUBDOMAIN;
    if (!pattern.test(name) || name.length > (type.kind === 'Namespace' ? 63 : 253)) {
      throw new KubeApiError(
        statuses.invalid(
          type.kind,
          name,
          'metadata.name',
          `Invalid value: "${name}": a lowercase RFC 1123 name is required`,
        ),
      );
    }
    if (type.kind === 'BaselineAdminNetworkPolicy' && name !== 'default') {
      throw new KubeApiError(
        statuses.invalid(
          type.kind,
          name,
          'metadata.name',
          'Invalid value: "string": Only one baseline admin network policy with metadata.name="default" can be created in the cluster',
        ),
      );
    }
    if (type.namespaced) {
      metadata.namespace =
        metadata.namespace === undefined || metadata.namespace === ''
          ? 'default'
          : metadata.namespace;
    } else {
      delete metadata.namespace;
    }
    const obj: KubeObject = { ...copy, apiVersion: apiVersionOf(type), kind: type.kind, metadata };
    applyDefaults(type, obj, this.allocators);
    omitEmptyMetadataMaps(obj);
    return type.crd === undefined ? (omitEmpty(obj) as KubeObject) : obj;
  }

  /** Assigns the next resourceVersion; fields follow the order `kubectl get -o yaml` shows. */
  private stamp(obj: KubeObject, server: Partial<KubeObject['metadata']>): KubeObject {
    this.revision += 1;
    const { apiVersion, kind, metadata, ...rest } = obj;
    return {
      apiVersion,
      kind,
      metadata: { ...metadata, ...server, resourceVersion: String(this.revision) },
      ...rest,
    };
  }

  private record(
    event: Omit<StoreEvent, 'resourceVersion'>,
    resourceVersion = this.revision,
  ): void {
    const full: StoreEvent = { ...event, resourceVersion };
    this.history.push(full);
    const excess = this.history.length - this.options.historyLimit;
    if (excess > 0) {
      const dropped = this.history.splice(0, excess);
      this.oldestResumable = dropped[dropped.length - 1]?.resourceVersion ?? this.oldestResumable;
    }
    for (const listener of [...this.listeners]) listener(full);
  }
}

/**
 * An update that leaves out a Service's cluster IPs or node ports keeps the allocated ones, as the
 * real registry does: they are immutable once assigned. A Service turned back into a ClusterIP
 * one releases its node ports (only NodePort and LoadBalancer Services have them).
 */
function keepAllocations(input: KubeObject, existing: KubeObject): KubeObject {
  const spec = isRecord(input['spec']) ? { ...input['spec'] } : {};
  const old = isRecord(existing['spec']) ? existing['spec'] : {};
  for (const field of ['clusterIP', 'clusterIPs', 'ipFamilies', 'ipFamilyPolicy']) {
    if ((spec[field] === undefined || spec[field] === '') && old[field] !== undefined)
      spec[field] = old[field];
  }
  const type = spec['type'] ?? 'ClusterIP';
  if (Array.isArray(spec['ports']) && Array.isArray(old['ports']) && (type === 'NodePort' || type === 'LoadBalancer')) {
    const oldPorts = old['ports'].filter(isRecord);
    spec['ports'] = spec['ports'].map((port: unknown) => {
      if (!isRecord(port) || port['nodePort'] !== undefined) return port;
      const match = oldPorts.find(
        (o) =>
          o['port'] === port['port'] && (o['protocol'] ?? 'TCP') === (port['protocol'] ?? 'TCP'),
      );
      return match?.['nodePort'] === undefined ? port : { ...port, nodePort: match['nodePort'] };
    });
  }
  return { ...input, spec };
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function randomSuffix(): string {
  let suffix = '';
  for (let i = 0; i < 5; i += 1) {
    suffix += NAME_SUFFIX_ALPHABET.charAt(Math.floor(Math.random() * NAME_SUFFIX_ALPHABET.length));
  }
  return suffix;
}

function withoutVersion(obj: KubeObject): KubeObject {
  const metadata = { ...obj.metadata };
  delete metadata.resourceVersion;
  return { ...obj, metadata };
}

function sameContent(a: KubeObject, b: KubeObject): boolean {
  return canonicalJson(withoutVersion(a)) === canonicalJson(withoutVersion(b));
}

/** Generation follows everything but metadata and status (the spec, or a CRD's top-level fields). */
function sameSpec(a: KubeObject, b: KubeObject): boolean {
  const strip = (obj: KubeObject): unknown => {
    const rest: Record<string, unknown> = { ...obj };
    delete rest['metadata'];
    delete rest['status'];
    return rest;
  };
  return canonicalJson(strip(a)) === canonicalJson(strip(b));
}

/** JSON with object keys sorted, so field order never counts as a change. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    isRecord(field)
      ? Object.fromEntries(
          Object.keys(field)
            .sort()
            .map((k) => [k, field[k]]),
        )
      : field,
  );
}
