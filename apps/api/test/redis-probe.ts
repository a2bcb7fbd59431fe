import { spawnSync } from 'node:child_process';

/** Where the tests look for Redis (TEST_REDIS_URL, else the local default). */
export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/**
 * Whether a Redis answers PING at TEST_REDIS_URL, asked synchronously (in a child process) so a
 * spec can decide at load time to skip what needs Redis, and say so in the test name.
 */
export function redisAnswers(url = TEST_REDIS_URL): boolean {
  const { hostname, port } = new URL(url);
  const script = `
    const s = require('node:net').connect(${Number(port || 6379)}, ${JSON.stringify(hostname || '127.0.0.1')}, () => s.write('PING\\r\\n'));
    s.setTimeout(1500, () => process.exit(1));
    s.on('data', (d) => process.exit(String(d).startsWith('+PONG') ? 0 : 1));
    s.on('error', () => process.exit(1));`;
  return spawnSync(process.execPath, ['-e', script], { timeout: 3000 }).status === 0;
}
