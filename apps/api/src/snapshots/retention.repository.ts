import { Inject, Injectable } from '@nestjs/common';
import { Db, PRISMA } from '../database/prisma';

export interface ThinningResult {
  readonly thinnedSnapshots: number;
  readonly objectVersionsDeleted: number;
  readonly scoreVersionsDeleted: number;
}

@Injectable()
export class RetentionRepository {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  /**
   * Thins history older than `before`: of those snapshots, the last of each UTC day is kept
   * whole; versions no kept snapshot (old or recent) can see are deleted, and the other old
   * snapshots are marked thinned. Snapshot rows (the cluster aggregates) and change events stay.
   * One transaction; running it twice changes nothing more.
   */
  thin(clusterId: string, before: Date): Promise<ThinningResult> {
    return this.db.$transaction(async (tx) => {
      const cutoff = await tx.snapshot.aggregate({ where: { clusterId, takenAt: { lt: before } }, _max: { seq: true } });
      const cutoffSeq = cutoff._max.seq;
      if (cutoffSeq === null) return { thinnedSnapshots: 0, objectVersionsDeleted: 0, scoreVersionsDeleted: 0 };
      const kept = await tx.$queryRaw<{ seq: number }[]>`
        SELECT DISTINCT ON (date_trunc('day', "takenAt")) seq
        FROM "Snapshot" WHERE "clusterId" = ${clusterId}::uuid AND seq <= ${cutoffSeq}
        ORDER BY date_trunc('day', "takenAt"), seq DESC`;
      const keep = kept.map((k) => k.seq);
      // Versions that ended before the cutoff and contain no kept snapshot were only ever seen
      // by thinned ones.
      const objectVersionsDeleted = await tx.$executeRaw`
        DELETE FROM "ObjectVersion" v
        WHERE v."clusterId" = ${clusterId}::uuid AND v."toSeq" IS NOT NULL AND v."toSeq" <= ${cutoffSeq}
          AND NOT EXISTS (SELECT 1 FROM unnest(${keep}::int[]) AS k(seq) WHERE k.seq >= v."fromSeq" AND k.seq < v."toSeq")`;
      const scoreVersionsDeleted = await tx.$executeRaw`
        DELETE FROM "ScoreVersion" v
        WHERE v."clusterId" = ${clusterId}::uuid AND v."toSeq" IS NOT NULL AND v."toSeq" <= ${cutoffSeq}
          AND NOT EXISTS (SELECT 1 FROM unnest(${keep}::int[]) AS k(seq) WHERE k.seq >= v."fromSeq" AND k.seq < v."toSeq")`;
      const thinned = await tx.snapshot.updateMany({
        where: { clusterId, seq: { lte: cutoffSeq, notIn: keep }, thinned: false },
        data: { thinned: true },
      });
      return { thinnedSnapshots: thinned.count, objectVersionsDeleted, scoreVersionsDeleted };
    });
  }
}
