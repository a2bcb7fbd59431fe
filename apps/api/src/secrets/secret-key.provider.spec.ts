import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Logger } from '@nestjs/common';
import { loadConfig } from '../config/app-config';
import { loadOrCreateKey } from './secret-key.provider';

describe('the key sealing channel secrets', () => {
  let dir: string;
  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-key-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is PALISADE_SECRET_KEY when set, and writes nothing', () => {
    const hex = 'cd'.repeat(32);
    expect(loadOrCreateKey(loadConfig({ PALISADE_SECRET_KEY: hex, PALISADE_DATA_DIR: dir })).toString('hex')).toBe(hex);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('is otherwise generated once into the data dir, readable by its owner only, and the same after a restart', () => {
    const config = loadConfig({ PALISADE_DATA_DIR: path.join(dir, 'data') });
    const first = loadOrCreateKey(config);
    expect(first).toHaveLength(32);
    const file = path.join(dir, 'data', 'secret.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadOrCreateKey(config).equals(first)).toBe(true);
  });
});
