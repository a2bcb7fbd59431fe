import { Inject, Injectable } from '@nestjs/common';
import type { ScoreVersion } from '@palisade/prisma-client';
import { Db, PRISMA } from '../database/prisma';

export interface ClusterPoint {
  readonly at: Date;
  readonly score: number | null;
  readonly ingressIsolatedPercent: number;
  readonly egressIsolatedPercent: number;
  readonly unprotectedWorkloads: number;
  readonly exposedWorkloads: number;
  readonly snapshots: number;
}

@Injectable()
export class ScoresRepository {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  async clusterSeries(clusterId: string, from: Date, to: Date, bucket: 'raw' | 'hour' | 'day'): Promise<ClusterPoint[]> {
    if (bucket === 'raw') {
      const rows = await this.db.snapshot.findMany({
        where: { clusterId, takenAt: { gte: from, lt: to } },
        orderBy: { takenAt: 'asc' },
        select: { takenAt: true, score: true, ingressIsolatedPercent: true, egressIsolatedPercent: true, unprotectedWorkloads: true, exposedWorkloads: true },
      });
      return rows.map(({ takenAt, ...rest }) => ({ at: takenAt, ...rest, snapshots: 1 }));
    }
    // Averages per hour or day, computed by PostgreSQL over the (clusterId, takenAt) index.
    const rows = await this.db.$queryRaw<
      { at: Date; score: number | null; ingress: number; egress: number; unprotected: number; exposed: number; snapshots: bigint }[]
    >`
      SELECT date_trunc(${bucket}, "takenAt") AS at, avg(score) AS score,
             avg("ingressIsolatedPercent") AS ingress, avg("egressIsolatedPercent") AS egress,
             max("unprotectedWorkloads") AS unprotected, max("exposedWorkloads") AS exposed, count(*) AS snapshots
      FROM "Snapshot"
      WHERE "clusterId" = ${clusterId}::uuid AND "takenAt" >= ${from} AND "takenAt" < ${to}
      GROUP BY 1 ORDER BY 1`;
    return rows.map((r) => ({
      at: r.at,
      score: r.score === null ? null : Math.round(Number(r.score) * 10) / 10,
      ingressIsolatedPercent: Math.round(Number(r.ingress) * 10) / 10,
      egressIsolatedPercent: Math.round(Number(r.egress) * 10) / 10,
      unprotectedWorkloads: Number(r.unprotected),
      exposedWorkloads: Number(r.exposed),
      snapshots: Number(r.snapshots),
    }));
  }

  /** Versions of one workload's or namespace's findings, oldest first. */
  versions(clusterId: string, scope: 'Workload' | 'Namespace', namespace: string, kind: string, name: string): Promise<ScoreVersion[]> {
    return this.db.scoreVersion.findMany({ where: { clusterId, scope, namespace, kind, name }, orderBy: { fromSeq: 'asc' } });
  }

  async timesOf(clusterId: string, seqs: readonly number[]): Promise<Map<number, Date>> {
    if (seqs.length === 0) return new Map();
    const rows = await this.db.snapshot.findMany({ where: { clusterId, seq: { in: [...new Set(seqs)] } }, select: { seq: true, takenAt: true } });
    return new Map(rows.map((r) => [r.seq, r.takenAt]));
  }
}
