import { Inject, Injectable } from '@nestjs/common';
import type { AlertException, Prisma } from '@palisade/prisma-client';
import { Db, PRISMA, Tx } from '../../database/prisma';
import type { ExceptionBody } from './dto/exception-body.dto';

const activeAt = (now: Date): Prisma.AlertExceptionWhereInput => ({ OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] });

@Injectable()
export class ExceptionsRepository {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  list(now: Date, active: boolean | undefined, limit: number, offset: number): Promise<[AlertException[], number]> {
    const where: Prisma.AlertExceptionWhereInput = active === undefined ? {} : active ? activeAt(now) : { expiresAt: { lte: now } };
    return Promise.all([
      this.db.alertException.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit, skip: offset }),
      this.db.alertException.count({ where }),
    ]);
  }

  create(body: ExceptionBody): Promise<AlertException> {
    return this.db.alertException.create({ data: { ...body, expiresAt: body.expiresAt ? new Date(body.expiresAt) : null } });
  }

  async remove(id: string): Promise<boolean> {
    return (await this.db.alertException.deleteMany({ where: { id } })).count === 1;
  }

  /** The exceptions in force for a cluster at `now` (inside the caller's transaction, if any). */
  active(clusterId: string, now: Date, tx: Tx | Db = this.db): Promise<AlertException[]> {
    return tx.alertException.findMany({ where: { AND: [{ OR: [{ clusterId: null }, { clusterId }] }, activeAt(now)] } });
  }
}

/** Whether an exception covers a workload (`Kind/name` in a namespace). */
export function excepted(exceptions: readonly Pick<AlertException, 'namespace' | 'kind' | 'name'>[], namespace: string | null, workload: string | null): boolean {
  if (!namespace || !workload) return false;
  return exceptions.some((e) => e.namespace === namespace && `${e.kind}/${e.name}` === workload);
}
