import { backoffDelay, MAX_BACKOFF_MS, parseRetryAfter } from './backoff';

describe('delivery backoff', () => {
  it('doubles from the base, jittered between half and all of it, and stops growing at the cap', () => {
    const low = [1, 2, 3, 4].map((n) => backoffDelay(n, 1000, () => 0));
    const high = [1, 2, 3, 4].map((n) => backoffDelay(n, 1000, () => 1));
    expect(low).toEqual([500, 1000, 2000, 4000]);
    expect(high).toEqual([1000, 2000, 4000, 8000]);
    const mid = backoffDelay(3, 1000, () => 0.5);
    expect(mid).toBe(3000);
    expect(backoffDelay(40, 1000, () => 1)).toBe(MAX_BACKOFF_MS);
  });

  it('waits at least what Retry-After asks, in seconds or as a date', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(backoffDelay(1, 1000, () => 0, parseRetryAfter('30', now))).toBe(30_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(backoffDelay(1, 1000, () => 0, parseRetryAfter('0', now))).toBe(500);
  });
});
