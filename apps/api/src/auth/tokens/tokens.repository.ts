import { Inject, Injectable } from '@nestjs/common';
import type { ApiToken, User } from '@palisade/prisma-client';
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

  /** The token with what authentication needs of its owner. */
  byHash(tokenHash: string): Promise<(ApiToken & { owner: Pick<User, 'role' | 'disabledAt'> | null }) | null> {
    return this.db.apiToken.findUnique({ where: { tokenHash }, include: { owner: { select: { role: true, disabledAt: true } } } });
  }

  create(data: { name: string; role: Role; tokenHash: string; prefix: string; createdBy: string | null; ownerId: string | null; expiresAt: Date | null }): Promise<ApiToken> {
    return this.db.apiToken.create({ data });
  }

  revokeOwnedBy(ownerId: string, at: Date): Promise<unknown> {
    return this.db.apiToken.updateMany({ where: { ownerId, revokedAt: null }, data: { revokedAt: at } });
  }

  /** A demoted user's tokens drop to their new role (authentication caps them anyway). */
  narrowTo(ownerId: string, role: Role): Promise<unknown> {
    const above: Role[] = role === 'viewer' ? ['operator', 'admin'] : role === 'operator' ? ['admin'] : [];
    return above.length === 0 ? Promise.resolve() : this.db.apiToken.updateMany({ where: { ownerId, role: { in: above } }, data: { role } });
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
