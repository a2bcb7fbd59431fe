import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { WorkloadItem } from '@palisade/api-contract';
import { buildModel } from '@palisade/cluster-model';
import { assumeCni, audit, detectCni, type CniDetection, WorkloadFinding } from '@palisade/policy-engine';
import type { ClusterModel } from '@palisade/cluster-model';
import { Subject, Subscription } from 'rxjs';
import { CollectorsService } from '../collectors/collectors.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { LiveGateway } from '../live/live.gateway';
import { detectChanges, indexPolicies, indexScores } from '../snapshots/change-detector';
import { policyStates, sameScore, scoreKey, scoreStates } from '../snapshots/snapshot-state';
import type { Evaluation } from './evaluation';

export function workloadItem(w: WorkloadFinding): WorkloadItem {
  return {
    namespace: w.namespace,
    name: w.name,
    kind: w.kind,
    ingressIsolated: w.ingressIsolated,
    egressIsolated: w.egressIsolated,
    reachableFrom: w.reachableFrom,
    internetIngress: w.internetIngress,
    reachableFromConditional: w.reachableFromConditional,
    internetIngressConditional: w.internetIngressConditional,
    internetExposure: w.internetExposure,
    entryPoints: w.entryPoints,
    exposed: w.exposed,
    unprotected: w.unprotected,
    score: w.score,
    pods: w.pods,
  };
}

/**
 * Re-audits a cluster shortly after its objects change (debounced, so a burst of events is one
 * evaluation) and pushes what changed to browsers. Keeps the latest evaluation per cluster.
 */
@Injectable()
export class EvaluationService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(EvaluationService.name);
  private readonly latestByCluster = new Map<string, Evaluation>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private subscription?: Subscription;
  /** Every evaluation that saw new changes (the snapshot writer listens). */
  readonly evaluated$ = new Subject<Evaluation>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly collectors: CollectorsService,
    private readonly live: LiveGateway,
  ) {}

  onModuleInit(): void {
    this.subscription = this.collectors.changes$.subscribe((clusterId) => this.schedule(clusterId));
    // A replica that stopped collecting a cluster must not answer (or snapshot) from a stale picture.
    this.subscription.add(
      this.collectors.events$.subscribe((event) => {
        if (event.kind !== 'released') return;
        clearTimeout(this.timers.get(event.clusterId));
        this.timers.delete(event.clusterId);
        this.latestByCluster.delete(event.clusterId);
      }),
    );
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  latest(clusterId: string): Evaluation | undefined {
    return this.latestByCluster.get(clusterId);
  }

  /** Evaluates now (skipping the debounce): used before an on-demand snapshot. */
  evaluateNow(clusterId: string): Evaluation | undefined {
    clearTimeout(this.timers.get(clusterId));
    this.timers.delete(clusterId);
    return this.evaluate(clusterId);
  }

  private schedule(clusterId: string): void {
    if (this.timers.has(clusterId)) return;
    const timer = setTimeout(() => {
      this.timers.delete(clusterId);
      try {
        this.evaluate(clusterId);
      } catch (error) {
        // An engine failure on one cluster's input must not stop the others.
        this.logger.error({ msg: 'evaluation failed; the next change retries', clusterId, err: error });
      }
    }, this.config.evaluation.debounceMs);
    timer.unref?.();
    this.timers.set(clusterId, timer);
  }

  private evaluate(clusterId: string): Evaluation | undefined {
    const runtime = this.collectors.get(clusterId);
    if (!runtime || !runtime.collector.isSynced()) return this.latestByCluster.get(clusterId);
    const started = performance.now();
    const generation = runtime.collector.generation();
    const { model, problems } = buildModel(runtime.collector.objects(), { synthesizePods: false });
    const cni = this.cniOf(runtime.name, model, runtime.collector.servedApis());
    const report = audit(model, {
      excludeNamespaces: this.config.evaluation.excludedNamespaces,
      clusterCidrs: this.config.evaluation.clusterCidrs,
      cni: cni.cni,
      controllers: this.config.evaluation.ingressControllers,
    });
    const evaluation: Evaluation = {
      clusterId,
      at: new Date(),
      durationMs: Math.round(performance.now() - started),
      generation,
      model,
      report,
      cni,
      problems: problems.map((p) => [p.object, p.field, p.message].filter(Boolean).join(': ')),
    };
    const previous = this.latestByCluster.get(clusterId);
    this.latestByCluster.set(clusterId, evaluation);
    this.logger.debug({ msg: 'cluster evaluated', clusterId, pods: model.pods.length, ms: evaluation.durationMs });
    // Re-evaluating an unchanged cluster (an on-demand snapshot) is not a change.
    if (previous?.generation !== generation) {
      this.push(previous, evaluation);
      this.evaluated$.next(evaluation);
    }
    return evaluation;
  }

  /** PALISADE_CNI for this cluster (by name), else what the cluster shows, else what its policies suggest. */
  private cniOf(clusterName: string, model: ClusterModel, servedApis: ReadonlySet<string>): CniDetection {
    const setting = this.config.evaluation.cni;
    const named = Object.hasOwn(setting.byCluster, clusterName) ? setting.byCluster[clusterName] : setting.default;
    if (named !== 'auto') return { cni: named, evidence: 'set by PALISADE_CNI' };
    return detectCni(model, servedApis) ?? assumeCni(model);
  }

  private push(previous: Evaluation | undefined, next: Evaluation): void {
    const before = new Map(previous ? scoreStates(previous.report).map((s) => [scoreKey(s), s]) : []);
    const after = scoreStates(next.report);
    const changed = new Set(
      after
        .filter((s) => {
          const was = before.get(scoreKey(s));
          return s.scope === 'Workload' && !(was && sameScore(was, s));
        })
        .map(scoreKey),
    );
    const afterKeys = new Set(after.map(scoreKey));
    const c = next.report.cluster;
    this.live.emit(next.clusterId, 'cluster:score', {
      clusterId: next.clusterId,
      at: next.at.toISOString(),
      score: c.score,
      pods: c.pods,
      workloads: c.workloads,
      unprotectedWorkloads: c.unprotectedWorkloads,
      exposedWorkloads: c.exposedWorkloads,
      ingressIsolatedPercent: c.ingressIsolatedPercent,
      egressIsolatedPercent: c.egressIsolatedPercent,
      changedWorkloads: next.report.workloads
        .filter((w) => changed.has(scoreKey({ scope: 'Workload', namespace: w.namespace, kind: w.kind, name: w.name })))
        .map(workloadItem),
      removedWorkloads: [...before.values()]
        .filter((s) => s.scope === 'Workload' && !afterKeys.has(scoreKey(s)))
        .map((s) => ({ namespace: s.namespace, kind: s.kind, name: s.name })),
    });
    if (!previous) return;
    // The score event goes out first; naming the changes can wait a tick.
    setImmediate(() => {
      const changes = detectChanges(
        { scores: before, policies: indexPolicies(policyStates(previous.model)), clusterScore: previous.report.cluster.score },
        { scores: indexScores(after), policies: indexPolicies(policyStates(next.model)), clusterScore: c.score },
        this.config.snapshots.scoreChangeThreshold,
      );
      if (changes.length > 0) {
        this.live.emit(next.clusterId, 'cluster:changes', {
          clusterId: next.clusterId,
          source: 'live',
          changes: changes.map((ch) => ({ ...ch, at: next.at.toISOString() })),
        });
      }
    });
  }
}
