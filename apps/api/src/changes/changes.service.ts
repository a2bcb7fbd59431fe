import { Injectable } from '@nestjs/common';
import type { ChangeItem, Page } from '@palisade/api-contract';
import type { ChangeEvent } from '@palisade/prisma-client';
import { ClustersService } from '../clusters/clusters.service';
import { ChangeFilter, ChangesRepository } from './changes.repository';

export function changeFromRow(row: ChangeEvent): ChangeItem {
  return {
    id: row.id.toString(),
    kind: row.kind as ChangeItem['kind'],
    at: row.at.toISOString(),
    seq: row.seq,
    ...(row.namespace ? { namespace: row.namespace } : {}),
    ...(row.workload ? { workload: row.workload } : {}),
    ...(row.policy ? { policy: row.policy } : {}),
    details: row.details as Record<string, unknown>,
  };
}

@Injectable()
export class ChangesService {
  constructor(
    private readonly clusters: ClustersService,
    private readonly repository: ChangesRepository,
  ) {}

  async list(clusterId: string, filter: ChangeFilter): Promise<Page<ChangeItem>> {
    await this.clusters.require(clusterId);
    const [rows, total] = await this.repository.list(clusterId, filter);
    return { items: rows.map(changeFromRow), total };
  }
}
