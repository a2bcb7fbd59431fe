import { Inject, Injectable } from '@nestjs/common';
import type { AlertExceptionItem, Page } from '@palisade/api-contract';
import type { AlertException } from '@palisade/prisma-client';
import { ApiError } from '../../common/api-error';
import { CLOCK, Clock } from '../../common/clock';
import type { ExceptionBody } from './dto/exception-body.dto';
import { ExceptionsRepository } from './exceptions.repository';

@Injectable()
export class ExceptionsService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly repository: ExceptionsRepository,
  ) {}

  private item(row: AlertException, now: Date): AlertExceptionItem {
    return {
      id: row.id,
      clusterId: row.clusterId,
      namespace: row.namespace,
      kind: row.kind,
      name: row.name,
      reason: row.reason,
      owner: row.owner,
      expiresAt: row.expiresAt?.toISOString() ?? null,
      active: row.expiresAt === null || row.expiresAt > now,
      createdAt: row.createdAt.toISOString(),
    };
  }

  async list(active: boolean | undefined, limit: number, offset: number): Promise<Page<AlertExceptionItem>> {
    const now = this.clock.now();
    const [rows, total] = await this.repository.list(now, active, limit, offset);
    return { items: rows.map((r) => this.item(r, now)), total };
  }

  async create(body: ExceptionBody): Promise<AlertExceptionItem> {
    return this.item(await this.repository.create(body), this.clock.now());
  }

  async remove(id: string): Promise<void> {
    if (!(await this.repository.remove(id))) throw new ApiError('exception-not-found', `no exception ${id}`);
  }
}
