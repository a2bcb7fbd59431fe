import { Inject, Injectable } from '@nestjs/common';
import type { AlertChannel, Prisma } from '@palisade/prisma-client';
import { Db, PRISMA } from '../../database/prisma';

export interface ChannelWrite {
  readonly name: string;
  readonly type: string;
  readonly settings: Record<string, unknown>;
  readonly sealed: string;
}

@Injectable()
export class ChannelsRepository {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  list(limit: number, offset: number): Promise<[AlertChannel[], number]> {
    return Promise.all([this.db.alertChannel.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: limit, skip: offset }), this.db.alertChannel.count()]);
  }

  find(id: string): Promise<AlertChannel | null> {
    return this.db.alertChannel.findUnique({ where: { id } });
  }

  async idsOfType(type: string): Promise<string[]> {
    return (await this.db.alertChannel.findMany({ where: { type }, select: { id: true } })).map((r) => r.id);
  }

  async existing(ids: readonly string[]): Promise<Set<string>> {
    const rows = await this.db.alertChannel.findMany({ where: { id: { in: [...ids] } }, select: { id: true } });
    return new Set(rows.map((r) => r.id));
  }

  create(write: ChannelWrite): Promise<AlertChannel> {
    return this.db.alertChannel.create({ data: { ...write, settings: write.settings as Prisma.InputJsonValue } });
  }

  update(id: string, write: ChannelWrite): Promise<AlertChannel> {
    return this.db.alertChannel.update({ where: { id }, data: { ...write, settings: write.settings as Prisma.InputJsonValue } });
  }

  /** Deletes the channel and takes it out of every rule, together. */
  async remove(id: string): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const deleted = await tx.alertChannel.deleteMany({ where: { id } });
      await tx.$executeRaw`UPDATE "AlertRule" SET "channelIds" = array_remove("channelIds", ${id}) WHERE ${id} = ANY("channelIds")`;
      return deleted.count === 1;
    });
  }
}
