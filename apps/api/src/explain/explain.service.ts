import type { Explanation } from '@palisade/api-contract';
import { Injectable } from '@nestjs/common';
import { explain, PortRef } from '@palisade/policy-engine';
import { ClustersService } from '../clusters/clusters.service';
import { ApiError } from '../common/api-error';
import { EvaluationService } from '../evaluation/evaluation.service';

@Injectable()
export class ExplainService {
  constructor(
    private readonly clusters: ClustersService,
    private readonly evaluation: EvaluationService,
  ) {}

  /** Allowed or denied in the cluster as it is now, and the rules that decide. */
  async explain(clusterId: string, from: string, to: string, port: PortRef): Promise<Explanation> {
    await this.clusters.require(clusterId);
    const latest = this.evaluation.latest(clusterId);
    if (!latest) throw new ApiError('cluster-not-synced', 'the cluster has not been listed yet (see its status)');
    const result = explain(latest.model, from, to, port, { cni: latest.cni.cni });
    if (!result.ok) throw new ApiError('peer-not-found', result.message);
    return result.explanation;
  }
}
