import { Inject, Injectable } from '@nestjs/common';
import type { ScoreVersion } from '@palisade/prisma-client';
import { Db, PRISMA } from '../database/prisma';

@Injectable()
export class NamespacesRepository {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  list(clusterId: string, limit: number, offset: number): Promise<[ScoreVersion[], number]> {
    const where = { clusterId, toSeq: null, scope: 'Namespace' };
    return Promise.all([
      this.db.scoreVersion.findMany({ where, orderBy: [{ score: 'asc' }, { namespace: 'asc' }], take: limit, skip: offset }),
      this.db.scoreVersion.count({ where }),
    ]);
  }
}
