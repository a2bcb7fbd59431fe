import { Logger, Provider } from '@nestjs/common';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { SecretBox } from './secret-box';

export const SECRET_BOX = Symbol('SECRET_BOX');

const logger = new Logger('SecretKey');

/**
 * PALISADE_SECRET_KEY, else a key generated once into `<data dir>/secret.key` (mode 0600) the
 * first time a secret is sealed or opened: a single install works out of the box; replicas must
 * share PALISADE_SECRET_KEY.
 */
export function loadOrCreateKey(config: AppConfig): Buffer {
  if (config.alerts.secretKey) return config.alerts.secretKey;
  const file = path.join(config.database.dataDir, 'secret.key');
  try {
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(32);
  fs.writeFileSync(file, key.toString('hex'), { mode: 0o600, flag: 'wx' });
  logger.warn({ msg: 'PALISADE_SECRET_KEY is not set: generated a key for channel secrets', file });
  return key;
}

export const secretBoxProvider: Provider = {
  provide: SECRET_BOX,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => {
    let key: Buffer | undefined;
    return new SecretBox(() => (key ??= loadOrCreateKey(config)));
  },
};
