import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server, ServerOptions } from 'socket.io';
import { LiveIoAdapter, LiveOrigins } from './live-io.adapter';

/**
 * socket.io over Redis pub/sub (REDIS_URL): an event emitted by the replica collecting a
 * cluster reaches browsers connected to any replica.
 */
export class RedisIoAdapter extends LiveIoAdapter {
  private readonly logger = new Logger(RedisIoAdapter.name);
  private adapterFactory?: ReturnType<typeof createAdapter>;
  private clients: ReadonlyArray<{ readonly isOpen: boolean; quit(): Promise<unknown> }> = [];

  constructor(
    app: INestApplicationContext,
    private readonly redisUrl: string,
    origins: LiveOrigins,
  ) {
    super(app, origins);
  }

  /** Connects both clients; throws when Redis does not answer, so a misconfiguration fails the boot. */
  async connect(): Promise<void> {
    const pub = createClient({ url: this.redisUrl, socket: { connectTimeout: 5000 } });
    const sub = pub.duplicate();
    // Without a listener an error would crash the process; the clients reconnect on their own.
    for (const [role, client] of [['publisher', pub], ['subscriber', sub]] as const) {
      client.on('error', (error: unknown) => this.logger.warn({ msg: 'Redis connection error; reconnecting', role, error: String(error) }));
    }
    this.clients = [pub, sub];
    await Promise.all([pub.connect(), sub.connect()]);
    this.adapterFactory = createAdapter(pub, sub, { key: 'palisade' });
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    if (!this.adapterFactory) throw new Error('RedisIoAdapter.connect() must be called before the app starts');
    server.adapter(this.adapterFactory);
    return server;
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    await Promise.all(this.clients.map((c) => (c.isOpen ? c.quit().catch(() => undefined) : undefined)));
  }
}
