import { Inject, Injectable } from '@nestjs/common';
import type { AlertItem, Page } from '@palisade/api-contract';
import type { Alert } from '@palisade/prisma-client';
import { ApiError } from '../common/api-error';
import { CLOCK, Clock } from '../common/clock';
import { AlertFilter, AlertsRepository } from './alerts.repository';

export function alertFromRow(row: Alert): AlertItem {
  return {
    id: row.id,
    clusterId: row.clusterId,
    ruleId: row.ruleId,
    kind: row.kind as AlertItem['kind'],
    severity: row.severity as AlertItem['severity'],
    subject: row.subject,
    namespace: row.namespace,
    workload: row.workload,
    policy: row.policy,
    status: row.status as AlertItem['status'],
    openedAt: row.openedAt.toISOString(),
    fireAt: row.fireAt.toISOString(),
    firedAt: row.firedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: row.acknowledgedBy,
    details: row.details as Record<string, unknown>,
  };
}

@Injectable()
export class AlertsService {
  constructor(
    private readonly repository: AlertsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(filter: AlertFilter): Promise<Page<AlertItem>> {
    const [rows, total] = await this.repository.list(filter);
    return { items: rows.map(alertFromRow), total };
  }

  /** Someone saw it: recorded on the alert (the first acknowledgement stays). Changes nothing else. */
  async acknowledge(id: string, by: string): Promise<AlertItem> {
    const row = await this.repository.acknowledge(id, by, this.clock.now());
    if (!row) throw new ApiError('alert-not-found', `no alert with id ${id}`);
    return alertFromRow(row);
  }
}
