export {
  startEmbeddedPostgres,
  type EmbeddedPostgres,
  type EmbeddedPostgresOptions,
} from './lib/embedded-postgres';
export {
  EMBEDDED_DATABASE_NAME,
  resolveDatabase,
  type ResolveDatabaseOptions,
  type ResolvedDatabase,
} from './lib/resolve-database';
export { migrateDatabase, type MigrateOptions } from './lib/migrate-database';
export { createPrismaClient, type PrismaClientOptions } from './lib/prisma-client';
export type { DatabaseLogger, DatabaseLogLevel } from './lib/logger';
// The generated client (prisma/generated, built by `nx run prisma:generate`). `Prisma` holds the
// error classes (Prisma.PrismaClientKnownRequestError, code P2002 ...) and JSON helpers.
export { Prisma, PrismaClient } from '@palisade/prisma-client';
export type {
  ChangeEvent,
  Cluster,
  ObjectVersion,
  ScoreVersion,
  Snapshot,
} from '@palisade/prisma-client';
