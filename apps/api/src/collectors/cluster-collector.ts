import { ApisApi, CustomObjectsApi, Informer, KubernetesObject, KubeConfig, ListWatch, ObjectCache, type V1APIGroup } from '@kubernetes/client-node';
import type { RawObject } from '@palisade/cluster-model';
import { classifyKubeError, KubeFailure } from '../kubernetes/kube-errors';
import { ResilientWatch } from '../kubernetes/resilient-watch';
import { RESOURCE_DISCOVERY_GROUPS, resourcesServedBy, WatchedResource } from '../kubernetes/watched-resources';
import type { ClusterState } from './cluster-status';

export interface CollectorLogger {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
}

export interface CollectorOptions {
  readonly name: string;
  readonly kubeConfig: KubeConfig;
  readonly logger: CollectorLogger;
  /** Called after every add, update or delete, and when the state changes. */
  readonly onChange: () => void;
  readonly onStateChange: (state: ClusterState) => void;
  /** Backoff bounds for restarting a stopped informer. */
  readonly minBackoffMs?: number;
  readonly maxBackoffMs?: number;
}

interface ResourceWatch {
  readonly resource: WatchedResource;
  readonly informer: Informer<KubernetesObject> & ObjectCache<KubernetesObject>;
  state: 'connecting' | 'ok' | 'failed';
  /** The first list has completed: the informer's cache holds the resource. */
  listed: boolean;
  failure?: KubeFailure;
  backoffMs: number;
  retry?: NodeJS.Timeout;
}

const FAILURE_ORDER: Record<KubeFailure['kind'], number> = { unauthorized: 0, forbidden: 1, unavailable: 2, 'not-found': 3 };

/**
 * Watches one cluster: an informer per resource, restarted with backoff whenever it stops
 * (client-node informers give up after any error but a 410). One failing cluster never
 * touches another: each collector owns its KubeConfig, informers and timers.
 */
export class ClusterCollector {
  private watches: ResourceWatch[] = [];
  private stopped = false;
  private state: ClusterState = { status: 'connecting' };
  private discoveryRetry?: NodeJS.Timeout;
  private changes = 0;
  private served: ReadonlySet<string> = new Set();

  constructor(private readonly options: CollectorOptions) {}

  get name(): string {
    return this.options.name;
  }

  currentState(): ClusterState {
    return this.state;
  }

  /** Grows with every add, update and delete seen: equal values mean nothing changed. */
  generation(): number {
    return this.changes;
  }

  /** Listed and currently connected (or degraded only in optional resources). */
  isHealthy(): boolean {
    return this.isSynced() && (this.state.status === 'ok' || this.state.status === 'degraded');
  }

  async start(): Promise<void> {
    this.stopped = false;
    const resources = await this.discoverResources();
    if (this.stopped || resources === undefined) return;
    this.watches = resources.map((resource) => this.watch(resource));
    await Promise.all(this.watches.map((w) => this.startWatch(w)));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.discoveryRetry);
    for (const w of this.watches) {
      clearTimeout(w.retry);
      await w.informer.stop();
    }
    this.watches = [];
  }

  /** Every object currently known, as the API returns them, with kind and apiVersion set. */
  objects(): RawObject[] {
    return this.watches.flatMap((w) =>
      w.informer.list().map((obj) => ({
        obj: { ...obj, kind: w.resource.kind, apiVersion: w.resource.apiVersion, metadata: normalizedMetadata(obj.metadata) },
      })),
    );
  }

  /**
   * Whether every resource has been listed at least once (optional ones that fail, such as
   * nodes hidden by RBAC, are left out), so an evaluation sees the whole cluster and not a
   * half-listed one that would report everything as newly exposed.
   */
  isSynced(): boolean {
    return this.watches.length > 0 && this.watches.every((w) => w.listed || (!w.resource.required && isPermanent(w.failure)));
  }

  /** The API groups and versions the cluster serves (`cilium.io/v2`, ...), as last discovered. */
  servedApis(): ReadonlySet<string> {
    return this.served;
  }

  /** The optional kinds (admin policies, Cilium, Calico) exist only where their APIs are served: ask. */
  private async discoverResources(): Promise<WatchedResource[] | undefined> {
    try {
      const groups = await this.options.kubeConfig.makeApiClient(ApisApi).getAPIVersions();
      this.served = new Set(groups.groups.flatMap((g) => g.versions.map((v) => v.groupVersion)));
      return resourcesServedBy(this.served, await this.servedResources(groups.groups));
    } catch (error) {
      const failure = classifyKubeError(error, 'API discovery');
      this.setState(stateOf(failure));
      this.options.logger.warn('cluster discovery failed; retrying', { cluster: this.name, reason: failure.reason });
      this.discoveryRetry = setTimeout(() => void this.start(), this.options.maxBackoffMs ?? 30_000);
      this.discoveryRetry.unref?.();
      return undefined;
    }
  }

  /** `group/version/plural` of every resource of the groups whose kinds differ by version. */
  private async servedResources(groups: readonly V1APIGroup[]): Promise<Set<string>> {
    const api = this.options.kubeConfig.makeApiClient(CustomObjectsApi);
    const resources = new Set<string>();
    for (const group of groups.filter((g) => RESOURCE_DISCOVERY_GROUPS.includes(g.name))) {
      for (const { version } of group.versions) {
        const list = await api.getAPIResources({ group: group.name, version });
        for (const r of list.resources) if (!r.name.includes('/')) resources.add(`${group.name}/${version}/${r.name}`);
      }
    }
    return resources;
  }

  private watch(resource: WatchedResource): ResourceWatch {
    const list = resource.lister(this.options.kubeConfig);
    // 'connect' fires before the informer lists, so "ok" is decided here, once a list succeeded.
    const listed = async () => {
      const result = await list();
      const wasSynced = this.isSynced();
      w.listed = true;
      this.healthy(w);
      // The last first-list completes the picture: evaluate even if no event follows. (The
      // informer adds the listed items right after this returns; the evaluation is debounced.)
      if (!wasSynced && this.isSynced()) this.options.onChange();
      return result;
    };
    const watch = new ResilientWatch(this.options.kubeConfig, () => this.healthy(w));
    const informer = new ListWatch<KubernetesObject>(resource.path, watch, listed, false, resource.labelSelector);
    const w: ResourceWatch = { resource, informer, state: 'connecting', listed: false, backoffMs: this.options.minBackoffMs ?? 1000 };
    const changed = () => {
      this.changes++;
      this.options.onChange();
    };
    informer.on('add', changed);
    informer.on('update', changed);
    informer.on('delete', changed);
    informer.on('error', (error: unknown) => {
      w.state = 'failed';
      w.failure = classifyKubeError(error, `${resource.kind} watch`);
      this.refreshState();
      this.scheduleRestart(w);
    });
    return w;
  }

  private healthy(w: ResourceWatch): void {
    w.state = 'ok';
    w.failure = undefined;
    w.backoffMs = this.options.minBackoffMs ?? 1000;
    this.refreshState();
  }

  private async startWatch(w: ResourceWatch): Promise<void> {
    try {
      await w.informer.start();
    } catch (error) {
      // A failed list rejects start() and also emits 'error', which schedules the restart.
      if (w.state !== 'failed') {
        w.state = 'failed';
        w.failure = classifyKubeError(error, `${w.resource.kind} list`);
        this.refreshState();
        this.scheduleRestart(w);
      }
    }
  }

  private scheduleRestart(w: ResourceWatch): void {
    if (this.stopped || w.retry) return;
    const delay = w.backoffMs;
    w.backoffMs = Math.min(w.backoffMs * 2, this.options.maxBackoffMs ?? 30_000);
    this.options.logger.warn('watch stopped; restarting', {
      cluster: this.name,
      resource: w.resource.kind,
      reason: w.failure?.reason,
      retryInMs: delay,
    });
    w.retry = setTimeout(() => {
      w.retry = undefined;
      if (!this.stopped) void this.startWatch(w);
    }, delay);
    w.retry.unref?.();
  }

  private refreshState(): void {
    const failed = this.watches.filter((w) => w.state === 'failed' && w.failure);
    const requiredFailure = failed
      .filter((w) => w.resource.required)
      .map((w) => w.failure as KubeFailure)
      .sort((a, b) => FAILURE_ORDER[a.kind] - FAILURE_ORDER[b.kind])[0];
    if (requiredFailure) {
      this.setState(stateOf(requiredFailure));
    } else if (this.watches.some((w) => w.resource.required && w.state === 'connecting')) {
      this.setState({ status: 'connecting' });
    } else if (failed.length > 0) {
      this.setState({ status: 'degraded', reason: failed.map((w) => w.failure?.reason).join('; ') });
    } else {
      this.setState({ status: 'ok' });
    }
  }

  private setState(state: ClusterState): void {
    if (state.status === this.state.status && state.reason === this.state.reason) return;
    this.state = state;
    this.options.logger.info('cluster state changed', { cluster: this.name, status: state.status, reason: state.reason });
    this.options.onStateChange(state);
  }
}

/** A failure that retrying will not fix soon (RBAC, a missing API): the rest can be audited. */
function isPermanent(failure: KubeFailure | undefined): boolean {
  return failure?.kind === 'forbidden' || failure?.kind === 'not-found';
}

/**
 * Listed objects come back through client-node's serializer (timestamps as
 * 2024-01-01T00:00:00.000Z), watched ones raw (2024-01-01T00:00:00Z): one form, so a re-list
 * does not look like a change.
 */
function normalizedMetadata(metadata: KubernetesObject['metadata']): KubernetesObject['metadata'] {
  const created = metadata?.creationTimestamp as unknown;
  if (!metadata || created === undefined) return metadata;
  const date = created instanceof Date ? created : new Date(String(created));
  return Number.isNaN(date.getTime()) ? metadata : { ...metadata, creationTimestamp: date.toISOString() as unknown as Date };
}

function stateOf(failure: KubeFailure): ClusterState {
  switch (failure.kind) {
    case 'unauthorized':
      return { status: 'unauthorized', reason: failure.reason };
    case 'forbidden':
      return { status: 'forbidden', reason: failure.reason };
    case 'not-found':
    case 'unavailable':
      return { status: 'unreachable', reason: failure.reason };
  }
}
