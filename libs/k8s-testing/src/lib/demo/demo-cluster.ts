import { FakeKubeApiServer } from '../server/fake-kube-api-server';
import { cloneJson, isRecord, kubeTimestamp, type KubeObject } from '../server/kube-object';
import { canonicalJson } from '../server/object-store';
import { DEMO_RESET_STEP_ID, DEMO_STORY, type DemoChange, type DemoStep, type DemoStory } from './demo-story';

/** Time between two steps at speed 1. */
export const DEMO_STEP_INTERVAL_MS = 5000;

export interface DemoStepEvent {
  readonly id: string;
  readonly title: string;
  /** Position in the story's steps; -1 for the reset that starts a loop over. */
  readonly index: number;
  /** How many times the story has started over. */
  readonly iteration: number;
  /** The cluster's resourceVersion once the step's writes are done. */
  readonly resourceVersion: string;
}

export interface DemoClusterOptions {
  /** Which cluster to play: DEMO_STORY (the default) or DEMO_CILIUM_STORY. */
  readonly story?: DemoStory;
  /** Pace multiplier: 1 plays a step every 5 s, 50 one every 100 ms. */
  readonly speed?: number;
  /**
   * The server to play on. By default one is started with the story's CRDs installed (and
   * stopped with the demo); on a server without them those objects are skipped.
   */
  readonly server?: FakeKubeApiServer;
  /** After the last step, go back to the initial state and play the story again, until stop(). */
  readonly loop?: boolean;
  /** Called right after each step's writes (and after each reset when looping). */
  readonly onStep?: (event: DemoStepEvent) => void;
  /** A write failed (the story stops there). */
  readonly onError?: (error: unknown) => void;
}

export interface DemoCluster {
  readonly server: FakeKubeApiServer;
  /** Resolves after the last step (or on stop()); with loop, only on stop(). */
  readonly finished: Promise<void>;
  /** Stops the story, and the server when the demo started it. */
  stop(): Promise<void>;
}

/** Kinds in the order their objects can go: what is owned before its owner. */
const DELETION_ORDER = [
  'Pod',
  'ReplicaSet',
  'Job',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'CronJob',
  'Service',
  'Ingress',
  'NetworkPolicy',
  'AdminNetworkPolicy',
  'BaselineAdminNetworkPolicy',
  'ClusterNetworkPolicy',
  'CiliumNetworkPolicy',
  'CiliumClusterwideNetworkPolicy',
];

function keyOf(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}

function objectKeyOf(obj: KubeObject): string {
  return keyOf(obj.kind, obj.metadata.namespace, obj.metadata.name ?? '');
}

/**
 * Plays the demo story against a FakeKubeApiServer: the initial state at once, then one step per
 * interval. Writes are idempotent: an object already as the story last wrote it is left alone, so
 * a reset touches only what the steps changed.
 */
class DemoPlayer {
  private readonly lastApplied = new Map<string, string>();
  private readonly managedKeys: ReadonlySet<string>;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private iteration = 0;
  private resolveFinished: () => void = () => undefined;
  readonly finished = new Promise<void>((resolve) => {
    this.resolveFinished = resolve;
  });

  constructor(
    readonly server: FakeKubeApiServer,
    private readonly story: DemoStory,
    private readonly options: DemoClusterOptions,
    private readonly intervalMs: number,
  ) {
    this.managedKeys = new Set(story.managed.map(objectKeyOf));
  }

  start(): void {
    this.converge(this.story.initial);
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.resolveFinished();
  }

  private schedule(index: number): void {
    this.timer = setTimeout(() => this.tick(index), this.intervalMs);
    this.timer.unref();
  }

  private tick(index: number): void {
    if (this.stopped) return;
    try {
      const step = this.story.steps[index];
      if (step !== undefined) {
        this.play(step);
        this.announce(step.id, step.title, index);
        if (index + 1 < this.story.steps.length || this.options.loop === true) this.schedule(index + 1);
        else this.stop();
        return;
      }
      this.iteration += 1;
      this.converge(this.story.initial);
      this.announce(DEMO_RESET_STEP_ID, 'The story starts over from the initial state', -1);
      this.schedule(0);
    } catch (error) {
      this.stop();
      this.options.onError?.(error);
    }
  }

  private announce(id: string, title: string, index: number): void {
    this.options.onStep?.({
      id,
      title,
      index,
      iteration: this.iteration,
      resourceVersion: this.server.resourceVersion,
    });
  }

  private play(step: DemoStep): void {
    for (const change of step.changes) this.write(change);
  }

  private write(change: DemoChange): void {
    if (change.op === 'apply') {
      this.apply(change.object);
      return;
    }
    const { kind, namespace, name } = change;
    if (!this.server.serves(kind) || this.server.get(kind, namespace, name) === undefined) return;
    this.server.delete(kind, namespace, name);
    this.lastApplied.delete(keyOf(kind, namespace, name));
  }

  /** Makes the cluster hold exactly the given objects among those the story manages. */
  private converge(desired: readonly KubeObject[]): void {
    const wanted = new Set(desired.map(objectKeyOf));
    for (const kind of DELETION_ORDER) {
      if (!this.server.serves(kind)) continue;
      for (const obj of this.server.list(kind)) {
        const key = objectKeyOf(obj);
        if (this.managedKeys.has(key) && !wanted.has(key)) {
          this.write({
            op: 'delete',
            kind,
            ...(obj.metadata.namespace !== undefined && { namespace: obj.metadata.namespace }),
            name: obj.metadata.name ?? '',
          });
        }
      }
    }
    for (const obj of desired) this.apply(obj);
  }

  private apply(obj: KubeObject): void {
    if (!this.server.serves(obj.kind)) return;
    const key = objectKeyOf(obj);
    const wanted = canonicalJson(obj);
    const existing = this.server.get(obj.kind, obj.metadata.namespace, obj.metadata.name ?? '');
    if (existing !== undefined && this.lastApplied.get(key) === wanted) return;
    const copy = cloneJson(obj);
    this.resolveOwners(copy);
    if (copy.kind === 'Pod') stampPodTimes(copy, existing);
    this.server.upsert(copy);
    this.lastApplied.set(key, wanted);
  }

  /** ownerReferences name their owner by uid, which the server assigned when the owner was created. */
  private resolveOwners(obj: KubeObject): void {
    const refs = obj.metadata.ownerReferences;
    if (refs === undefined) return;
    obj.metadata.ownerReferences = refs.map((ref) => {
      const owner = this.server.get(ref.kind, obj.metadata.namespace, ref.name);
      return owner?.metadata.uid === undefined ? ref : { ...ref, uid: owner.metadata.uid };
    });
  }
}

/** A running pod shows when it started; a pod that already runs keeps its times. */
function stampPodTimes(pod: KubeObject, existing: KubeObject | undefined): void {
  const previous = isRecord(existing?.['status']) ? existing['status']['startTime'] : undefined;
  const startTime = typeof previous === 'string' ? previous : kubeTimestamp();
  const status = isRecord(pod['status']) ? pod['status'] : {};
  pod['status'] = {
    ...status,
    startTime,
    ...(Array.isArray(status['conditions']) && {
      conditions: status['conditions'].map((c: unknown) =>
        isRecord(c) ? { ...c, lastTransitionTime: startTime } : c,
      ),
    }),
    ...(Array.isArray(status['containerStatuses']) && {
      containerStatuses: status['containerStatuses'].map((c: unknown) =>
        isRecord(c) ? { ...c, state: { running: { startedAt: startTime } } } : c,
      ),
    }),
  };
}

/**
 * Starts a demo cluster: a FakeKubeApiServer holding a small realistic cluster whose workloads
 * and policies change every few seconds (by default the main story: shop, payments, analytics,
 * monitoring, kube-system).
 */
export async function startDemoCluster(options: DemoClusterOptions = {}): Promise<DemoCluster> {
  const speed = options.speed ?? 1;
  if (!(speed > 0)) throw new Error(`speed must be a positive number, got ${speed}`);
  const story = options.story ?? DEMO_STORY;
  const owned = options.server === undefined;
  const server = options.server ?? (await FakeKubeApiServer.start({ crds: story.crds }));
  // setTimeout cannot wait longer than 2^31 - 1 ms (it would fire at once).
  const intervalMs = Math.min(DEMO_STEP_INTERVAL_MS / speed, 2 ** 31 - 1);
  const player = new DemoPlayer(server, story, options, intervalMs);
  player.start();
  return {
    server,
    finished: player.finished,
    stop: async () => {
      player.stop();
      if (owned) await server.stop();
    },
  };
}
