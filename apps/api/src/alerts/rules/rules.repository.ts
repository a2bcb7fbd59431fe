import { Inject, Injectable } from '@nestjs/common';
import type { AlertRule, Prisma } from '@palisade/prisma-client';
import { Db, PRISMA } from '../../database/prisma';
import type { RuleBody } from './dto/rule-body.dto';

function data(body: RuleBody) {
  return { ...body, matchLabels: (body.matchLabels ?? undefined) as Prisma.InputJsonValue | undefined };
}

@Injectable()
export class RulesRepository {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  list(limit: number, offset: number): Promise<[AlertRule[], number]> {
    return Promise.all([this.db.alertRule.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: limit, skip: offset }), this.db.alertRule.count()]);
  }

  find(id: string): Promise<AlertRule | null> {
    return this.db.alertRule.findUnique({ where: { id } });
  }

  create(body: RuleBody): Promise<AlertRule> {
    return this.db.alertRule.create({ data: data(body) });
  }

  update(id: string, body: RuleBody): Promise<AlertRule> {
    const { matchLabels, ...rest } = data(body);
    return this.db.alertRule.update({ where: { id }, data: { ...rest, matchLabels: matchLabels ?? (null as unknown as Prisma.InputJsonValue) } });
  }

  async remove(id: string): Promise<boolean> {
    return (await this.db.alertRule.deleteMany({ where: { id } })).count === 1;
  }
}
