import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ReplaySubject, Subject } from 'rxjs';
import type { Cluster } from '@palisade/prisma-client';
import { ApiError } from '../common/api-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ClusterOwnership } from '../cluster-ownership/cluster-ownership.service';
import { ClustersRepository } from '../clusters/clusters.repository';
import type { ClusterSource } from '../kubernetes/cluster-source';
import { discoverClusterSources } from '../kubernetes/cluster-sources';
import { buildKubeConfig } from '../kubernetes/kube-config.factory';
import { checkStoredKubeconfig } from '../kubernetes/stored-kubeconfig';
import { SECRET_BOX } from '../secrets/secret-key.provider';
import { SecretBox } from '../secrets/secret-box';
import { LiveGateway } from '../live/live.gateway';
import { ClusterCollector } from './cluster-collector';
import type { ClusterState } from './cluster-status';
import { DemoCluster, DEMO_CLUSTER } from './demo-cluster.provider';

export interface ClusterRuntime {
  readonly id: string;
  readonly name: string;
  readonly source: ClusterSource;
  readonly collector: ClusterCollector;
  readonly snapshotIntervalMs: number;
}

/** A cluster's collector changed: its status, or this replica took or released it. */
export interface CollectorEvent {
  readonly clusterId: string;
  readonly kind: 'state' | 'acquired' | 'released';
}

/**
 * Knows every configured cluster (so every replica answers for all of them) and runs the
 * collector of those this replica owns (ClusterOwnership): one replica collects a cluster at a
 * time, and another takes over when it dies.
 */
@Injectable()
export class CollectorsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CollectorsService.name);
  private readonly runtimes = new Map<string, ClusterRuntime>();
  private readonly statusWrites = new Map<string, Promise<void>>();
  /** A cluster's objects changed (debounced downstream). */
  readonly changes$ = new Subject<string>();
  /** Every cluster watched, as it is added (replayed to late subscribers). */
  readonly added$ = new ReplaySubject<ClusterRuntime>();
  /** Status changes, and clusters this replica took or released. */
  readonly events$ = new Subject<CollectorEvent>();
  /** A cluster no longer watched (an admin removed it), by id. */
  readonly removed$ = new Subject<string>();
  private storedSync?: NodeJS.Timeout;
  /** Stored clusters change one at a time: adding, re-keying, removing and the periodic sync. */
  private storedChanges: Promise<unknown> = Promise.resolve();
  private syncQueued = false;
  /** Stored clusters whose kubeconfig the checks refuse, reported once. */
  private readonly refusedStored = new Set<string>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clusters: ClustersRepository,
    private readonly live: LiveGateway,
    @Inject(DEMO_CLUSTER) private readonly demo: DemoCluster,
    private readonly ownership: ClusterOwnership,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const discovered = discoverClusterSources(this.config.kubernetes);
    for (const note of discovered.notes) this.logger.log(note);
    const sources = [...discovered.sources];
    if (discovered.wantsDemo) sources.push(...(await this.demo.start()));
    this.live.setClusterDirectory(() => [...this.runtimes.keys()]);
    for (const source of sources) await this.add(source);
    await this.syncStored();
    // Clusters added or removed through another replica.
    this.storedSync = setInterval(() => void this.syncStored(), this.config.replicas.lockRetryMs);
    this.storedSync.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.storedSync);
    await this.storedChanges;
    // Stops the owned collectors, then releases their locks so another replica takes over now.
    await this.ownership.stop();
    await Promise.all([...this.runtimes.values()].map((r) => r.collector.stop()));
    this.runtimes.clear();
    await this.demo.stop();
  }

  list(): ClusterRuntime[] {
    return [...this.runtimes.values()];
  }

  get(clusterId: string): ClusterRuntime | undefined {
    return this.runtimes.get(clusterId);
  }

  /** Whether this replica collects the cluster now (snapshots and live evaluation run only here). */
  owns(clusterId: string): boolean {
    return this.ownership.owns(clusterId);
  }

  get replicaId(): string {
    return this.ownership.replicaId;
  }

  /** Adds a cluster from a kubeconfig an admin gave (checked, cut down, sealed) and starts watching it. */
  addStored(name: string, kubeconfigYaml: string, context: string | undefined, createdBy: string): Promise<Cluster> {
    return this.exclusive(() => this.addStoredNow(name, kubeconfigYaml, context, createdBy));
  }

  private async addStoredNow(name: string, kubeconfigYaml: string, context: string | undefined, createdBy: string): Promise<Cluster> {
    const checked = this.checked(kubeconfigYaml, context);
    const row = await this.clusters.createStored({
      name,
      sealedKubeconfig: this.box.seal(checked.kubeconfigYaml),
      context: checked.context,
      createdBy,
      snapshotIntervalSeconds: Math.round(this.config.snapshots.intervalMs / 1000),
    });
    if (!row) throw new ApiError('cluster-name-taken', `a cluster named ${name} exists already`);
    await this.add({ kind: 'stored', name, kubeconfigYaml: checked.kubeconfigYaml, context: checked.context }, row);
    return row;
  }

  /** New credentials for a stored cluster: its collector restarts with them. */
  replaceStored(id: string, kubeconfigYaml: string, context: string | undefined): Promise<Cluster> {
    return this.exclusive(() => this.replaceStoredNow(id, kubeconfigYaml, context));
  }

  private async replaceStoredNow(id: string, kubeconfigYaml: string, context: string | undefined): Promise<Cluster> {
    const existing = await this.requireStored(id);
    const checked = this.checked(kubeconfigYaml, context);
    this.refusedStored.delete(id);
    const row = await this.clusters.replaceKubeconfig(id, this.box.seal(checked.kubeconfigYaml), checked.context);
    await this.stopWatching(id);
    await this.add({ kind: 'stored', name: existing.name, kubeconfigYaml: checked.kubeconfigYaml, context: checked.context }, row);
    return row;
  }

  /** Stops watching a stored cluster and deletes it with its history. */
  removeStored(id: string): Promise<void> {
    return this.exclusive(async () => {
      await this.requireStored(id);
      await this.stopWatching(id);
      await this.clusters.remove(id);
    });
  }

  /** Runs after every stored-cluster change queued before it (a sync must not re-add what a removal took away). */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.storedChanges.then(work, work);
    this.storedChanges = run.catch(() => undefined);
    return run;
  }

  private async requireStored(id: string): Promise<Cluster> {
    const row = await this.clusters.find(id);
    if (!row) throw new ApiError('cluster-not-found', `no cluster with id ${id}`);
    if (row.source !== 'stored') {
      throw new ApiError('cluster-not-stored', `the cluster ${row.name} comes from the ${row.source === 'demo' ? 'demo' : 'kubeconfig or in-cluster configuration'} of the server; change it there`);
    }
    return row;
  }

  private checked(kubeconfigYaml: string, context: string | undefined): { kubeconfigYaml: string; context: string } {
    const checked = checkStoredKubeconfig(kubeconfigYaml, context);
    if (!checked.ok) {
      throw new ApiError('invalid-request', checked.problems.join('; '), { fields: checked.problems.map((p) => ({ field: p.split(':')[0] ?? 'kubeconfig', message: p.slice(p.indexOf(':') + 1).trim() })) });
    }
    return checked;
  }

  private async stopWatching(id: string): Promise<void> {
    const runtime = this.runtimes.get(id);
    if (!runtime) return;
    await this.ownership.unfollow(id);
    await runtime.collector.stop();
    this.runtimes.delete(id);
    this.removed$.next(id);
  }

  /**
   * Watches the stored clusters of the database, and stops those that are gone from it (added
   * or removed through another replica). One sync waits in the queue at most.
   */
  private syncStored(): Promise<void> {
    if (this.syncQueued) return Promise.resolve();
    this.syncQueued = true;
    return this.exclusive(async () => {
      this.syncQueued = false;
      try {
        const rows = await this.clusters.stored();
        const ids = new Set(rows.map((r) => r.id));
        for (const runtime of [...this.runtimes.values()]) {
          if (runtime.source.kind === 'stored' && !ids.has(runtime.id)) await this.stopWatching(runtime.id);
        }
        for (const row of rows) {
          if (this.runtimes.has(row.id) || !row.sealedKubeconfig || !row.context) continue;
          let kubeconfigYaml: string;
          try {
            kubeconfigYaml = this.box.open<string>(row.sealedKubeconfig);
          } catch (error) {
            this.logger.error({ msg: 'a stored cluster cannot be watched', cluster: row.name, reason: error instanceof Error ? error.message : String(error) });
            continue;
          }
          try {
            await this.add({ kind: 'stored', name: row.name, kubeconfigYaml, context: row.context }, row);
          } catch (error) {
            // Stored before the checks existed and refused by them now: say so once, and wait for new credentials.
            if (this.refusedStored.has(row.id)) continue;
            this.refusedStored.add(row.id);
            this.logger.error({ msg: 'a stored cluster cannot be watched', cluster: row.name, reason: error instanceof Error ? error.message : String(error) });
            await this.clusters.setStatus(row.id, 'unauthorized', 'the stored kubeconfig is refused (it names files or runs programs): replace it').catch(() => undefined);
          }
        }
      } catch (error) {
        this.logger.warn({ msg: 'could not read the stored clusters; retrying', error: String(error) });
      }
    });
  }

  /** Watches a cluster: a configured one gets its row by name; a stored one comes with its row. */
  private async add(source: ClusterSource, stored?: Cluster): Promise<void> {
    const row = stored ?? (await this.clusters.upsert(source.name, source.kind, Math.round(this.config.snapshots.intervalMs / 1000)));
    const collector = new ClusterCollector({
      name: source.name,
      kubeConfig: buildKubeConfig(source),
      logger: {
        info: (message, context) => this.logger.log({ ...context, msg: message }),
        warn: (message, context) => this.logger.warn({ ...context, msg: message }),
      },
      onChange: () => this.changes$.next(row.id),
      onStateChange: (state) => void this.recordState(row.id, state),
    });
    const runtime: ClusterRuntime = { id: row.id, name: source.name, source, collector, snapshotIntervalMs: row.snapshotIntervalSeconds * 1000 };
    this.runtimes.set(row.id, runtime);
    this.added$.next(runtime);
    await this.ownership.follow(row.id, source.name, {
      acquired: () => {
        void this.recordState(row.id, collector.currentState());
        this.events$.next({ clusterId: row.id, kind: 'acquired' });
        // Connecting can take long or fail: the collector retries on its own, boot goes on.
        void collector.start().catch((error: unknown) => this.logger.error({ msg: 'collector failed to start', cluster: source.name, error }));
      },
      released: async () => {
        await collector.stop();
        this.events$.next({ clusterId: row.id, kind: 'released' });
      },
    });
  }

  private recordState(clusterId: string, state: ClusterState): Promise<void> {
    this.events$.next({ clusterId, kind: 'state' });
    this.live.emit(clusterId, 'cluster:status', { clusterId, status: state.status, ...(state.reason ? { statusReason: state.reason } : {}) });
    // One write at a time per cluster, in order: two on different pooled connections could
    // land the older state last.
    const previous = this.statusWrites.get(clusterId) ?? Promise.resolve();
    const next = previous.then(() => this.writeState(clusterId, state));
    this.statusWrites.set(clusterId, next);
    void next.finally(() => {
      if (this.statusWrites.get(clusterId) === next) this.statusWrites.delete(clusterId);
    });
    return next;
  }

  private async writeState(clusterId: string, state: ClusterState): Promise<void> {
    try {
      await this.clusters.setStatus(clusterId, state.status, state.reason ?? null);
    } catch (error) {
      // The database may be restarting; the next state change or snapshot records it again.
      this.logger.warn({ msg: 'could not record cluster status', clusterId, error: String(error) });
    }
  }
}
