import { Inject, Injectable } from '@nestjs/common';
import type { ChangeEvent, Prisma } from '@palisade/prisma-client';
import { Db, PRISMA } from '../database/prisma';

export interface ChangeFilter {
  readonly since?: Date;
  readonly until?: Date;
  readonly kinds?: readonly string[];
  readonly namespace?: string;
  readonly limit: number;
  readonly offset: number;
}

@Injectable()
export class ChangesRepository {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  list(clusterId: string, filter: ChangeFilter): Promise<[ChangeEvent[], number]> {
    const where: Prisma.ChangeEventWhereInput = {
      clusterId,
      ...(filter.since || filter.until ? { at: { ...(filter.since ? { gte: filter.since } : {}), ...(filter.until ? { lt: filter.until } : {}) } } : {}),
      ...(filter.kinds?.length ? { kind: { in: [...filter.kinds] } } : {}),
      ...(filter.namespace ? { namespace: filter.namespace } : {}),
    };
    return Promise.all([
      this.db.changeEvent.findMany({ where, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: filter.limit, skip: filter.offset }),
      this.db.changeEvent.count({ where }),
    ]);
  }
}
