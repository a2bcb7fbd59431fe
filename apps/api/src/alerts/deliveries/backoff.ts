/** Waits stop growing here. */
export const MAX_BACKOFF_MS = 3_600_000;

/**
 * Wait before the next try after `attempt` failures (1-based): exponential from `baseMs`, with
 * "equal jitter" (half fixed, half random) so receivers coming back are not hit by every
 * sender at once, capped at MAX_BACKOFF_MS. A receiver's Retry-After is honoured when longer.
 */
export function backoffDelay(attempt: number, baseMs: number, random: () => number = Math.random, retryAfterMs?: number): number {
  const exponential = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(exponential / 2 + random() * (exponential / 2));
  return retryAfterMs !== undefined ? Math.min(MAX_BACKOFF_MS, Math.max(jittered, retryAfterMs)) : jittered;
}

/** Retry-After as seconds or an HTTP date, in ms from `now`. */
export function parseRetryAfter(header: string | null, now: Date): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
