import { Inject, Injectable } from '@nestjs/common';
import type { Alert, AlertRule, Prisma } from '@palisade/prisma-client';
import { Db, PRISMA, Tx } from '../database/prisma';
import { DeliveriesRepository, OutboxEntry } from './deliveries/deliveries.repository';

export interface AlertFilter {
  readonly status?: string;
  readonly clusterId?: string;
  readonly limit: number;
  readonly offset: number;
}

export interface ClusterHead {
  readonly id: string;
  readonly name: string;
  readonly lastSeq: number;
  readonly score: number | null;
}

/** Statuses of an open alert (its openKey set). */
export type OpenStatus = 'pending' | 'suppressed' | 'firing';

/** `cluster|rule|subject`: set on open alerts, unique, so a subject has one open alert per rule. */
export function openKeyOf(clusterId: string, ruleId: string, subject: string): string {
  return `${clusterId}|${ruleId}|${subject}`;
}

@Injectable()
export class AlertsRepository {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly deliveries: DeliveriesRepository,
  ) {}

  async rules(tx: Tx): Promise<{ enabled: AlertRule[]; count: number }> {
    const [enabled, count] = await Promise.all([tx.alertRule.findMany({ where: { enabled: true } }), tx.alertRule.count()]);
    return { enabled, count };
  }

  /** Current labels of workloads (`Kind/name` in a namespace), keyed `namespace/Kind/name`. */
  async workloadLabels(tx: Tx, clusterId: string, workloads: readonly { namespace: string; workload: string }[]): Promise<Map<string, Record<string, string>>> {
    if (workloads.length === 0) return new Map();
    const rows = await tx.objectVersion.findMany({
      where: { clusterId, kind: 'Workload', toSeq: null, OR: workloads.map((w) => ({ namespace: w.namespace, name: w.workload })) },
      select: { namespace: true, name: true, data: true },
    });
    return new Map(rows.map((r) => [`${r.namespace}/${r.name}`, ((r.data as { labels?: Record<string, string> }).labels ?? {})]));
  }

  /** Opens pending alerts; one already open for the same (cluster, rule, subject) wins (dedup). */
  async open(tx: Tx, rows: readonly Prisma.AlertCreateManyInput[]): Promise<number> {
    if (rows.length === 0) return 0;
    return (await tx.alert.createMany({ data: [...rows], skipDuplicates: true })).count;
  }

  /** Clusters that have pending or firing alerts, with their newest snapshot. */
  async clustersWithOpenAlerts(): Promise<ClusterHead[]> {
    return this.db.cluster.findMany({ where: { alerts: { some: { openKey: { not: null } } } }, select: { id: true, name: true, lastSeq: true, score: true } });
  }

  openOf(clusterId: string): Promise<Alert[]> {
    return this.db.alert.findMany({ where: { clusterId, openKey: { not: null } }, orderBy: { openedAt: 'asc' } });
  }

  /**
   * Moves an alert from one status to the next and queues its notifications, in one
   * transaction; false when another worker moved it first (so nothing is queued twice).
   */
  async transition(alertId: string, from: OpenStatus, to: OpenStatus | 'resolved' | 'cancelled', now: Date, outbox: (alert: Alert) => OutboxEntry[]): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const moved = await tx.alert.updateMany({
        where: { id: alertId, status: from },
        data: { status: to, ...(to === 'firing' ? { firedAt: now } : to === 'resolved' || to === 'cancelled' ? { closedAt: now, openKey: null } : {}) },
      });
      if (moved.count !== 1) return false;
      const alert = await tx.alert.findUniqueOrThrow({ where: { id: alertId } });
      await this.deliveries.enqueue(tx, outbox(alert), now);
      return true;
    });
  }

  workloadScore(clusterId: string, namespace: string, kind: string, name: string) {
    return this.db.scoreVersion.findFirst({
      where: { clusterId, scope: 'Workload', namespace, kind, name, toSeq: null },
      select: { exposed: true, unprotected: true, internetExposure: true },
    });
  }

  async namespaceDetails(clusterId: string, namespace: string): Promise<Record<string, unknown> | null> {
    const row = await this.db.scoreVersion.findFirst({ where: { clusterId, scope: 'Namespace', namespace, toSeq: null }, select: { details: true } });
    return row ? (row.details as Record<string, unknown>) : null;
  }

  async policyPresent(clusterId: string, kind: string, namespace: string, name: string): Promise<boolean> {
    return (await this.db.objectVersion.count({ where: { clusterId, kind, namespace, name, toSeq: null } })) > 0;
  }

  async acknowledge(id: string, by: string, at: Date): Promise<Alert | null> {
    await this.db.alert.updateMany({ where: { id, acknowledgedAt: null }, data: { acknowledgedAt: at, acknowledgedBy: by } });
    return this.db.alert.findUnique({ where: { id } });
  }

  list(filter: AlertFilter): Promise<[Alert[], number]> {
    const where: Prisma.AlertWhereInput = {
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.clusterId ? { clusterId: filter.clusterId } : {}),
    };
    return Promise.all([
      this.db.alert.findMany({ where, orderBy: [{ openedAt: 'desc' }, { id: 'asc' }], take: filter.limit, skip: filter.offset }),
      this.db.alert.count({ where }),
    ]);
  }
}
