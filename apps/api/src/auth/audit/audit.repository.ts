import { Inject, Injectable } from '@nestjs/common';
import type { AuditEvent, Prisma } from '@palisade/prisma-client';
import type { AuditEventItem } from '@palisade/api-contract';
import { Db, PRISMA } from '../../database/prisma';

export interface AuditRecord {
  readonly actorKind: 'user' | 'token' | 'system';
  readonly actorId: string | null;
  readonly actorName: string;
  readonly action: string;
  readonly target: string | null;
  readonly details: Record<string, unknown>;
  readonly requestId: string | null;
}

@Injectable()
export class AuditRepository {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  add(record: AuditRecord): Promise<unknown> {
    return this.db.auditEvent.create({ data: { ...record, details: record.details as Prisma.InputJsonObject } });
  }

  list(action: string | undefined, limit: number, offset: number): Promise<[AuditEvent[], number]> {
    const where: Prisma.AuditEventWhereInput = action ? { action } : {};
    return Promise.all([
      this.db.auditEvent.findMany({ where, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: limit, skip: offset }),
      this.db.auditEvent.count({ where }),
    ]);
  }
}

export function toAuditItem(event: AuditEvent): AuditEventItem {
  return {
    id: event.id.toString(),
    at: event.at.toISOString(),
    actor: { kind: event.actorKind as AuditEventItem['actor']['kind'], id: event.actorId, name: event.actorName },
    action: event.action,
    target: event.target,
    details: (event.details ?? {}) as Record<string, unknown>,
    requestId: event.requestId,
  };
}
