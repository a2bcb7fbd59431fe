import { Inject, Injectable } from '@nestjs/common';
import type { ApiToken } from '@palisade/prisma-client';
import type { ApiTokenItem, Role } from '@palisade/api-contract';
import { Db, PRISMA } from '../../database/prisma';

@Injectable()
export class TokensRepository {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  list(limit: number, offset: number): Promise<[ApiToken[], number]> {
    return Promise.all([
      this.db.apiToken.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit, skip: offset }),
      this.db.apiToken.count(),
    ]);
  }

  byHash(tokenHash: string): Promise<ApiToken | null> {
    return this.db.apiToken.findUnique({ where: { tokenHash } });
  }

  create(data: { name: string; role: Role; tokenHash: string; prefix: string; createdBy: string | null; expiresAt: Date | null }): Promise<ApiToken> {
    return this.db.apiToken.create({ data });
  }

  /** Creates the token unless one with this hash exists (a revoked bootstrap token stays revoked); answers it when created. */
  async ensure(data: { name: string; role: Role; tokenHash: string; prefix: string; createdBy: string }): Promise<ApiToken | null> {
    const created = await this.db.apiToken.createMany({ data: [data], skipDuplicates: true });
    return created.count === 1 ? this.db.apiToken.findUnique({ where: { tokenHash: data.tokenHash } }) : null;
  }

  /** Answers the token as it is now, or null when there is none with this id. */
  async revoke(id: string, at: Date): Promise<ApiToken | null> {
    await this.db.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } });
    return this.db.apiToken.findUnique({ where: { id } });
  }

  touch(id: string, at: Date): Promise<unknown> {
    return this.db.apiToken.updateMany({ where: { id }, data: { lastUsedAt: at } });
  }
}

export function toTokenItem(token: ApiToken): ApiTokenItem {
  return {
    id: token.id,
    name: token.name,
    role: token.role as Role,
    prefix: token.prefix,
    createdAt: token.createdAt.toISOString(),
    createdBy: token.createdBy,
    expiresAt: token.expiresAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}
