import { Inject, Injectable } from '@nestjs/common';
import type { Prisma, ScoreVersion } from '@palisade/prisma-client';
import { Db, PRISMA } from '../database/prisma';

export interface WorkloadFilter {
  readonly unprotected?: boolean;
  readonly exposed?: boolean;
  readonly exposure?: string;
  readonly namespace?: string;
  readonly q?: string;
  readonly sort: string;
  readonly limit: number;
  readonly offset: number;
}

/** Current workload findings (the versions still open) of a cluster. */
@Injectable()
export class WorkloadsRepository {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  async list(clusterId: string, filter: WorkloadFilter): Promise<[ScoreVersion[], number]> {
    // Prisma passes `contains` to LIKE as is: escape the wildcards so q is literal text.
    const q = filter.q?.replace(/[\\%_]/g, '\\$&');
    const where: Prisma.ScoreVersionWhereInput = {
      clusterId,
      toSeq: null,
      scope: 'Workload',
      ...(filter.unprotected !== undefined ? { unprotected: filter.unprotected } : {}),
      ...(filter.exposed !== undefined ? { exposed: filter.exposed } : {}),
      ...(filter.exposure !== undefined ? { internetExposure: filter.exposure } : {}),
      ...(filter.namespace ? { namespace: filter.namespace } : {}),
      ...(q ? { OR: [{ name: { contains: q, mode: 'insensitive' } }, { namespace: { contains: q, mode: 'insensitive' } }] } : {}),
    };
    const descending = filter.sort.startsWith('-');
    const field = descending ? filter.sort.slice(1) : filter.sort;
    const direction: Prisma.SortOrder = descending ? 'desc' : 'asc';
    const orderBy: Prisma.ScoreVersionOrderByWithRelationInput[] = [
      { [field]: direction },
      { namespace: 'asc' },
      { name: 'asc' },
      { kind: 'asc' },
    ];
    return Promise.all([
      this.db.scoreVersion.findMany({ where, orderBy, take: filter.limit, skip: filter.offset }),
      this.db.scoreVersion.count({ where }),
    ]);
  }

  findCurrent(clusterId: string, namespace: string, kind: string, name: string): Promise<ScoreVersion | null> {
    return this.db.scoreVersion.findFirst({ where: { clusterId, toSeq: null, scope: 'Workload', namespace, kind, name } });
  }
}
