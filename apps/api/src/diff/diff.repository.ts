import { Inject, Injectable } from '@nestjs/common';
import { Db, PRISMA } from '../database/prisma';
import { POLICY_KINDS, ObjectState, ScoreState } from '../snapshots/snapshot-state';
import { scoreStateOf } from '../snapshots/snapshots.repository';

/** The stored state as it was at one snapshot: versions whose range contains its seq. */
@Injectable()
export class DiffRepository {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  snapshot(clusterId: string, seq: number) {
    return this.db.snapshot.findUnique({ where: { clusterId_seq: { clusterId, seq } } });
  }

  async scoresAt(clusterId: string, seq: number): Promise<ScoreState[]> {
    const rows = await this.db.scoreVersion.findMany({
      where: { clusterId, fromSeq: { lte: seq }, OR: [{ toSeq: null }, { toSeq: { gt: seq } }] },
    });
    return rows.map(scoreStateOf);
  }

  async policiesAt(clusterId: string, seq: number): Promise<ObjectState[]> {
    const rows = await this.db.objectVersion.findMany({
      where: { clusterId, kind: { in: [...POLICY_KINDS] }, fromSeq: { lte: seq }, OR: [{ toSeq: null }, { toSeq: { gt: seq } }] },
      select: { kind: true, namespace: true, name: true, hash: true },
    });
    return rows.map((r) => ({ ...r, data: null }));
  }
}
