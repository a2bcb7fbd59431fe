import { Injectable } from '@nestjs/common';
import type { DeliveryItem, Page } from '@palisade/api-contract';
import type { AlertDelivery, DeliveryAttempt } from '@palisade/prisma-client';
import { DeliveriesRepository, DeliveryFilter } from './deliveries.repository';

export function deliveryFromRow(row: AlertDelivery & { log: DeliveryAttempt[] }): DeliveryItem {
  return {
    id: row.id.toString(),
    alertId: row.alertId,
    channelId: row.channelId,
    transition: row.transition as DeliveryItem['transition'],
    idempotencyKey: row.idempotencyKey,
    status: row.status as DeliveryItem['status'],
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt.toISOString() : null,
    lastError: row.lastError,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    log: row.log.map((a) => ({ attempt: a.attempt, at: a.at.toISOString(), ok: a.ok, statusCode: a.statusCode, error: a.error, durationMs: a.durationMs })),
  };
}

@Injectable()
export class DeliveriesService {
  constructor(private readonly repository: DeliveriesRepository) {}

  async list(filter: DeliveryFilter): Promise<Page<DeliveryItem>> {
    const [rows, total] = await this.repository.list(filter);
    return { items: rows.map(deliveryFromRow), total };
  }
}
