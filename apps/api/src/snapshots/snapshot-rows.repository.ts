import { Inject, Injectable } from '@nestjs/common';
import type { Prisma } from '@palisade/prisma-client';
import { Db, PRISMA } from '../database/prisma';

/** Stored snapshot rows, for listing. */
@Injectable()
export class SnapshotRowsRepository {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  list(clusterId: string, from: Date | undefined, to: Date | undefined, limit: number, offset: number) {
    const where: Prisma.SnapshotWhereInput = {
      clusterId,
      ...(from || to ? { takenAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {}),
    };
    return Promise.all([
      this.db.snapshot.findMany({ where, orderBy: { seq: 'desc' }, take: limit, skip: offset }),
      this.db.snapshot.count({ where }),
    ]);
  }
}
