import type { PrismaClient } from '@palisade/prisma-client';

/** Injection token of the PrismaClient, created at boot once the database is ready. */
export const PRISMA = Symbol('PRISMA');

export type Db = PrismaClient;
/** The client inside an interactive transaction. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
