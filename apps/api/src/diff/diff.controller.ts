import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ClusterParams } from '../clusters/dto/cluster-params.dto';
import { ClustersService } from '../clusters/clusters.service';
import { ApiError } from '../common/api-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { detectChanges, indexPolicies, indexScores } from '../snapshots/change-detector';
import { DiffRepository } from './diff.repository';

class DiffQuery extends createZodDto(z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) })) {}

@ApiTags('snapshots')
@Controller('clusters/:id/diff')
export class DiffController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clusters: ClustersService,
    private readonly repository: DiffRepository,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'What differs between two snapshots (by sequence number)',
    description: 'Workloads that became exposed, protected, added or removed; namespaces that lost or gained a default deny; policies added, removed or changed.',
  })
  async diff(@Param() params: ClusterParams, @Query() query: DiffQuery) {
    await this.clusters.require(params.id);
    const [from, to] = await Promise.all([this.repository.snapshot(params.id, query.from), this.repository.snapshot(params.id, query.to)]);
    if (!from) throw new ApiError('snapshot-not-found', `no snapshot ${query.from} for this cluster`);
    if (!to) throw new ApiError('snapshot-not-found', `no snapshot ${query.to} for this cluster`);
    for (const snapshot of [from, to]) {
      if (snapshot.thinned) {
        throw new ApiError('snapshot-thinned', `snapshot ${snapshot.seq} is older than the raw retention and was thinned; diff the last snapshot of its day instead`);
      }
    }
    const [scoresFrom, scoresTo, policiesFrom, policiesTo] = await Promise.all([
      this.repository.scoresAt(params.id, query.from),
      this.repository.scoresAt(params.id, query.to),
      this.repository.policiesAt(params.id, query.from),
      this.repository.policiesAt(params.id, query.to),
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
        exposed: count('WORKLOAD_EXPOSED') + count('WORKLOAD_ADDED_UNPROTECTED'),
        protected: count('WORKLOAD_PROTECTED'),
        policiesAdded: count('POLICY_ADDED'),
        policiesRemoved: count('POLICY_REMOVED'),
        policiesChanged: count('POLICY_CHANGED'),
      },
      changes,
    };
  }
}
