import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { createClient } from 'redis';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** The answer when a sign-in must wait: how long. */
export class TooManyAttempts {
  constructor(readonly retryAfterSeconds: number) {}
}

/**
 * Brute-force throttling of sign-in and setup: failed attempts are counted per (username,
 * address) and per address; past LOGIN_MAX_FAILURES (per address: ten times that) the key is
 * blocked for LOGIN_BLOCK, even for the right password. A success clears its (username,
 * address) count. Counts live in Redis when REDIS_URL is set (shared by replicas), else in
 * this process.
 */
@Injectable()
export class LoginThrottle implements OnModuleDestroy {
  private readonly perUser: RateLimiterAbstract;
  private readonly perAddress: RateLimiterAbstract;
  private readonly redis?: ReturnType<typeof createClient>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { loginMaxFailures, loginBlockMs } = config.auth;
    const seconds = Math.max(1, Math.ceil(loginBlockMs / 1000));
    const perUser = { keyPrefix: 'palisade-login-user', points: loginMaxFailures, duration: seconds, blockDuration: seconds };
    const perAddress = { keyPrefix: 'palisade-login-ip', points: loginMaxFailures * 10, duration: seconds, blockDuration: seconds };
    if (config.replicas.redisUrl) {
      this.redis = createClient({ url: config.replicas.redisUrl, disableOfflineQueue: true });
      this.redis.on('error', () => undefined); // the memory insurance limiter answers meanwhile
      void this.redis.connect().catch(() => undefined);
      const redis = (options: typeof perUser) =>
        new RateLimiterRedis({ ...options, storeClient: this.redis, useRedisPackage: true, insuranceLimiter: new RateLimiterMemory(options) });
      this.perUser = redis(perUser);
      this.perAddress = redis(perAddress);
    } else {
      this.perUser = new RateLimiterMemory(perUser);
      this.perAddress = new RateLimiterMemory(perAddress);
    }
  }

  /** Throws TooManyAttempts while either key is blocked. */
  async check(username: string, address: string): Promise<void> {
    const [user, ip] = await Promise.all([this.perUser.get(userKey(username, address)), this.perAddress.get(address)]);
    const blocked = [
      { res: user, points: this.perUser.points },
      { res: ip, points: this.perAddress.points },
    ].flatMap(({ res, points }) => (res !== null && res.consumedPoints >= points ? [res] : []));
    if (blocked.length > 0) throw new TooManyAttempts(Math.max(1, Math.ceil(Math.max(...blocked.map((res) => res.msBeforeNext)) / 1000)));
  }

  async failed(username: string, address: string): Promise<void> {
    await Promise.all([
      this.perUser.penalty(userKey(username, address), 1),
      this.perAddress.penalty(address, 1),
    ]);
    // penalty() counts; block() makes the block last LOGIN_BLOCK from the failure that reached the limit.
    const [user, ip] = await Promise.all([this.perUser.get(userKey(username, address)), this.perAddress.get(address)]);
    if (user && user.consumedPoints >= this.perUser.points) await this.perUser.block(userKey(username, address), this.perUser.blockDuration);
    if (ip && ip.consumedPoints >= this.perAddress.points) await this.perAddress.block(address, this.perAddress.blockDuration);
  }

  async succeeded(username: string, address: string): Promise<void> {
    await this.perUser.delete(userKey(username, address));
  }

  async onModuleDestroy(): Promise<void> {
    if (this.redis?.isOpen) await this.redis.quit().catch(() => undefined);
  }
}

const userKey = (username: string, address: string) => `${username.toLowerCase()}|${address}`;
