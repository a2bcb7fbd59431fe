import { Inject, Injectable } from '@nestjs/common';
import type { Cluster, Snapshot } from '@palisade/prisma-client';
import { Db, PRISMA } from '../database/prisma';

@Injectable()
export class ClustersRepository {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  /**
   * The row of a watched cluster, created on first sight; its name is its identity. The status
   * is left to the replica collecting it (another replica starting must not reset it).
   */
  upsert(name: string, source: string, snapshotIntervalSeconds: number): Promise<Cluster> {
    return this.db.cluster.upsert({
      where: { name },
      create: { name, source, snapshotIntervalSeconds, status: 'connecting' },
      update: { source, snapshotIntervalSeconds },
    });
  }

  setStatus(id: string, status: string, statusReason: string | null): Promise<unknown> {
    return this.db.cluster.update({ where: { id }, data: { status, statusReason } });
  }

  list(limit: number, offset: number): Promise<[Cluster[], number]> {
    return Promise.all([this.db.cluster.findMany({ orderBy: { name: 'asc' }, take: limit, skip: offset }), this.db.cluster.count()]);
  }

  find(id: string): Promise<Cluster | null> {
    return this.db.cluster.findUnique({ where: { id } });
  }

  /** The newest snapshot of each of these clusters (those that have one). */
  async latestSnapshots(clusters: readonly Cluster[]): Promise<Map<string, Snapshot>> {
    const taken = clusters.filter((c) => c.lastSeq > 0);
    if (taken.length === 0) return new Map();
    const rows = await this.db.snapshot.findMany({ where: { OR: taken.map((c) => ({ clusterId: c.id, seq: c.lastSeq })) } });
    return new Map(rows.map((r) => [r.clusterId, r]));
  }
}
