import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@palisade/prisma-client';

export interface PrismaClientOptions {
  /** Pool size (pg's default: 10). */
  maxConnections?: number;
  /** Let the process exit while idle pooled connections remain open (tests). */
  allowExitOnIdle?: boolean;
}

/**
 * A Prisma client on the pg driver adapter (Prisma's WASM query compiler: no native engine).
 * Connections are opened lazily; call `$disconnect()` when done.
 */
export function createPrismaClient(url: string, options: PrismaClientOptions = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: url,
    ...(options.maxConnections !== undefined ? { max: options.maxConnections } : {}),
    ...(options.allowExitOnIdle ? { allowExitOnIdle: true } : {}),
  });
  return new PrismaClient({ adapter });
}
