import { ConfigError, loadConfig } from './app-config';
import { parseDuration } from './duration';

describe('configuration', () => {
  it('has working defaults for a newcomer: embedded database, port 4000, demo when nothing is configured', () => {
    const config = loadConfig({});
    expect(config.database.url).toBeUndefined();
    expect(config.http.port).toBe(4000);
    expect(config.kubernetes.demo).toBe('auto');
    expect(config.snapshots.intervalMs).toBe(5 * 60_000);
    expect(config.snapshots.retainRawMs).toBe(7 * 86_400_000);
    expect(config.evaluation.excludedNamespaces).toEqual(['kube-system', 'kube-public', 'kube-node-lease']);
  });

  it('reads durations, lists and ports', () => {
    const config = loadConfig({ SNAPSHOT_INTERVAL: '30s', PALISADE_CONTEXTS: 'prod-eu, prod-us', API_PORT: '8080', CLUSTER_CIDRS: '10.0.0.0/8' });
    expect(config.snapshots.intervalMs).toBe(30_000);
    expect(config.kubernetes.contexts).toEqual(['prod-eu', 'prod-us']);
    expect(config.http.port).toBe(8080);
    expect(config.evaluation.clusterCidrs).toEqual(['10.0.0.0/8']);
  });

  it('detects each cluster\'s network plugin unless PALISADE_CNI names it, for all clusters or per cluster name', () => {
    expect(loadConfig({}).evaluation.cni).toEqual({ default: 'auto', byCluster: {} });
    expect(loadConfig({ PALISADE_CNI: 'Calico, edge=cilium, lab = auto, old=flannel' }).evaluation.cni).toEqual({
      default: 'calico',
      byCluster: { edge: 'cilium', lab: 'auto', old: 'none' },
    });
    for (const bad of ['weavenet', 'edge=', '=cilium', 'toString', 'edge=constructor']) {
      expect(() => loadConfig({ PALISADE_CNI: bad })).toThrow(/PALISADE_CNI is auto, a plugin \(generic, kubernetes/);
    }
  });

  it('reads the ingress controllers the built-in table lacks, and refuses a malformed one', () => {
    expect(loadConfig({}).evaluation.ingressControllers).toEqual([]);
    expect(loadConfig({ PALISADE_INGRESS_CONTROLLERS: 'example.com/edge=app=edge@edge; example.com/b=app.kubernetes.io/name=b' }).evaluation.ingressControllers).toEqual([
      { controller: 'example.com/edge', podLabels: { app: 'edge' }, namespace: 'edge' },
      { controller: 'example.com/b', podLabels: { 'app.kubernetes.io/name': 'b' } },
    ]);
    expect(() => loadConfig({ PALISADE_INGRESS_CONTROLLERS: 'example.com/edge' })).toThrow(/PALISADE_INGRESS_CONTROLLERS: an ingress controller is CONTROLLER=LABEL=VALUE/);
  });

  it('lists every bad variable at once', () => {
    try {
      loadConfig({ API_PORT: 'eighty', SNAPSHOT_INTERVAL: 'often', DATABASE_URL: 'not a url', PALISADE_DEMO: 'maybe' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      for (const name of ['API_PORT', 'SNAPSHOT_INTERVAL', 'DATABASE_URL', 'PALISADE_DEMO']) expect(problems).toContain(name);
      expect(problems).toContain('SNAPSHOT_INTERVAL must be a duration like 30s, 5m or 1h');
    }
  });

  it('parses durations', () => {
    expect([parseDuration('200ms'), parseDuration('2m'), parseDuration('1.5h'), parseDuration('7d'), parseDuration('45')]).toEqual([200, 120_000, 5_400_000, 604_800_000, 45_000]);
    expect(parseDuration('soon')).toBeUndefined();
  });

  it('defaults alerting to a 2 minute grace with no default channel, and reads the webhook and the secret key', () => {
    const defaults = loadConfig({});
    expect(defaults.alerts.graceMs).toBe(120_000);
    expect(defaults.alerts.defaultWebhook).toBeUndefined();
    expect(defaults.alerts.secretKey).toBeUndefined();
    const hexKey = 'ab'.repeat(32);
    const config = loadConfig({ ALERT_GRACE: '2s', ALERT_WEBHOOK_URL: 'https://hooks.example/x', ALERT_WEBHOOK_SECRET: 's3cret', PALISADE_SECRET_KEY: hexKey });
    expect(config.alerts.graceMs).toBe(2000);
    expect(config.alerts.defaultWebhook).toEqual({ url: 'https://hooks.example/x', secret: 's3cret' });
    expect(config.alerts.secretKey?.toString('hex')).toBe(hexKey);
    expect(loadConfig({ PALISADE_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') }).alerts.secretKey).toEqual(Buffer.alloc(32, 7));
  });

  it('refuses a secret key that is not 32 bytes and a webhook that is not http(s)', () => {
    expect(() => loadConfig({ PALISADE_SECRET_KEY: 'short', ALERT_WEBHOOK_URL: 'ftp://x' })).toThrow(/ALERT_WEBHOOK_URL must be an http\(s\) URL[\s\S]*PALISADE_SECRET_KEY must be 32 bytes/);
  });

  it('schedules weekly reports on Monday 08:00 UTC over 7 days, emailed only when recipients and SMTP are set', () => {
    const defaults = loadConfig({});
    expect(defaults.reports).toEqual({ cron: '0 8 * * 1', periodMs: 7 * 86_400_000, recipients: [], smtpFrom: 'Palisade <palisade@localhost>' });
    const config = loadConfig({ REPORT_CRON: '30 6 * * *', REPORT_RECIPIENTS: 'sec@example.com, audit@example.com', SMTP_URL: 'smtp://u:p@mail.example:587' });
    expect(config.reports.cron).toBe('30 6 * * *');
    expect(config.reports.recipients).toEqual(['sec@example.com', 'audit@example.com']);
    expect(config.reports.smtpUrl).toBe('smtp://u:p@mail.example:587');
  });

  it('refuses a bad cron expression, recipient or SMTP URL, naming each', () => {
    expect(() => loadConfig({ REPORT_CRON: 'every monday', REPORT_RECIPIENTS: 'sec@example.com,nobody', SMTP_URL: 'http://mail' })).toThrow(
      /REPORT_CRON must be a cron expression[\s\S]*REPORT_RECIPIENTS must be comma-separated email addresses[\s\S]*SMTP_URL must be an smtp/,
    );
  });

  it('runs as one replica without Redis by default, and reads the settings for several replicas', () => {
    const defaults = loadConfig({});
    expect(defaults.replicas.redisUrl).toBeUndefined();
    expect(defaults.replicas.lockRetryMs).toBe(5000);
    expect(defaults.replicas.replicaId).toMatch(/-\d+$/);
    expect(defaults.shutdown.timeoutMs).toBe(30_000);
    expect(defaults.metrics.namespaceLimit).toBe(500);
    const config = loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', PALISADE_REPLICA_ID: 'palisade-0', CLUSTER_LOCK_RETRY: '2s', SHUTDOWN_TIMEOUT: '10s', METRICS_NAMESPACE_LIMIT: '50' });
    expect(config.replicas).toEqual({ replicaId: 'palisade-0', redisUrl: 'redis://127.0.0.1:6379', lockRetryMs: 2000 });
    expect(config.shutdown.timeoutMs).toBe(10_000);
    expect(config.metrics.namespaceLimit).toBe(50);
    expect(() => loadConfig({ REDIS_URL: 'http://redis', SHUTDOWN_TIMEOUT: 'soon' })).toThrow(/REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL[\s\S]*SHUTDOWN_TIMEOUT must be a duration/);
  });

  it('allows no cross-origin caller and sends no HSTS by default; reads exact origins and the HSTS flag', () => {
    expect(loadConfig({}).http).toMatchObject({ corsOrigins: [], hsts: false, trustProxy: 'loopback,linklocal,uniquelocal' });
    expect(loadConfig({ TRUST_PROXY: 'false' }).http.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '10.1.0.0/16' }).http.trustProxy).toBe('10.1.0.0/16');
    const config = loadConfig({ CORS_ORIGINS: 'https://ops.example.com, http://localhost:5173', HSTS: 'true' });
    expect(config.http).toMatchObject({ corsOrigins: ['https://ops.example.com', 'http://localhost:5173'], hsts: true });
  });

  it('refuses a CORS origin with a path, a trailing slash or a wildcard, and an HSTS value that is not true or false', () => {
    for (const bad of ['https://ops.example.com/', 'https://ops.example.com/app', '*', 'ops.example.com']) {
      expect(() => loadConfig({ CORS_ORIGINS: bad })).toThrow(/CORS_ORIGINS must be comma-separated origins/);
    }
    expect(() => loadConfig({ HSTS: 'yes' })).toThrow(/HSTS/);
  });

  it('signs in with local accounts only by default: 12 h sessions, cookies Secure only behind https, 5 failures then a 15 min block', () => {
    const { auth } = loadConfig({});
    expect(auth).toEqual({ sessionTtlMs: 12 * 3_600_000, secureCookies: false, loginMaxFailures: 5, loginBlockMs: 15 * 60_000 });
    expect(loadConfig({ PALISADE_PUBLIC_URL: 'https://palisade.example.com' }).auth.secureCookies).toBe(true);
    expect(loadConfig({ PALISADE_PUBLIC_URL: 'https://palisade.example.com', COOKIE_SECURE: 'false' }).auth.secureCookies).toBe(false);
  });

  it('reads the first admin, the bootstrap token and single sign-on, deriving the redirect URI from the public URL', () => {
    const { auth } = loadConfig({
      PALISADE_ADMIN_USERNAME: 'ops-admin',
      PALISADE_ADMIN_PASSWORD: 'a long enough password',
      PALISADE_BOOTSTRAP_TOKEN: 'x'.repeat(32),
      PALISADE_PUBLIC_URL: 'https://palisade.example.com/',
      OIDC_ISSUER_URL: 'https://login.example.com/realms/ops',
      OIDC_CLIENT_ID: 'palisade',
      OIDC_CLIENT_SECRET: 'shh',
      OIDC_ADMIN_GROUPS: 'sec, platform',
    });
    expect(auth.initialAdmin).toEqual({ username: 'ops-admin', password: 'a long enough password' });
    expect(auth.bootstrapToken).toBe('x'.repeat(32));
    expect(auth.oidc).toMatchObject({
      issuerUrl: 'https://login.example.com/realms/ops',
      clientId: 'palisade',
      clientSecret: 'shh',
      redirectUrl: 'https://palisade.example.com/api/auth/oidc/callback',
      adminGroups: ['sec', 'platform'],
      defaultRole: 'viewer',
      scopes: 'openid profile email',
    });
  });

  it('refuses half a setting and weak secrets, naming each', () => {
    expect(() => loadConfig({ PALISADE_ADMIN_USERNAME: 'admin' })).toThrow(/PALISADE_ADMIN_USERNAME and PALISADE_ADMIN_PASSWORD: set both or neither/);
    expect(() => loadConfig({ OIDC_CLIENT_ID: 'palisade' })).toThrow(/OIDC_ISSUER_URL and OIDC_CLIENT_ID/);
    expect(() => loadConfig({ PALISADE_ADMIN_USERNAME: 'admin', PALISADE_ADMIN_PASSWORD: 'short' })).toThrow(/PALISADE_ADMIN_PASSWORD must be at least 12 characters/);
    expect(() => loadConfig({ PALISADE_BOOTSTRAP_TOKEN: 'abc' })).toThrow(/PALISADE_BOOTSTRAP_TOKEN must be at least 24 characters/);
    expect(() => loadConfig({ PALISADE_ADMIN_USERNAME: 'bad name', PALISADE_ADMIN_PASSWORD: 'a long enough password' })).toThrow(/a username is/);
  });
});
