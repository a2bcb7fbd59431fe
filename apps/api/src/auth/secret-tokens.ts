import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret with a recognisable prefix (`pal_` for API tokens): 256 bits. */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/**
 * Session cookies, API tokens and the setup token are random 256-bit values: a fast hash is
 * enough to store them (nothing to brute-force), and it lets a lookup use a unique index.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
