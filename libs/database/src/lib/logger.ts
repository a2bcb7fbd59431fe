export type DatabaseLogLevel = 'debug' | 'info' | 'warn' | 'error';

/**
 * Where this library's logs go (it never writes to the console): PostgreSQL's own output at
 * `debug`, lifecycle events at `info`, repairs it made (permissions, stale lock files) at `warn`.
 * With pino: `(level, message) => logger[level](message)`.
 */
export type DatabaseLogger = (level: DatabaseLogLevel, message: string) => void;

export const silentLogger: DatabaseLogger = () => undefined;
