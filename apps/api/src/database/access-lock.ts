import type { Db, Tx } from './prisma';

/**
 * Runs `work` in a transaction that first takes one transaction-level advisory lock shared by
 * every change to accounts (setup, role changes, disabling, deleting): simultaneous changes run
 * one after the other, each seeing what the previous committed, so "at least one admin remains"
 * holds without serialization failures (which, with the pg adapter, can also leave a pooled
 * connection checked out when they happen at commit).
 */
export function accessLocked<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext('palisade:access'))`;
    return work(tx);
  });
}

/** A unique constraint refused the write (Prisma P2002, SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  const { code, message } = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; message?: unknown };
  return code === 'P2002' || code === '23505' || (typeof message === 'string' && /unique constraint/i.test(message));
}
