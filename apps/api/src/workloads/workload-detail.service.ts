import type { PolicyKind, WorkloadDetail, WorkloadPod, WorkloadRef } from '@palisade/api-contract';
import { Inject, Injectable } from '@nestjs/common';
import { analyze, Analysis, policyIdOf, workloadPeers } from '@palisade/policy-engine';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { Evaluation } from '../evaluation/evaluation';
import { changeFromRow } from '../changes/changes.service';
import { ClustersService } from '../clusters/clusters.service';
import { ApiError } from '../common/api-error';
import { manifestYaml } from '../common/manifest-yaml';
import { EvaluationService } from '../evaluation/evaluation.service';
import { WorkloadDetailRepository } from './workload-detail.repository';
import { WorkloadsRepository } from './workloads.repository';
import { workloadFromRow } from './workloads.service';

@Injectable()
export class WorkloadDetailService {
  /** The compiled cluster per evaluation: peers of many workloads, one compilation. */
  private readonly analyses = new WeakMap<Evaluation, Analysis>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clusters: ClustersService,
    private readonly workloads: WorkloadsRepository,
    private readonly detail: WorkloadDetailRepository,
    private readonly evaluation: EvaluationService,
  ) {}

  async get(clusterId: string, namespace: string, kind: string, name: string): Promise<WorkloadDetail> {
    await this.clusters.require(clusterId);
    const row = await this.workloads.findCurrent(clusterId, namespace, kind, name);
    if (!row) throw new ApiError('workload-not-found', `no workload ${kind} ${namespace}/${name} in the latest snapshot`);
    const details = row.details as { policies?: string[]; reachableTo?: number; internetEgress?: boolean };
    const [pods, policies, changes] = await Promise.all([
      this.detail.pods(clusterId, namespace, kind, name),
      this.detail.policies(clusterId, details.policies ?? []),
      this.detail.changes(clusterId, namespace, `${kind}/${name}`),
    ]);
    // Who reaches whom needs the live model; a replica without it answers without peers.
    const latest = this.evaluation.latest(clusterId);
    const peers = latest ? workloadPeers(this.analysisOf(latest), { namespace, kind, name }) : null;
    const excluded = new Set(this.config.evaluation.excludedNamespaces);
    const audited = (refs: readonly Omit<WorkloadRef, 'audited'>[]) => refs.map((r) => ({ ...r, audited: !excluded.has(r.namespace) }));
    return {
      ...workloadFromRow(row),
      reachableTo: details.reachableTo ?? 0,
      internetEgress: details.internetEgress ?? false,
      // Pod rows hold snapshot-state's pod object (ips, phase, ports, labels, ...).
      pods: pods.map((p) => ({ name: p.name, ...(p.data as unknown as Omit<WorkloadPod, 'name'>) })),
      policies: policies.map((p) => ({
        id: policyIdOf(p.kind as PolicyKind, p.name, p.namespace || undefined), // the repository reads policy kinds only
        kind: p.kind as PolicyKind,
        ...(p.namespace ? { namespace: p.namespace } : {}),
        name: p.name,
        yaml: manifestYaml(p.data),
      })),
      reachableFromWorkloads: peers ? audited(peers.from) : null,
      reachableToWorkloads: peers ? audited(peers.to) : null,
      changes: changes.map(changeFromRow),
    };
  }

  private analysisOf(evaluation: Evaluation): Analysis {
    let analysis = this.analyses.get(evaluation);
    if (!analysis) {
      analysis = analyze(evaluation.model, { clusterCidrs: this.config.evaluation.clusterCidrs, cni: evaluation.cni.cni });
      this.analyses.set(evaluation, analysis);
    }
    return analysis;
  }
}
