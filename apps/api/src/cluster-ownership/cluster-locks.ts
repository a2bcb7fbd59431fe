import { Client } from 'pg';

/**
 * One lock per cluster, held by at most one replica at a time, released when the holder
 * releases it or its process dies.
 */
export interface ClusterLocks {
  tryAcquire(clusterName: string): Promise<boolean>;
  release(clusterName: string): Promise<void>;
  /** Throws when the locks may have been lost (the session behind them is gone). */
  check(): Promise<void>;
  /** Called when every lock held so far is lost at once (the session ended). */
  onLost(listener: () => void): void;
  /** Releases every lock. */
  close(): Promise<void>;
}

export const CLUSTER_LOCKS = Symbol('CLUSTER_LOCKS');

const KEY = `hashtext('palisade:collector:' || $1)`;

/**
 * PostgreSQL session advisory locks on one dedicated connection: Prisma's pool does not pin a
 * session to a caller, so the lock would be taken on one pooled connection and could never be
 * released on purpose. When this process dies, PostgreSQL ends its session and the locks go
 * with it; another replica's next try takes them.
 */
export class PgClusterLocks implements ClusterLocks {
  private client?: Client;
  private connecting?: Promise<Client>;
  private readonly lostListeners: Array<() => void> = [];

  constructor(
    private readonly url: string,
    /** Shown in pg_stat_activity, so an operator can tell which replica holds what. */
    private readonly applicationName: string,
    private readonly queryTimeoutMs = 5000,
  ) {}

  onLost(listener: () => void): void {
    this.lostListeners.push(listener);
  }

  async tryAcquire(clusterName: string): Promise<boolean> {
    const client = await this.connection();
    const result = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${KEY}) AS locked`, [clusterName]);
    return result.rows[0]?.locked === true;
  }

  async release(clusterName: string): Promise<void> {
    await this.client?.query(`SELECT pg_advisory_unlock(${KEY})`, [clusterName]);
  }

  async check(): Promise<void> {
    const client = this.client;
    if (!client) throw new Error('the lock connection is closed');
    try {
      await client.query('SELECT 1');
    } catch (error) {
      this.drop(client);
      throw error;
    }
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    // Ending the session releases every advisory lock it holds.
    await client?.end().catch(() => undefined);
  }

  private connection(): Promise<Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const client = new Client({
        connectionString: this.url,
        application_name: this.applicationName.slice(0, 63),
        keepAlive: true,
        query_timeout: this.queryTimeoutMs,
        connectionTimeoutMillis: this.queryTimeoutMs,
      });
      client.on('error', () => this.drop(client));
      client.on('end', () => this.drop(client));
      await client.connect();
      this.client = client;
      return client;
    })().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private drop(client: Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    void client.end().catch(() => undefined);
    for (const listener of this.lostListeners) listener();
  }
}

/** Without a shared database there is nobody to share with: this process holds every lock. */
export class InProcessClusterLocks implements ClusterLocks {
  private readonly held = new Set<string>();

  async tryAcquire(clusterName: string): Promise<boolean> {
    if (this.held.has(clusterName)) return false;
    this.held.add(clusterName);
    return true;
  }

  async release(clusterName: string): Promise<void> {
    this.held.delete(clusterName);
  }

  async check(): Promise<void> {
    return;
  }

  onLost(): void {
    return;
  }

  async close(): Promise<void> {
    this.held.clear();
  }
}
