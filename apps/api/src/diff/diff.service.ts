import type { SnapshotDiff } from '@palisade/api-contract';
import { Inject, Injectable } from '@nestjs/common';
import { ClustersService } from '../clusters/clusters.service';
import { ApiError } from '../common/api-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { detectChanges, indexPolicies, indexScores } from '../snapshots/change-detector';
import { DiffRepository } from './diff.repository';

@Injectable()
export class DiffService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clusters: ClustersService,
    private readonly repository: DiffRepository,
  ) {}

  /** What differs between two stored snapshots, as change events and counts. */
  async diff(clusterId: string, fromSeq: number, toSeq: number): Promise<SnapshotDiff> {
    await this.clusters.require(clusterId);
    const [from, to] = await Promise.all([this.repository.snapshot(clusterId, fromSeq), this.repository.snapshot(clusterId, toSeq)]);
    if (!from) throw new ApiError('snapshot-not-found', `no snapshot ${fromSeq} for this cluster`);
    if (!to) throw new ApiError('snapshot-not-found', `no snapshot ${toSeq} for this cluster`);
    for (const snapshot of [from, to]) {
      if (snapshot.thinned) {
        throw new ApiError('snapshot-thinned', `snapshot ${snapshot.seq} is older than the raw retention and was thinned; diff the last snapshot of its day instead`);
      }
    }
    const [scoresFrom, scoresTo, policiesFrom, policiesTo] = await Promise.all([
      this.repository.scoresAt(clusterId, fromSeq),
      this.repository.scoresAt(clusterId, toSeq),
      this.repository.policiesAt(clusterId, fromSeq),
      this.repository.policiesAt(clusterId, toSeq),
    ]);
    const changes = detectChanges(
      { scores: indexScores(scoresFrom), policies: indexPolicies(policiesFrom), clusterScore: from.score },
      { scores: indexScores(scoresTo), policies: indexPolicies(policiesTo), clusterScore: to.score },
      this.config.snapshots.scoreChangeThreshold,
    );
    const count = (kind: string) => changes.filter((c) => c.kind === kind).length;
    return {
      from: { seq: from.seq, takenAt: from.takenAt.toISOString(), score: from.score },
      to: { seq: to.seq, takenAt: to.takenAt.toISOString(), score: to.score },
      summary: {
        exposed: count('WORKLOAD_EXPOSED') + count('WORKLOAD_ADDED_UNPROTECTED') + count('WORKLOAD_UNPROTECTED'),
        protected: count('WORKLOAD_PROTECTED'),
        policiesAdded: count('POLICY_ADDED'),
        policiesRemoved: count('POLICY_REMOVED'),
        policiesChanged: count('POLICY_CHANGED'),
      },
      changes,
    };
  }
}
