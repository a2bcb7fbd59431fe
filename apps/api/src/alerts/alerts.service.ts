import { Injectable } from '@nestjs/common';
import type { AlertItem, Page } from '@palisade/api-contract';
import type { Alert } from '@palisade/prisma-client';
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
    details: row.details as Record<string, unknown>,
  };
}

@Injectable()
export class AlertsService {
  constructor(private readonly repository: AlertsRepository) {}

  async list(filter: AlertFilter): Promise<Page<AlertItem>> {
    const [rows, total] = await this.repository.list(filter);
    return { items: rows.map(alertFromRow), total };
  }
}
