import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';

export class SecretBoxError extends Error {}

/**
 * AES-256-GCM sealing of channel secrets: `v1.<base64url(iv | tag | ciphertext)>`. Opening with
 * another key (or a tampered value) fails instead of answering garbage.
 */
export class SecretBox {
  constructor(private readonly key: () => Buffer) {}

  seal(value: unknown): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key(), iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  open<T>(sealed: string): T {
    const [version, data] = sealed.split('.', 2);
    if (version !== VERSION || !data) throw new SecretBoxError('not a sealed secret');
    const raw = Buffer.from(data, 'base64url');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key(), raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      return JSON.parse(text) as T;
    } catch {
      throw new SecretBoxError('the channel secret cannot be decrypted: PALISADE_SECRET_KEY differs from the key it was sealed with');
    }
  }
}
