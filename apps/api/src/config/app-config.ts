import { CNI_NAMES, parseControllerSetting, type CniMode, type ControllerSetting } from '@palisade/policy-engine';
import { CronTime } from 'cron';
import * as ipaddr from 'ipaddr.js';
import * as os from 'node:os';
import * as path from 'node:path';
import { z } from 'zod';
import { parseDuration } from './duration';

const duration = (name: string, min: number) =>
  z
    .string()
    .transform((text, ctx) => {
      const ms = parseDuration(text);
      if (ms === undefined || ms < min) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a duration like 30s, 5m or 1h (at least ${min / 1000}s)` });
        return z.NEVER;
      }
      return ms;
    });

/** 32 bytes, as 64 hex digits or base64. */
const secretKey = z.string().transform((text, ctx) => {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) {
    ctx.addIssue({ code: 'custom', message: 'PALISADE_SECRET_KEY must be 32 bytes, as 64 hex digits or base64 (e.g. `openssl rand -base64 32`)' });
    return z.NEVER;
  }
  return key;
});

const cron = (name: string) =>
  z.string().refine(
    (text) => {
      try {
        new CronTime(text, 'UTC');
        return true;
      } catch {
        return false;
      }
    },
    { message: `${name} must be a cron expression like "0 8 * * 1" (minute hour day month weekday, UTC)` },
  );

const port = z.coerce.number().int().min(1).max(65535);
const list = z
  .string()
  .transform((text) => text.split(',').map((s) => s.trim()).filter(Boolean));

/** An exact origin as browsers send it: scheme, host and port only (`https://ops.example.com`). */
const isOrigin = (text: string) => {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === text;
  } catch {
    return false;
  }
};
const isCidr = (text: string) => {
  try {
    ipaddr.parseCIDR(text);
    return true;
  } catch {
    return false;
  }
};
const flag = z.enum(['true', 'false']).default('false');

/** What PALISADE_CNI says: `auto` (detect), a plugin for every cluster, or per cluster name. */
export interface CniSetting {
  readonly default: CniMode | 'auto';
  readonly byCluster: Readonly<Record<string, CniMode | 'auto'>>;
}

const CNI_RULE = `PALISADE_CNI is auto, a plugin (${Object.keys(CNI_NAMES).join(', ')}) or cluster=plugin pairs, comma-separated (\`calico,edge=cilium\`)`;

const cniSetting = z
  .string()
  .trim()
  .default('auto')
  .transform((text, ctx): CniSetting => {
    const modeOf = (name: string): CniMode | 'auto' | undefined => (name === 'auto' ? 'auto' : Object.hasOwn(CNI_NAMES, name) ? CNI_NAMES[name] : undefined);
    let fallback: CniMode | 'auto' = 'auto';
    const byCluster: Record<string, CniMode | 'auto'> = {};
    for (const entry of text.split(',').map((s) => s.trim()).filter(Boolean)) {
      const [cluster, name] = entry.includes('=') ? entry.split('=', 2).map((s) => s.trim()) : [undefined, entry];
      const mode = modeOf(name.toLowerCase());
      if (mode === undefined || cluster === '') {
        ctx.addIssue({ code: 'custom', message: `${CNI_RULE}; not ${JSON.stringify(entry)}` });
        return z.NEVER;
      }
      if (cluster === undefined) fallback = mode;
      else byCluster[cluster] = mode;
    }
    return { default: fallback, byCluster };
  });

/** Usernames: what people type, no spaces or markup. */
export const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$/;
export const USERNAME_RULE = 'a username is 2-64 letters, digits, dots, dashes, underscores or @, starting with a letter or digit';

/** Every environment variable Palisade reads, with its default. Nothing else reads process.env. */
const environment = z.object({
  DATABASE_URL: z.string().url().optional(),
  PALISADE_DATA_DIR: z.string().default('.palisade'),
  API_PORT: port.default(4000),
  API_HOST: z.string().default('0.0.0.0'),
  CORS_ORIGINS: list
    .pipe(z.array(z.string().refine(isOrigin, { message: 'CORS_ORIGINS must be comma-separated origins like https://ops.example.com (scheme, host, port; no path or trailing slash)' })))
    .default([]),
  HSTS: flag,
  TRUST_PROXY: z.string().trim().min(1).default('loopback,linklocal,uniquelocal'),
  KUBECONFIG: z.string().optional(),
  PALISADE_CONTEXTS: list.optional(),
  PALISADE_DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
  PALISADE_DEMO_SPEED: z.coerce.number().positive().default(1),
  SNAPSHOT_INTERVAL: duration('SNAPSHOT_INTERVAL', 1000).prefault('5m'),
  SNAPSHOT_ON_CHANGE: duration('SNAPSHOT_ON_CHANGE', 0).prefault('30s'),
  EVALUATION_DEBOUNCE: duration('EVALUATION_DEBOUNCE', 0).prefault('100ms'),
  RETENTION_RAW: duration('RETENTION_RAW', 60_000).prefault('7d'),
  SCORE_CHANGE_THRESHOLD: z.coerce.number().min(0).max(100).default(5),
  EXCLUDED_NAMESPACES: list.default(['kube-system', 'kube-public', 'kube-node-lease']),
  CLUSTER_CIDRS: list.default([]),
  PALISADE_CNI: cniSetting,
  PALISADE_INGRESS_CONTROLLERS: z
    .string()
    .default('')
    .transform((text, ctx): ControllerSetting[] => {
      const settings: ControllerSetting[] = [];
      for (const entry of text.split(';').map((s) => s.trim()).filter(Boolean)) {
        const setting = parseControllerSetting(entry);
        if (typeof setting === 'string') {
          ctx.addIssue({ code: 'custom', message: `PALISADE_INGRESS_CONTROLLERS: ${setting} (several separated by ;); not ${JSON.stringify(entry)}` });
          return z.NEVER;
        }
        settings.push(setting);
      }
      return settings;
    }),
  ALERT_GRACE: duration('ALERT_GRACE', 0).prefault('2m'),
  ALERT_WEBHOOK_URL: z.url({ protocol: /^https?$/, message: 'ALERT_WEBHOOK_URL must be an http(s) URL' }).optional(),
  ALERT_WEBHOOK_SECRET: z.string().min(1).optional(),
  ALERT_DELIVERY_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
  ALERT_RETRY_BASE: duration('ALERT_RETRY_BASE', 10).prefault('5s'),
  ALERT_DELIVERY_TIMEOUT: duration('ALERT_DELIVERY_TIMEOUT', 100).prefault('10s'),
  ALERT_ALLOW_PRIVATE_TARGETS: z
    .string()
    .trim()
    .default('false')
    .transform((text, ctx): boolean | string[] => {
      if (text === 'true' || text === 'false') return text === 'true';
      const cidrs = text.split(',').map((s) => s.trim()).filter(Boolean);
      const bad = cidrs.filter((c) => !isCidr(c));
      if (bad.length > 0) {
        ctx.addIssue({ code: 'custom', message: `ALERT_ALLOW_PRIVATE_TARGETS must be true, false or comma-separated CIDRs (not ${bad.join(', ')})` });
        return z.NEVER;
      }
      return cidrs;
    }),
  PALISADE_SECRET_KEY: secretKey.optional(),
  PALISADE_PUBLIC_URL: z.url({ protocol: /^https?$/, message: 'PALISADE_PUBLIC_URL must be an http(s) URL' }).optional(),
  // The dashboard's port: the default PALISADE_PUBLIC_URL follows it.
  PORT: port.default(3000),
  REPORT_CRON: cron('REPORT_CRON').default('0 8 * * 1'),
  REPORT_PERIOD: duration('REPORT_PERIOD', 3_600_000).prefault('7d'),
  REPORT_RECIPIENTS: list.pipe(z.array(z.email({ message: 'REPORT_RECIPIENTS must be comma-separated email addresses' }))).default([]),
  SMTP_URL: z.url({ protocol: /^smtps?$/, message: 'SMTP_URL must be an smtp:// or smtps:// URL (smtp://user:password@host:587)' }).optional(),
  SMTP_FROM: z.string().min(3).default('Palisade <palisade@localhost>'),
  REDIS_URL: z.url({ protocol: /^rediss?$/, message: 'REDIS_URL must be a redis:// or rediss:// URL' }).optional(),
  PALISADE_REPLICA_ID: z.string().min(1).max(200).optional(),
  CLUSTER_LOCK_RETRY: duration('CLUSTER_LOCK_RETRY', 100).prefault('5s'),
  SHUTDOWN_TIMEOUT: duration('SHUTDOWN_TIMEOUT', 1000).prefault('30s'),
  PALISADE_ADMIN_USERNAME: z.string().trim().regex(USERNAME, USERNAME_RULE).optional(),
  PALISADE_ADMIN_PASSWORD: z.string().min(12, 'PALISADE_ADMIN_PASSWORD must be at least 12 characters').optional(),
  PALISADE_BOOTSTRAP_TOKEN: z.string().min(24, 'PALISADE_BOOTSTRAP_TOKEN must be at least 24 characters (e.g. `openssl rand -hex 24`)').optional(),
  SESSION_TTL: duration('SESSION_TTL', 60_000).prefault('12h'),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  LOGIN_BLOCK: duration('LOGIN_BLOCK', 1000).prefault('15m'),
  OIDC_ISSUER_URL: z.url({ protocol: /^https?$/, message: 'OIDC_ISSUER_URL must be the issuer\'s http(s) URL' }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_SCOPES: z.string().default('openid profile email'),
  OIDC_LABEL: z.string().min(1).max(60).default('single sign-on'),
  OIDC_GROUPS_CLAIM: z.string().min(1).default('groups'),
  OIDC_ADMIN_GROUPS: list.default([]),
  OIDC_OPERATOR_GROUPS: list.default([]),
  OIDC_VIEWER_GROUPS: list.default([]),
  OIDC_DEFAULT_ROLE: z.enum(['viewer', 'operator', 'admin', 'none']).default('viewer'),
  METRICS_NAMESPACE_LIMIT: z.coerce.number().int().min(0).max(100_000).default(500),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: flag,
  // Kubernetes service-account mount, present when running in a cluster.
  KUBERNETES_SERVICE_HOST: z.string().optional(),
});

export type Environment = z.input<typeof environment>;

export interface AppConfig {
  readonly database: { readonly url?: string; readonly dataDir: string };
  readonly http: {
    readonly port: number;
    readonly host: string;
    /** Browser origins allowed to call the API and socket.io cross-origin (none: no CORS headers at all). */
    readonly corsOrigins: readonly string[];
    /** Send Strict-Transport-Security: only when browsers reach Palisade over TLS. */
    readonly hsts: boolean;
    /**
     * Proxies whose X-Forwarded-For names the client (sign-in throttling, audit): Express's
     * `trust proxy` (addresses, CIDRs or loopback/linklocal/uniquelocal); false: none.
     */
    readonly trustProxy: string | false;
  };
  readonly kubernetes: {
    readonly kubeconfig?: string;
    readonly contexts?: readonly string[];
    readonly inCluster: boolean;
    readonly demo: 'auto' | 'on' | 'off';
    readonly demoSpeed: number;
  };
  readonly snapshots: {
    readonly intervalMs: number;
    /** A change is stored at most this long after it is seen (0: only on schedule and demand). */
    readonly onChangeMs: number;
    readonly retainRawMs: number;
    readonly scoreChangeThreshold: number;
  };
  readonly evaluation: {
    readonly debounceMs: number;
    readonly excludedNamespaces: readonly string[];
    readonly clusterCidrs: readonly string[];
    /** Which plugin's semantics to evaluate each cluster with (auto: detected). */
    readonly cni: CniSetting;
    /** Ingress and Gateway controllers beyond the built-in ones. */
    readonly ingressControllers: readonly ControllerSetting[];
  };
  readonly alerts: {
    /** How long a condition must last before its alert fires. */
    readonly graceMs: number;
    /** ALERT_WEBHOOK_URL: a channel receiving every alert when no rule is configured. */
    readonly defaultWebhook?: { readonly url: string; readonly secret?: string };
    readonly deliveryAttempts: number;
    readonly retryBaseMs: number;
    readonly deliveryTimeoutMs: number;
    /**
     * Private and loopback receivers channels may reach (true: all, a list: these CIDRs, false:
     * none). Link-local and cloud metadata addresses are refused whatever this says.
     */
    readonly allowPrivateTargets: boolean | readonly string[];
    /** Encrypts channel secrets at rest; unset: a key generated once in the data dir. */
    readonly secretKey?: Buffer;
    /** The dashboard's address, for links in notifications. */
    readonly publicUrl: string;
  };
  readonly reports: {
    /** When the weekly job runs (cron, UTC). */
    readonly cron: string;
    /** How far back a scheduled report (and a manual one without `from`) looks. */
    readonly periodMs: number;
    /** Who receives the scheduled reports (none: reports are stored, not emailed). */
    readonly recipients: readonly string[];
    /** SMTP server for report emails; unset: no email. */
    readonly smtpUrl?: string;
    readonly smtpFrom: string;
  };
  readonly replicas: {
    /** Names this process in logs, /api/ready and metrics (default: host name and pid). */
    readonly replicaId: string;
    /** socket.io events reach clients of every replica through Redis; unset: this replica's clients only. */
    readonly redisUrl?: string;
    /** How often a replica that does not collect a cluster tries to take it over. */
    readonly lockRetryMs: number;
  };
  readonly shutdown: {
    /** After SIGTERM, the process exits by then even if work is still in flight. */
    readonly timeoutMs: number;
  };
  readonly metrics: {
    /** The worst namespaces per cluster exported as palisade_namespace_score (bounds cardinality). */
    readonly namespaceLimit: number;
  };
  readonly auth: {
    /** Creates this admin at start when no admin exists. */
    readonly initialAdmin?: { readonly username: string; readonly password: string };
    /** Seeds an admin API token with this secret (automation). */
    readonly bootstrapToken?: string;
    readonly sessionTtlMs: number;
    /** Secure cookies: browsers reach the dashboard over https. */
    readonly secureCookies: boolean;
    /** Failed sign-ins per username and address before it is blocked for loginBlockMs. */
    readonly loginMaxFailures: number;
    readonly loginBlockMs: number;
    readonly oidc?: OidcConfig;
  };
  readonly log: { readonly level: string; readonly pretty: boolean };
}

export interface OidcConfig {
  readonly issuerUrl: string;
  readonly clientId: string;
  readonly clientSecret?: string;
  readonly scopes: string;
  readonly label: string;
  /** `<public URL>/api/auth/oidc/callback`: register it at the identity provider. */
  readonly redirectUrl: string;
  readonly groupsClaim: string;
  readonly adminGroups: readonly string[];
  readonly operatorGroups: readonly string[];
  readonly viewerGroups: readonly string[];
  /** The role of someone in none of the groups; none: they cannot sign in. */
  readonly defaultRole: 'viewer' | 'operator' | 'admin' | 'none';
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Validates the environment once, listing every bad variable, into a typed config. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): AppConfig {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if ((e.PALISADE_ADMIN_USERNAME === undefined) !== (e.PALISADE_ADMIN_PASSWORD === undefined)) {
    problems.push('PALISADE_ADMIN_USERNAME and PALISADE_ADMIN_PASSWORD: set both or neither');
  }
  if ((e.OIDC_ISSUER_URL === undefined) !== (e.OIDC_CLIENT_ID === undefined)) {
    problems.push('OIDC_ISSUER_URL and OIDC_CLIENT_ID: set both to enable single sign-on, or neither');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const publicUrl = (e.PALISADE_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    database: { url: e.DATABASE_URL, dataDir: path.resolve(e.PALISADE_DATA_DIR) },
    http: { port: e.API_PORT, host: e.API_HOST, corsOrigins: e.CORS_ORIGINS, hsts: e.HSTS === 'true', trustProxy: e.TRUST_PROXY === 'false' ? false : e.TRUST_PROXY },
    kubernetes: {
      kubeconfig: e.KUBECONFIG,
      contexts: e.PALISADE_CONTEXTS,
      inCluster: e.KUBERNETES_SERVICE_HOST !== undefined,
      demo: e.PALISADE_DEMO,
      demoSpeed: e.PALISADE_DEMO_SPEED,
    },
    snapshots: {
      intervalMs: e.SNAPSHOT_INTERVAL,
      onChangeMs: e.SNAPSHOT_ON_CHANGE,
      retainRawMs: e.RETENTION_RAW,
      scoreChangeThreshold: e.SCORE_CHANGE_THRESHOLD,
    },
    evaluation: {
      debounceMs: e.EVALUATION_DEBOUNCE,
      excludedNamespaces: e.EXCLUDED_NAMESPACES,
      clusterCidrs: e.CLUSTER_CIDRS,
      cni: e.PALISADE_CNI,
      ingressControllers: e.PALISADE_INGRESS_CONTROLLERS,
    },
    alerts: {
      graceMs: e.ALERT_GRACE,
      ...(e.ALERT_WEBHOOK_URL ? { defaultWebhook: { url: e.ALERT_WEBHOOK_URL, ...(e.ALERT_WEBHOOK_SECRET ? { secret: e.ALERT_WEBHOOK_SECRET } : {}) } } : {}),
      deliveryAttempts: e.ALERT_DELIVERY_ATTEMPTS,
      retryBaseMs: e.ALERT_RETRY_BASE,
      deliveryTimeoutMs: e.ALERT_DELIVERY_TIMEOUT,
      allowPrivateTargets: e.ALERT_ALLOW_PRIVATE_TARGETS,
      ...(e.PALISADE_SECRET_KEY ? { secretKey: e.PALISADE_SECRET_KEY } : {}),
      publicUrl,
    },
    reports: {
      cron: e.REPORT_CRON,
      periodMs: e.REPORT_PERIOD,
      recipients: e.REPORT_RECIPIENTS,
      ...(e.SMTP_URL ? { smtpUrl: e.SMTP_URL } : {}),
      smtpFrom: e.SMTP_FROM,
    },
    replicas: {
      replicaId: e.PALISADE_REPLICA_ID ?? `${os.hostname()}-${process.pid}`,
      ...(e.REDIS_URL ? { redisUrl: e.REDIS_URL } : {}),
      lockRetryMs: e.CLUSTER_LOCK_RETRY,
    },
    shutdown: { timeoutMs: e.SHUTDOWN_TIMEOUT },
    metrics: { namespaceLimit: e.METRICS_NAMESPACE_LIMIT },
    auth: {
      ...(e.PALISADE_ADMIN_USERNAME && e.PALISADE_ADMIN_PASSWORD ? { initialAdmin: { username: e.PALISADE_ADMIN_USERNAME, password: e.PALISADE_ADMIN_PASSWORD } } : {}),
      ...(e.PALISADE_BOOTSTRAP_TOKEN ? { bootstrapToken: e.PALISADE_BOOTSTRAP_TOKEN } : {}),
      sessionTtlMs: e.SESSION_TTL,
      secureCookies: e.COOKIE_SECURE === 'auto' ? publicUrl.startsWith('https:') : e.COOKIE_SECURE === 'true',
      loginMaxFailures: e.LOGIN_MAX_FAILURES,
      loginBlockMs: e.LOGIN_BLOCK,
      ...(e.OIDC_ISSUER_URL && e.OIDC_CLIENT_ID
        ? {
            oidc: {
              issuerUrl: e.OIDC_ISSUER_URL,
              clientId: e.OIDC_CLIENT_ID,
              ...(e.OIDC_CLIENT_SECRET ? { clientSecret: e.OIDC_CLIENT_SECRET } : {}),
              scopes: e.OIDC_SCOPES,
              label: e.OIDC_LABEL,
              redirectUrl: `${publicUrl}/api/auth/oidc/callback`,
              groupsClaim: e.OIDC_GROUPS_CLAIM,
              adminGroups: e.OIDC_ADMIN_GROUPS,
              operatorGroups: e.OIDC_OPERATOR_GROUPS,
              viewerGroups: e.OIDC_VIEWER_GROUPS,
              defaultRole: e.OIDC_DEFAULT_ROLE,
            },
          }
        : {}),
    },
    log: { level: e.LOG_LEVEL, pretty: e.LOG_PRETTY === 'true' },
  };
}

/** Injection token of the AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
