import type { NamespaceItem, Page } from '@palisade/api-contract';
import type { NamespaceDetails } from '../snapshots/snapshot-state';
import { Injectable } from '@nestjs/common';
import type { ScoreVersion } from '@palisade/prisma-client';
import { ClustersService } from '../clusters/clusters.service';
import { NamespacesRepository } from './namespaces.repository';

export function namespaceFromRow(row: ScoreVersion): NamespaceItem {
  // Written by snapshot-state's namespaceState, which checks the shape.
  return { name: row.namespace, score: row.score, exposed: row.exposed, unprotected: row.unprotected, ...(row.details as NamespaceDetails) };
}

@Injectable()
export class NamespacesService {
  constructor(
    private readonly clusters: ClustersService,
    private readonly repository: NamespacesRepository,
  ) {}

  async list(clusterId: string, limit: number, offset: number): Promise<Page<NamespaceItem>> {
    await this.clusters.require(clusterId);
    const [rows, total] = await this.repository.list(clusterId, limit, offset);
    return { items: rows.map(namespaceFromRow), total };
  }
}
