import { Inject, Injectable } from '@nestjs/common';
import type { AlertDelivery, DeliveryAttempt, Prisma } from '@palisade/prisma-client';
import { Db, PRISMA, Tx } from '../../database/prisma';
import type { AlertNotification } from '../channels/formats/notification';

export interface OutboxEntry {
  readonly alertId: string | null;
  readonly channelId: string;
  readonly transition: 'firing' | 'resolved' | 'test';
  readonly payload: AlertNotification;
}

/** A delivery taken by this worker until `leaseUntil` (then another may take it). */
export interface ClaimedDelivery {
  readonly id: bigint;
  readonly channelId: string;
  readonly transition: string;
  readonly idempotencyKey: string;
  readonly payload: AlertNotification;
  readonly attempts: number;
}

export type AttemptOutcome =
  | { readonly status: 'delivered' }
  | { readonly status: 'pending'; readonly nextAttemptAt: Date }
  | { readonly status: 'failed' };

export interface DeliveryFilter {
  readonly channelId?: string;
  readonly alertId?: string;
  readonly status?: string;
  readonly limit: number;
  readonly offset: number;
}

/** Timestamps go to PostgreSQL as UTC text: the columns are `timestamp` without a zone. */
const utc = (d: Date) => d.toISOString();

export function idempotencyKey(alertId: string, transition: string, channelId: string): string {
  return `${alertId}:${transition}:${channelId}`;
}

/** The outbox: rows written with alert transitions, claimed with FOR UPDATE SKIP LOCKED. */
@Injectable()
export class DeliveriesRepository {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  /** In the transaction of the alert transition; a transition already queued is not queued again. */
  async enqueue(tx: Tx, entries: readonly OutboxEntry[], now: Date): Promise<void> {
    if (entries.length === 0) return;
    await tx.alertDelivery.createMany({
      data: entries.map((e) => ({
        alertId: e.alertId,
        channelId: e.channelId,
        transition: e.transition,
        idempotencyKey: idempotencyKey(e.alertId ?? 'none', e.transition, e.channelId),
        payload: e.payload as unknown as Prisma.InputJsonValue,
        nextAttemptAt: now,
      })),
      skipDuplicates: true,
    });
  }

  /** A test notification, queued to be tried once right away by the caller. */
  async createTest(entry: OutboxEntry, key: string, now: Date, leaseUntil: Date): Promise<ClaimedDelivery> {
    const row = await this.db.alertDelivery.create({
      data: { alertId: null, channelId: entry.channelId, transition: 'test', idempotencyKey: key, payload: entry.payload as unknown as Prisma.InputJsonValue, nextAttemptAt: leaseUntil, createdAt: now },
    });
    return { id: row.id, channelId: row.channelId, transition: row.transition, idempotencyKey: row.idempotencyKey, payload: entry.payload, attempts: 0 };
  }

  /**
   * Takes up to `limit` due deliveries for this worker: their next attempt moves to `leaseUntil`,
   * so another worker (or this one after a crash) takes them only once the lease is over.
   */
  async claim(now: Date, leaseUntil: Date, limit: number): Promise<ClaimedDelivery[]> {
    const rows = await this.db.$queryRaw<{ id: bigint; channelId: string; transition: string; idempotencyKey: string; payload: unknown; attempts: number }[]>`
      UPDATE "AlertDelivery" SET "nextAttemptAt" = ${utc(leaseUntil)}::timestamptz AT TIME ZONE 'UTC'
      WHERE id IN (
        SELECT id FROM "AlertDelivery"
        WHERE status = 'pending' AND "nextAttemptAt" <= ${utc(now)}::timestamptz AT TIME ZONE 'UTC'
        ORDER BY "nextAttemptAt", id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, "channelId", transition, "idempotencyKey", payload, attempts`;
    return rows.map((r) => ({ ...r, payload: r.payload as AlertNotification }));
  }

  /** Logs the attempt and moves the delivery on, in one transaction. */
  async record(
    delivery: ClaimedDelivery,
    attempt: { at: Date; ok: boolean; statusCode: number | null; error: string | null; durationMs: number },
    outcome: AttemptOutcome,
  ): Promise<void> {
    const number = delivery.attempts + 1;
    await this.db.$transaction([
      this.db.deliveryAttempt.create({ data: { deliveryId: delivery.id, attempt: number, ...attempt } }),
      this.db.alertDelivery.update({
        where: { id: delivery.id },
        data: {
          attempts: number,
          status: outcome.status,
          lastError: attempt.error,
          ...(outcome.status === 'pending' ? { nextAttemptAt: outcome.nextAttemptAt } : {}),
          ...(outcome.status === 'delivered' ? { deliveredAt: attempt.at } : {}),
        },
      }),
    ]);
  }

  /** Firing notifications delivered to these channels whose alert still fires. */
  async stillFiring(channelIds: readonly string[]): Promise<ClaimedDelivery[]> {
    if (channelIds.length === 0) return [];
    const rows = await this.db.alertDelivery.findMany({
      where: { channelId: { in: [...channelIds] }, transition: 'firing', status: 'delivered', alert: { status: 'firing' } },
      select: { id: true, channelId: true, transition: true, idempotencyKey: true, payload: true, attempts: true },
    });
    return rows.map((r) => ({ ...r, payload: r.payload as unknown as AlertNotification }));
  }

  list(filter: DeliveryFilter): Promise<[(AlertDelivery & { log: DeliveryAttempt[] })[], number]> {
    const where: Prisma.AlertDeliveryWhereInput = {
      ...(filter.channelId ? { channelId: filter.channelId } : {}),
      ...(filter.alertId ? { alertId: filter.alertId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
    };
    return Promise.all([
      this.db.alertDelivery.findMany({
        where,
        include: { log: { orderBy: { attempt: 'asc' } } },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: filter.limit,
        skip: filter.offset,
      }),
      this.db.alertDelivery.count({ where }),
    ]);
  }
}
