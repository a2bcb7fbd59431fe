import { Inject, Injectable } from '@nestjs/common';
import { Db, PRISMA } from '../database/prisma';

@Injectable()
export class HealthRepository {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  /** Whether the database answers a trivial query. */
  async databaseAnswers(): Promise<boolean> {
    try {
      await this.db.$queryRaw`SELECT 1`;
      return true;
    } catch {
      return false;
    }
  }
}
