import pg from 'pg';
import { databaseName, quoteIdentifier, redactUrl, withDatabase } from './connection-url';

const CONNECT_TIMEOUT_MS = 10_000;

/** Runs `fn` on a fresh connection to `url` and closes it. */
export async function withConnection<T>(
  url: string,
  fn: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  // A server shutting down while we are connected must not crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`Cannot connect to PostgreSQL at ${redactUrl(url)}: ${errorMessage(error)}`, {
      cause: error,
    });
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Creates the database `url` names unless it exists. Connects to the database itself first (a
 * role may lack access to `postgres`), then to the maintenance database to create it.
 */
export async function ensureDatabase(url: string): Promise<'existed' | 'created'> {
  const name = databaseName(url);
  try {
    await withConnection(url, async () => undefined);
    return 'existed';
  } catch (error) {
    if (pgErrorCode(error) !== INVALID_CATALOG_NAME) throw error;
  }
  await withConnection(withDatabase(url, 'postgres'), async (client) => {
    try {
      await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
    } catch (error) {
      // Another process created it meanwhile.
      if (pgErrorCode(error) !== DUPLICATE_DATABASE) throw error;
    }
  });
  return 'created';
}

const INVALID_CATALOG_NAME = '3D000';
const DUPLICATE_DATABASE = '42P04';

/** The SQLSTATE of a pg error, also when wrapped as a `cause`. */
export function pgErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return undefined;
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
