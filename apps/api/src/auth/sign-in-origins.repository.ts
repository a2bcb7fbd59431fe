import { Inject, Injectable } from '@nestjs/common';
import { Db, PRISMA } from '../database/prisma';
import { hashSecret } from './secret-tokens';

/**
 * Addresses each user has signed in from with the right password (their SHA-256 only). The
 * per-username throttle spares them, so an attacker rotating addresses can slow down guesses at
 * a username but cannot lock its owner out of the places they usually sign in from.
 */
@Injectable()
export class SignInOriginsRepository {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  async known(userId: string, address: string): Promise<boolean> {
    const row = await this.db.signInOrigin.findUnique({ where: { userId_addressHash: { userId, addressHash: hashSecret(address) } }, select: { lastAt: true } });
    return row !== null;
  }

  remember(userId: string, address: string, at: Date): Promise<unknown> {
    const addressHash = hashSecret(address);
    return this.db.signInOrigin.upsert({ where: { userId_addressHash: { userId, addressHash } }, create: { userId, addressHash, lastAt: at }, update: { lastAt: at } });
  }
}
