import { Inject, Injectable } from '@nestjs/common';
import { Db, PRISMA } from '../database/prisma';
import { POLICY_KINDS, ObjectState, ScoreState } from '../snapshots/snapshot-state';

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
    return rows.map((r) => ({
      scope: r.scope as ScoreState['scope'],
      namespace: r.namespace,
      kind: r.kind,
      name: r.name,
      score: r.score,
      ingressIsolated: r.ingressIsolated,
      egressIsolated: r.egressIsolated,
      reachableFrom: r.reachableFrom,
      internetIngress: r.internetIngress,
      exposed: r.exposed,
      unprotected: r.unprotected,
      details: r.details as Record<string, unknown>,
    }));
  }

  async policiesAt(clusterId: string, seq: number): Promise<ObjectState[]> {
    const rows = await this.db.objectVersion.findMany({
      where: { clusterId, kind: { in: [...POLICY_KINDS] }, fromSeq: { lte: seq }, OR: [{ toSeq: null }, { toSeq: { gt: seq } }] },
      select: { kind: true, namespace: true, name: true, hash: true },
    });
    return rows.map((r) => ({ ...r, data: null }));
  }
}
