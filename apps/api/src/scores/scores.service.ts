import type { ClusterScoreSeries, ScoreHistory } from '@palisade/api-contract';
import { Injectable } from '@nestjs/common';
import { ClustersService } from '../clusters/clusters.service';
import { ApiError } from '../common/api-error';
import { ScoresRepository } from './scores.repository';

const DAY = 86_400_000;

export interface Range {
  readonly from?: string;
  readonly to?: string;
  readonly bucket: 'auto' | 'raw' | 'hour' | 'day';
}

function resolveRange(range: Range, now: Date): { from: Date; to: Date; bucket: 'raw' | 'hour' | 'day' } {
  const to = range.to ? new Date(range.to) : now;
  const from = range.from ? new Date(range.from) : new Date(to.getTime() - 7 * DAY);
  if (from >= to) throw new ApiError('invalid-request', 'from must be before to', { fields: [{ field: 'from', message: 'must be before to' }] });
  const span = to.getTime() - from.getTime();
  const bucket = range.bucket !== 'auto' ? range.bucket : span <= 2 * DAY ? 'raw' : span <= 60 * DAY ? 'hour' : 'day';
  return { from, to, bucket };
}

@Injectable()
export class ScoresService {
  constructor(
    private readonly clusters: ClustersService,
    private readonly repository: ScoresRepository,
  ) {}

  /** The cluster's score and isolation over time (default: the last 7 days). */
  async cluster(clusterId: string, range: Range): Promise<ClusterScoreSeries> {
    await this.clusters.require(clusterId);
    const { from, to, bucket } = resolveRange(range, new Date());
    const points = await this.repository.clusterSeries(clusterId, from, to, bucket);
    return { from: from.toISOString(), to: to.toISOString(), bucket, points: points.map((p) => ({ ...p, at: p.at.toISOString() })) };
  }

  /** A workload's or namespace's findings over time, one point per change (a step function). */
  async subject(clusterId: string, scope: 'Workload' | 'Namespace', namespace: string, kind: string, name: string, range: Range): Promise<ScoreHistory> {
    await this.clusters.require(clusterId);
    const { from, to } = resolveRange(range, new Date());
    const versions = await this.repository.versions(clusterId, scope, namespace, kind, name);
    if (versions.length === 0) {
      throw new ApiError(scope === 'Workload' ? 'workload-not-found' : 'namespace-not-found', `no ${scope.toLowerCase()} ${[namespace, kind, name].filter(Boolean).join('/')} in this cluster's history`);
    }
    const times = await this.repository.timesOf(clusterId, versions.flatMap((v) => (v.toSeq === null ? [v.fromSeq] : [v.fromSeq, v.toSeq])));
    const points = versions
      .map((v) => ({
        from: times.get(v.fromSeq) ?? null,
        to: v.toSeq === null ? null : (times.get(v.toSeq) ?? null),
        score: v.score,
        ingressIsolated: v.ingressIsolated,
        egressIsolated: v.egressIsolated,
        reachableFrom: v.reachableFrom,
        internetIngress: v.internetIngress,
        exposed: v.exposed,
        unprotected: v.unprotected,
      }))
      .filter((p) => (p.to === null || p.to > from) && (p.from === null || p.from < to))
      .map((p) => ({ ...p, from: p.from?.toISOString() ?? null, to: p.to?.toISOString() ?? null }));
    return { from: from.toISOString(), to: to.toISOString(), points };
  }
}
