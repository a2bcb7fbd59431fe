import { Inject, Injectable } from '@nestjs/common';
import type { ObjectVersion, Prisma } from '@palisade/prisma-client';
import { Db, PRISMA } from '../database/prisma';
import { CNI_MODES, type CniMode } from '@palisade/policy-engine';
import { POLICY_KINDS } from '../snapshots/snapshot-state';

export interface PolicyHistoryRow {
  readonly version: ObjectVersion;
  /** First sequence number at which a policy of this key existed. */
  readonly firstSeq: number;
  readonly versions: number;
}

@Injectable()
export class PoliciesRepository {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  /** The newest version of each policy (current ones, and removed ones when asked), in kind, namespace, name order. */
  async list(clusterId: string, filter: { namespace?: string; kind?: string; removed?: boolean }): Promise<ObjectVersion[]> {
    const where: Prisma.ObjectVersionWhereInput = {
      clusterId,
      kind: filter.kind ? filter.kind : { in: [...POLICY_KINDS] },
      ...(filter.namespace ? { namespace: filter.namespace } : {}),
      ...(filter.removed ? {} : { toSeq: null }),
    };
    const rows = await this.db.objectVersion.findMany({ where, orderBy: [{ kind: 'asc' }, { namespace: 'asc' }, { name: 'asc' }, { fromSeq: 'desc' }] });
    // Newest version per policy; a policy removed and re-created counts once.
    const newest = new Map<string, ObjectVersion>();
    for (const row of rows) {
      const key = `${row.kind}\u0000${row.namespace}\u0000${row.name}`;
      if (!newest.has(key)) newest.set(key, row);
    }
    return [...newest.values()];
  }

  /** Every version of one policy, oldest first, with the time of the snapshots bounding it. */
  history(clusterId: string, kind: string, namespace: string, name: string) {
    return this.db.objectVersion.findMany({ where: { clusterId, kind, namespace, name }, orderBy: { fromSeq: 'asc' } });
  }

  /** When each of these snapshot sequence numbers was taken. */
  async timesOf(clusterId: string, seqs: readonly number[]): Promise<Map<number, Date>> {
    if (seqs.length === 0) return new Map();
    const rows = await this.db.snapshot.findMany({ where: { clusterId, seq: { in: [...new Set(seqs)] } }, select: { seq: true, takenAt: true } });
    return new Map(rows.map((r) => [r.seq, r.takenAt]));
  }

  /** The network plugin the latest snapshot was evaluated with (generic before any said). */
  async cniOf(clusterId: string): Promise<CniMode> {
    const latest = await this.db.snapshot.findFirst({ where: { clusterId }, orderBy: { seq: 'desc' }, select: { cni: true } });
    return CNI_MODES.find((m) => m === latest?.cni) ?? 'generic';
  }

  /** How many current workloads each policy selects (from the findings' policy lists). */
  async selectedWorkloads(clusterId: string): Promise<Map<string, number>> {
    const rows = await this.db.$queryRaw<{ policy: string; workloads: bigint }[]>`
      SELECT p.policy, count(*) AS workloads
      FROM "ScoreVersion" s, jsonb_array_elements_text(s.details->'policies') AS p(policy)
      WHERE s."clusterId" = ${clusterId}::uuid AND s."toSeq" IS NULL AND s.scope = 'Workload'
      GROUP BY p.policy`;
    return new Map(rows.map((r) => [r.policy, Number(r.workloads)]));
  }
}
