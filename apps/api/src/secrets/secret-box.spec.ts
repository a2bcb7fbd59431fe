import { randomBytes } from 'node:crypto';
import { SecretBox, SecretBoxError } from './secret-box';

describe('channel secrets sealed with AES-256-GCM', () => {
  const key = randomBytes(32);
  const box = new SecretBox(() => key);
  const secret = { url: 'https://hooks.slack.com/services/T000/B000/XXXXSECRET', secret: 'hmac-key' };

  it('opens what it sealed, and the sealed text reveals nothing of it', () => {
    const sealed = box.seal(secret);
    expect(box.open(sealed)).toEqual(secret);
    expect(sealed).not.toContain('XXXXSECRET');
    expect(sealed).not.toContain('hooks.slack.com');
    // A fresh IV each time: equal secrets do not seal equally.
    expect(box.seal(secret)).not.toBe(sealed);
  });

  it('refuses to open with another key, or a tampered value', () => {
    const sealed = box.seal(secret);
    expect(() => new SecretBox(() => randomBytes(32)).open(sealed)).toThrow(SecretBoxError);
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    raw[raw.length - 1] ^= 1;
    expect(() => box.open(`v1.${raw.toString('base64url')}`)).toThrow(SecretBoxError);
    expect(() => box.open('plain text')).toThrow(SecretBoxError);
  });
});
