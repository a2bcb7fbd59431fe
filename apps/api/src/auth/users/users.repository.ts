import { Inject, Injectable } from '@nestjs/common';
import type { Prisma, User } from '@palisade/prisma-client';
import type { Role, UserItem } from '@palisade/api-contract';
import { Db, PRISMA, Tx } from '../../database/prisma';
import { accessLocked, isUniqueViolation } from '../../database/access-lock';

/** Admins who can sign in: the ones the last-admin rule counts. */
const activeAdmins: Prisma.UserWhereInput = { role: 'admin', disabledAt: null };

@Injectable()
export class UsersRepository {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  list(limit: number, offset: number): Promise<[User[], number]> {
    return Promise.all([this.db.user.findMany({ orderBy: [{ username: 'asc' }], take: limit, skip: offset }), this.db.user.count()]);
  }

  get(id: string): Promise<User | null> {
    return this.db.user.findUnique({ where: { id } });
  }

  byUsername(username: string, tx: Tx | Db = this.db): Promise<User | null> {
    return tx.user.findUnique({ where: { username } });
  }

  byOidcIdentity(issuer: string, subject: string): Promise<User | null> {
    return this.db.user.findUnique({ where: { oidcIssuer_oidcSubject: { oidcIssuer: issuer, oidcSubject: subject } } });
  }

  adminExists(tx: Tx | Db = this.db): Promise<boolean> {
    return tx.user.count({ where: activeAdmins }).then((n) => n > 0);
  }

  create(data: Prisma.UserCreateInput, tx: Tx | Db = this.db): Promise<User> {
    return tx.user.create({ data });
  }

  /** Creates a user; 'username-taken' when someone took the name first (even at the same moment). */
  createUnique(data: Prisma.UserCreateInput): Promise<User | 'username-taken'> {
    return this.db.user.create({ data }).catch((error: unknown) => {
      if (isUniqueViolation(error)) return 'username-taken' as const;
      throw error;
    });
  }

  /**
   * Updates a user unless that leaves no admin who can sign in; serializable, so that two admins
   * demoting each other at once cannot both succeed. Answers null when the user does not exist.
   */
  updateKeepingAnAdmin(id: string, data: Prisma.UserUpdateInput): Promise<User | null | 'last-admin'> {
    return accessLocked(this.db, async (tx) => {
      if (!(await tx.user.findUnique({ where: { id } }))) return null;
      const user = await tx.user.update({ where: { id }, data });
      if (!(await this.adminExists(tx))) throw new LastAdmin();
      if (data.disabledAt !== undefined && data.disabledAt !== null) await tx.userSession.deleteMany({ where: { userId: id } });
      return user;
    }).catch((error: unknown) => {
      if (error instanceof LastAdmin) return 'last-admin' as const;
      throw error;
    });
  }

  removeKeepingAnAdmin(id: string): Promise<User | null | 'last-admin'> {
    return accessLocked(this.db, async (tx) => {
      const user = await tx.user.findUnique({ where: { id } });
      if (!user) return null;
      await tx.user.delete({ where: { id } });
      if (!(await this.adminExists(tx))) throw new LastAdmin();
      return user;
    }).catch((error: unknown) => {
      if (error instanceof LastAdmin) return 'last-admin' as const;
      throw error;
    });
  }

  updateOidcProfile(id: string, data: { role: string; name: string | null; email: string | null }): Promise<User> {
    return this.db.user.update({ where: { id }, data });
  }

  updatePassword(id: string, passwordHash: string): Promise<unknown> {
    return this.db.user.update({ where: { id }, data: { passwordHash } });
  }

  touchSignIn(id: string, at: Date): Promise<unknown> {
    return this.db.user.update({ where: { id }, data: { lastSignInAt: at } });
  }
}

class LastAdmin extends Error {}

export function toUserItem(user: User): UserItem {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    email: user.email,
    role: user.role as Role,
    source: user.oidcSubject ? 'oidc' : 'local',
    disabled: user.disabledAt !== null,
    createdAt: user.createdAt.toISOString(),
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
  };
}
