import { Injectable } from '@nestjs/common';
import type { EntryPointItem, Page, WorkloadItem } from '@palisade/api-contract';
import { exposureOf } from '../snapshots/snapshots.repository';
import type { ScoreVersion } from '@palisade/prisma-client';
import { ClustersService } from '../clusters/clusters.service';
import { WorkloadFilter, WorkloadsRepository } from './workloads.repository';

export function workloadFromRow(row: ScoreVersion): WorkloadItem {
  const details = row.details as { pods?: number; reachableFromConditional?: number; internetIngressConditional?: boolean; entryPoints?: EntryPointItem[] };
  return {
    namespace: row.namespace,
    name: row.name,
    kind: row.kind,
    ingressIsolated: row.ingressIsolated,
    egressIsolated: row.egressIsolated,
    reachableFrom: row.reachableFrom,
    internetIngress: row.internetIngress,
    reachableFromConditional: details.reachableFromConditional ?? 0,
    internetIngressConditional: details.internetIngressConditional ?? false,
    internetExposure: exposureOf(row.internetExposure),
    entryPoints: Array.isArray(details.entryPoints) ? details.entryPoints : [],
    exposed: row.exposed,
    unprotected: row.unprotected,
    score: row.score,
    pods: details.pods ?? 0,
  };
}

@Injectable()
export class WorkloadsService {
  constructor(
    private readonly clusters: ClustersService,
    private readonly repository: WorkloadsRepository,
  ) {}

  async list(clusterId: string, filter: WorkloadFilter): Promise<Page<WorkloadItem>> {
    await this.clusters.require(clusterId);
    const [rows, total] = await this.repository.list(clusterId, filter);
    return { items: rows.map(workloadFromRow), total };
  }
}
