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

  /** A cluster an admin added (its kubeconfig sealed); null when the name is taken. */
  async createStored(data: { name: string; sealedKubeconfig: string; context: string; createdBy: string; snapshotIntervalSeconds: number }): Promise<Cluster | null> {
    const created = await this.db.cluster.createMany({ data: [{ ...data, source: 'stored', status: 'connecting' }], skipDuplicates: true });
    return created.count === 1 ? this.db.cluster.findUnique({ where: { name: data.name } }) : null;
  }

  stored(): Promise<Cluster[]> {
    return this.db.cluster.findMany({ where: { source: 'stored' } });
  }

  replaceKubeconfig(id: string, sealedKubeconfig: string, context: string): Promise<Cluster> {
    return this.db.cluster.update({ where: { id }, data: { sealedKubeconfig, context, status: 'connecting', statusReason: null } });
  }

  /** Removes the cluster and, by cascade, its whole history. */
  async remove(id: string): Promise<boolean> {
    return (await this.db.cluster.deleteMany({ where: { id } })).count === 1;
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
