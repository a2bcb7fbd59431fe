import pino, { Logger } from 'pino';
import type { AppConfig } from './config/app-config';

/** Paths that may hold secrets; pino replaces their values before anything is written. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.secret',
  '*.kubeconfig',
  '*.kubeconfigYaml',
  '*.databaseUrl',
  // Alert channels: webhook URLs carry tokens (Slack, Teams), HMAC and SMTP secrets.
  '*.webhookUrl',
  '*.secrets',
  '*.sealed',
  '*.secretKey',
  '*.pass',
  // Access: passwords and their hashes, session and CSRF tokens, API token secrets, OIDC.
  'req.headers["x-csrf-token"]',
  '*.passwordHash',
  '*.csrfToken',
  '*.setupToken',
  '*.bootstrapToken',
  '*.clientSecret',
  '*.initialAdmin',
  '*.code_verifier',
  '*.access_token',
  '*.id_token',
  '*.refresh_token',
];

/** Query parameters that carry credentials (OIDC callback, tokens some clients put in URLs). */
const SECRET_PARAMS = ['code', 'state', 'token', 'access_token', 'id_token', 'session_state'];

/** A request path with the values of credential-like query parameters replaced. */
export function redactQuery(url: string | undefined): string | undefined {
  const at = url?.indexOf('?') ?? -1;
  if (url === undefined || at < 0) return url;
  const params = new URLSearchParams(url.slice(at + 1));
  for (const name of SECRET_PARAMS) if (params.has(name)) params.set(name, '[redacted]');
  return `${url.slice(0, at)}?${params.toString()}`;
}

/** The parsed query of a request, with the same parameters redacted. */
export function redactQueryObject(query: unknown): unknown {
  if (typeof query !== 'object' || query === null) return query;
  return Object.fromEntries(Object.entries(query).map(([name, value]) => [name, SECRET_PARAMS.includes(name) ? '[redacted]' : value]));
}

/** Replaces the password of a connection URL, for messages that must name the database. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '[unparsable url]';
  }
}

export function createLogger(config: AppConfig['log']): Logger {
  return pino({
    level: config.level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    ...(config.pretty ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss' } } } : {}),
  });
}
