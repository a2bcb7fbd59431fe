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
 * address), per address and per username from any address; past LOGIN_MAX_FAILURES (per
 * address: ten times that; per username: four times, against attackers rotating addresses) the
 * key is blocked for LOGIN_BLOCK, even for the right password. A success clears its (username,
 * address) count.
 *
 * The per-username block does not apply to an address the user has signed in from before
 * (`knownOrigin`), and failures from such an address do not count towards it: a stranger
 * rotating addresses can stop guesses at a username from new places, but cannot lock its owner
 * out of the places they use. Counts live in Redis when REDIS_URL is set (shared by replicas),
 * else in this process.
 */
@Injectable()
export class LoginThrottle implements OnModuleDestroy {
  private readonly perUserAtAddress: RateLimiterAbstract;
  private readonly perAddress: RateLimiterAbstract;
  private readonly perUsername: RateLimiterAbstract;
  private readonly redis?: ReturnType<typeof createClient>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { loginMaxFailures, loginBlockMs } = config.auth;
    const seconds = Math.max(1, Math.ceil(loginBlockMs / 1000));
    const perUserAtAddress = { keyPrefix: 'palisade-login-user', points: loginMaxFailures, duration: seconds, blockDuration: seconds };
    const perAddress = { keyPrefix: 'palisade-login-ip', points: loginMaxFailures * 10, duration: seconds, blockDuration: seconds };
    const perUsername = { keyPrefix: 'palisade-login-name', points: loginMaxFailures * 4, duration: seconds, blockDuration: seconds };
    if (config.replicas.redisUrl) {
      this.redis = createClient({ url: config.replicas.redisUrl, disableOfflineQueue: true });
      this.redis.on('error', () => undefined); // the memory insurance limiter answers meanwhile
      void this.redis.connect().catch(() => undefined);
      const redis = (options: typeof perUserAtAddress) =>
        new RateLimiterRedis({ ...options, storeClient: this.redis, useRedisPackage: true, insuranceLimiter: new RateLimiterMemory(options) });
      this.perUserAtAddress = redis(perUserAtAddress);
      this.perAddress = redis(perAddress);
      this.perUsername = redis(perUsername);
    } else {
      this.perUserAtAddress = new RateLimiterMemory(perUserAtAddress);
      this.perAddress = new RateLimiterMemory(perAddress);
      this.perUsername = new RateLimiterMemory(perUsername);
    }
  }

  /** Throws TooManyAttempts while any of the keys is blocked. */
  async check(username: string, address: string, knownOrigin = false): Promise<void> {
    const waits = await Promise.all(this.keys(username, address, knownOrigin).map(async ([limiter, key]) => {
      const res = await limiter.get(key);
      return res !== null && res.consumedPoints >= limiter.points ? res.msBeforeNext : 0;
    }));
    const wait = Math.max(...waits);
    if (wait > 0) throw new TooManyAttempts(Math.max(1, Math.ceil(wait / 1000)));
  }

  async failed(username: string, address: string, knownOrigin = false): Promise<void> {
    for (const [limiter, key] of this.keys(username, address, knownOrigin)) {
      // penalty() counts; block() makes the block last LOGIN_BLOCK from the failure that reached the limit.
      const res = await limiter.penalty(key, 1);
      if (res.consumedPoints >= limiter.points) await limiter.block(key, limiter.blockDuration);
    }
  }

  private keys(username: string, address: string, knownOrigin: boolean): [RateLimiterAbstract, string][] {
    const name = username.toLowerCase();
    return [
      [this.perUserAtAddress, `${name}|${address}`],
      [this.perAddress, address],
      ...(knownOrigin ? [] : ([[this.perUsername, name]] as [RateLimiterAbstract, string][])),
    ];
  }

  async succeeded(username: string, address: string): Promise<void> {
    await this.perUserAtAddress.delete(`${username.toLowerCase()}|${address}`);
  }

  async onModuleDestroy(): Promise<void> {
    if (this.redis?.isOpen) await this.redis.quit().catch(() => undefined);
  }
}
