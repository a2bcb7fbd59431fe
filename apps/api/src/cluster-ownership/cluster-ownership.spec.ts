import { createTestDatabase, TestDatabase } from '@palisade/database/testing';
import { loadConfig } from '../config/app-config';
import { ClusterLocks, PgClusterLocks } from './cluster-locks';
import { ClusterOwnership } from './cluster-ownership.service';

const config = loadConfig({ CLUSTER_LOCK_RETRY: '100ms', PALISADE_REPLICA_ID: 'test', LOG_LEVEL: 'silent' });

/** Locks shared by several "replicas" of one test, with a switch to lose the session. */
class SharedLocks {
  readonly holders = new Map<string, FakeLocks>();
}

class FakeLocks implements ClusterLocks {
  private lostListeners: Array<() => void> = [];
  broken = false;
  constructor(private readonly shared: SharedLocks) {}
  async tryAcquire(name: string): Promise<boolean> {
    if (this.broken) throw new Error('connection refused');
    const holder = this.shared.holders.get(name);
    if (holder && holder !== this) return false;
    this.shared.holders.set(name, this);
    return true;
  }
  async release(name: string): Promise<void> {
    if (this.shared.holders.get(name) === this) this.shared.holders.delete(name);
  }
  async check(): Promise<void> {
    if (this.broken) throw new Error('connection reset');
  }
  onLost(listener: () => void): void {
    this.lostListeners.push(listener);
  }
  /** The session ended: PostgreSQL dropped every lock it held. */
  die(): void {
    for (const [name, holder] of this.shared.holders) if (holder === this) this.shared.holders.delete(name);
    for (const l of this.lostListeners) l();
  }
  async close(): Promise<void> {
    this.die();
  }
}

function recorder() {
  const log: string[] = [];
  const work = (name: string) => ({ acquired: () => void log.push(`+${name}`), released: () => void log.push(`-${name}`) });
  return { log, work };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('cluster ownership', () => {
  it('gives each cluster to one replica; the other takes it over when the holder dies', async () => {
    const shared = new SharedLocks();
    const [locksA, locksB] = [new FakeLocks(shared), new FakeLocks(shared)];
    const [a, b] = [new ClusterOwnership(config, locksA), new ClusterOwnership(config, locksB)];
    const [ra, rb] = [recorder(), recorder()];
    await a.follow('id-1', 'prod', ra.work('prod'));
    await b.follow('id-1', 'prod', rb.work('prod'));
    await wait(250);
    expect([a.owns('id-1'), b.owns('id-1')]).toEqual([true, false]);
    expect(rb.log).toEqual([]);
    // A's process is gone: its session ended, and it never answers again.
    locksA.broken = true;
    locksA.die();
    expect(a.owns('id-1')).toBe(false);
    expect(ra.log).toEqual(['+prod', '-prod']);
    await wait(250);
    expect(b.owns('id-1')).toBe(true);
    expect(rb.log).toEqual(['+prod']);
    await a.stop();
    await b.stop();
    expect(rb.log).toEqual(['+prod', '-prod']);
  });

  it('stops the work when the lock connection fails a check, and takes the cluster again once it answers', async () => {
    const locks = new FakeLocks(new SharedLocks());
    const ownership = new ClusterOwnership(config, locks);
    const { log, work } = recorder();
    await ownership.follow('id-1', 'prod', work('prod'));
    locks.broken = true;
    await wait(250);
    expect(ownership.owns('id-1')).toBe(false);
    locks.broken = false;
    await wait(250);
    expect(ownership.owns('id-1')).toBe(true);
    expect(log).toEqual(['+prod', '-prod', '+prod']);
    await ownership.stop();
  });

  it('on stop, stops the work before releasing the lock, and competes no more', async () => {
    const shared = new SharedLocks();
    const locks = new FakeLocks(shared);
    const ownership = new ClusterOwnership(config, locks);
    const order: string[] = [];
    await ownership.follow('id-1', 'prod', {
      acquired: () => void order.push('acquired'),
      released: async () => {
        await wait(20);
        order.push(`released (lock still held: ${shared.holders.get('prod') === locks})`);
      },
    });
    await ownership.stop();
    expect(order).toEqual(['acquired', 'released (lock still held: true)']);
    expect(shared.holders.size).toBe(0);
    await wait(250);
    expect(ownership.owns('id-1')).toBe(false);
  });
});

describe('PostgreSQL advisory locks', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('lets one session hold a cluster, frees it when that session ends, and tells the holder it lost it', async () => {
    const a = new PgClusterLocks(db.url, 'palisade test-a');
    const b = new PgClusterLocks(db.url, 'palisade test-b');
    let lost = 0;
    a.onLost(() => lost++);
    try {
      expect(await a.tryAcquire('prod')).toBe(true);
      expect(await b.tryAcquire('prod')).toBe(false);
      expect(await b.tryAcquire('staging')).toBe(true);
      // The holder's session is killed (as when its process dies).
      await db.prisma.$executeRawUnsafe(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'palisade test-a'`);
      await expect(a.check()).rejects.toThrow();
      expect(lost).toBe(1);
      // The killed backend releases its locks as it exits, a moment after the client saw it go.
      let acquired = false;
      for (const deadline = Date.now() + 10_000; !acquired && Date.now() < deadline; ) {
        acquired = await b.tryAcquire('prod');
        if (!acquired) await new Promise((r) => setTimeout(r, 50));
      }
      expect(acquired).toBe(true);
      await b.release('prod');
      expect(await a.tryAcquire('prod')).toBe(true);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
