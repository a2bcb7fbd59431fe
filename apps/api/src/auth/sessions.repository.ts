import { Inject, Injectable } from '@nestjs/common';
import type { User, UserSession } from '@palisade/prisma-client';
import { Db, PRISMA, Tx } from '../database/prisma';
import { accessLocked } from '../database/access-lock';

@Injectable()
export class SessionsRepository {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  create(data: { tokenHash: string; userId: string; csrfToken: string; expiresAt: Date }, tx: Tx | Db = this.db): Promise<UserSession> {
    return tx.userSession.create({ data });
  }

  byTokenHash(tokenHash: string): Promise<(UserSession & { user: User }) | null> {
    return this.db.userSession.findUnique({ where: { tokenHash }, include: { user: true } });
  }

  touch(id: string, at: Date): Promise<unknown> {
    return this.db.userSession.updateMany({ where: { id }, data: { lastSeenAt: at } });
  }

  remove(id: string): Promise<unknown> {
    return this.db.userSession.deleteMany({ where: { id } });
  }

  /** After a password change: every other browser signs in again. */
  removeOthers(userId: string, keepId?: string): Promise<unknown> {
    return this.db.userSession.deleteMany({ where: { userId, ...(keepId ? { NOT: { id: keepId } } : {}) } });
  }

  removeExpired(now: Date): Promise<number> {
    return this.db.userSession.deleteMany({ where: { expiresAt: { lte: now } } }).then((r) => r.count);
  }

  /** Replaces the setup token (only the last one printed works). */
  setSetupToken(tokenHash: string): Promise<unknown> {
    return this.db.setupToken.upsert({ where: { id: 1 }, create: { id: 1, tokenHash }, update: { tokenHash, createdAt: new Date() } });
  }

  setupTokenHash(tx: Tx | Db = this.db): Promise<string | null> {
    return tx.setupToken.findUnique({ where: { id: 1 } }).then((row) => row?.tokenHash ?? null);
  }

  clearSetupToken(tx: Tx | Db = this.db): Promise<unknown> {
    return tx.setupToken.deleteMany({});
  }

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return accessLocked(this.db, work);
  }
}
