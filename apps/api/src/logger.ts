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
