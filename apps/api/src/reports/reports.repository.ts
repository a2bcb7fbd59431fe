import { Inject, Injectable } from '@nestjs/common';
import { POLICY_KINDS, type ReportException } from '@palisade/api-contract';
import type { Prisma, Report } from '@palisade/prisma-client';
import { Db, PRISMA } from '../database/prisma';
import type { ClusterHistory, SnapshotFigures } from './report-builder';

const REPORT_CHANGE_KINDS = [
  'WORKLOAD_EXPOSED',
  'WORKLOAD_ADDED_UNPROTECTED',
  'WORKLOAD_UNPROTECTED',
  'WORKLOAD_PROTECTED',
  'POLICY_ADDED',
  'POLICY_CHANGED',
  'POLICY_REMOVED',
  'NAMESPACE_LOST_DEFAULT_DENY',
  'NAMESPACE_GAINED_DEFAULT_DENY',
];

/** Enough change events per cluster to fill every list of a report (each stops at CHANGE_LIMIT). */
const CHANGE_ROWS = 20_000;

const figures = { seq: true, takenAt: true, score: true, pods: true, policies: true, ingressIsolatedPercent: true, egressIsolatedPercent: true, cni: true } as const;

/** Versions valid at snapshot `seq`: [fromSeq, toSeq) contains it. */
const validAt = (seq: number) => ({ fromSeq: { lte: seq }, OR: [{ toSeq: null }, { toSeq: { gt: seq } }] });

export interface NewReport {
  readonly scope: 'cluster' | 'fleet';
  readonly clusterId: string | null;
  readonly clusterName: string | null;
  readonly from: Date;
  readonly to: Date;
  readonly trigger: 'schedule' | 'manual';
  readonly periodKey: string | null;
  readonly createdAt: Date;
}

/** Reads a cluster's history for a period, and stores reports. */
@Injectable()
export class ReportsRepository {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  clusters(clusterId?: string): Promise<{ id: string; name: string }[]> {
    return this.db.cluster.findMany({ where: clusterId ? { id: clusterId } : {}, select: { id: true, name: true }, orderBy: { name: 'asc' } });
  }

  async history(cluster: { id: string; name: string }, from: Date, to: Date): Promise<ClusterHistory> {
    const clusterId = cluster.id;
    // The findings come from the last snapshot before `to` that kept its versions (thinned
    // snapshots kept only their aggregates).
    const end: SnapshotFigures | null = await this.db.snapshot.findFirst({
      where: { clusterId, takenAt: { lt: to }, thinned: false },
      orderBy: { seq: 'desc' },
      select: figures,
    });
    const start: SnapshotFigures | null =
      (await this.db.snapshot.findFirst({ where: { clusterId, takenAt: { lte: from } }, orderBy: { seq: 'desc' }, select: figures })) ??
      (await this.db.snapshot.findFirst({ where: { clusterId, takenAt: { gte: from, lt: to } }, orderBy: { seq: 'asc' }, select: figures }));
    const [series, findings, workloadObjects, changes, policies] = await Promise.all([
      this.db.snapshot.findMany({ where: { clusterId, takenAt: { gte: from, lt: to } }, orderBy: { seq: 'asc' }, select: { takenAt: true, score: true } }),
      end ? this.db.scoreVersion.findMany({ where: { clusterId, ...validAt(end.seq) } }) : Promise.resolve([]),
      end
        ? this.db.objectVersion.findMany({ where: { clusterId, kind: 'Workload', ...validAt(end.seq) }, select: { namespace: true, name: true, data: true } })
        : Promise.resolve([]),
      this.db.changeEvent.findMany({
        where: { clusterId, at: { gte: from, lt: to }, kind: { in: REPORT_CHANGE_KINDS } },
        orderBy: [{ at: 'asc' }, { id: 'asc' }],
        take: CHANGE_ROWS,
        select: { at: true, kind: true, namespace: true, workload: true, policy: true, details: true },
      }),
      end
        ? this.db.objectVersion.findMany({
            where: { clusterId, kind: { in: [...POLICY_KINDS] }, ...validAt(end.seq) },
            orderBy: [{ kind: 'asc' }, { namespace: 'asc' }, { name: 'asc' }],
            select: { kind: true, namespace: true, name: true, data: true },
          })
        : Promise.resolve([]),
    ]);
    const labels = new Map<string, Record<string, string>>();
    for (const o of workloadObjects) {
      const data = (o.data ?? {}) as { labels?: Record<string, string> };
      // The object's name is `Kind/name`, as the findings' kind and name.
      labels.set(`${o.namespace}/${o.name}`, data.labels ?? {});
    }
    return { id: clusterId, name: cluster.name, end, start, series: series.map((p) => ({ at: p.takenAt, score: p.score })), findings, labels, changes, policies };
  }

  /** Exceptions that may apply to these clusters (the builder judges which are in force). */
  async exceptions(clusterIds: readonly string[]): Promise<ReportException[]> {
    const rows = await this.db.alertException.findMany({
      where: { OR: [{ clusterId: null }, { clusterId: { in: [...clusterIds] } }] },
      orderBy: [{ namespace: 'asc' }, { kind: 'asc' }, { name: 'asc' }],
    });
    return rows.map((e) => ({
      id: e.id,
      clusterId: e.clusterId,
      namespace: e.namespace,
      kind: e.kind,
      name: e.name,
      reason: e.reason,
      owner: e.owner,
      expiresAt: e.expiresAt?.toISOString() ?? null,
      createdAt: e.createdAt.toISOString(),
    }));
  }

  /** A new report in status `generating`; null when a scheduled report of that period exists. */
  async claim(report: NewReport): Promise<Report | null> {
    try {
      return await this.db.report.create({ data: { ...report, status: 'generating', summary: {} } });
    } catch (error) {
      if ((error as { code?: string }).code === 'P2002') return null;
      throw error;
    }
  }

  findByPeriodKey(periodKey: string): Promise<Report | null> {
    return this.db.report.findUnique({ where: { periodKey } });
  }

  /** Gives a failed (or abandoned) scheduled report's period back, so this run generates it again. */
  async release(id: string): Promise<void> {
    await this.db.report.deleteMany({ where: { id, status: { in: ['failed', 'generating'] } } });
  }

  complete(id: string, summary: Prisma.InputJsonValue, data: Prisma.InputJsonValue): Promise<Report> {
    return this.db.report.update({ where: { id }, data: { status: 'ready', summary, data, error: null } });
  }

  fail(id: string, error: string): Promise<Report> {
    return this.db.report.update({ where: { id }, data: { status: 'failed', error } });
  }

  async markEmailed(id: string, at: Date): Promise<void> {
    await this.db.report.update({ where: { id }, data: { emailedAt: at } });
  }

  find(id: string): Promise<Report | null> {
    return this.db.report.findUnique({ where: { id } });
  }

  /** Newest first, without the data (a list does not need megabytes of findings). */
  list(filter: { clusterId?: string; scope?: 'cluster' | 'fleet'; limit: number; offset: number }): Promise<[Omit<Report, 'data'>[], number]> {
    const where: Prisma.ReportWhereInput = {
      ...(filter.clusterId ? { clusterId: filter.clusterId } : {}),
      ...(filter.scope ? { scope: filter.scope } : {}),
    };
    return Promise.all([
      this.db.report.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: filter.limit, skip: filter.offset, omit: { data: true } }),
      this.db.report.count({ where }),
    ]);
  }
}
