import { spawn } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';
import type { DatabaseLogLevel } from './logger';
import { isAlive } from './postmaster-lock';
import { isRoot } from './postgres-user';

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function waitUntil(
  condition: () => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('startEmbeddedPostgres', () => {
  let root: string;
  const servers: EmbeddedPostgres[] = [];
  const logs: { level: DatabaseLogLevel; message: string }[] = [];
  const logger = (level: DatabaseLogLevel, message: string) => logs.push({ level, message });
  const start = async (dataDir: string, port?: number) => {
    const server = await startEmbeddedPostgres({ dataDir, logger, ...(port ? { port } : {}) });
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'palisade-embedded-spec-'));
  });
  afterAll(async () => {
    for (const server of servers) await server.stop();
    await fs.rm(root, { recursive: true, force: true });
  });

  it('initialises a data dir on first start, keeps its data across restart, stop and start, and logs through the logger only', async () => {
    const consoleLog = jest.spyOn(console, 'log');
    const consoleError = jest.spyOn(console, 'error');
    const dataDir = path.join(root, 'kept');

    const server = await start(dataDir);
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toContain(`@127.0.0.1:${server.port}/postgres`);
    await query(
      server.url,
      `CREATE TABLE kept (value text); INSERT INTO kept VALUES ('written before restarts')`,
    );

    await server.restart();
    expect(server.url).toContain(`:${server.port}/`);
    expect(await query(server.url, 'SELECT value FROM kept')).toEqual([
      { value: 'written before restarts' },
    ]);

    await server.stop();
    await expect(query(server.url, 'SELECT 1')).rejects.toThrow(/ECONNREFUSED/);
    await server.stop(); // idempotent

    const again = await start(dataDir);
    expect(await query(again.url, 'SELECT value FROM kept')).toEqual([
      { value: 'written before restarts' },
    ]);
    await again.stop();

    expect(logs.filter((log) => log.message.startsWith('Initialising'))).toHaveLength(1);
    expect(logs.some((log) => log.level === 'debug' && log.message.startsWith('postgres: '))).toBe(
      true,
    );
    expect(consoleLog).not.toHaveBeenCalled();
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('starts again after the server crashed and left its postmaster.pid behind', async () => {
    const dataDir = path.join(root, 'crashed');
    const server = await start(dataDir);
    await query(server.url, `CREATE TABLE survivor (value int); INSERT INTO survivor VALUES (42)`);
    const lockFile = path.join(dataDir, 'postmaster.pid');
    const pid = Number((await fs.readFile(lockFile, 'utf8')).split('\n')[0]);

    process.kill(pid, 'SIGKILL');
    await waitUntil(() => !isAlive(pid), 'the killed server is gone');
    await waitUntil(
      () => logs.some((log) => log.level === 'error' && /exited unexpectedly/.test(log.message)),
      'the crash is logged',
    );
    expect((await fs.readFile(lockFile, 'utf8')).startsWith(`${pid}\n`)).toBe(true);

    const restarted = await start(dataDir, server.port);
    expect(await query(restarted.url, 'SELECT value FROM survivor')).toEqual([{ value: 42 }]);
    await restarted.stop();
  });

  it('removes a postmaster.pid whose pid now belongs to another process', async () => {
    const dataDir = path.join(root, 'kept');
    const lockFile = path.join(dataDir, 'postmaster.pid');
    // This test's own pid: alive, and not a postgres server (as after a container restart).
    await fs.writeFile(lockFile, `${process.pid}\n${dataDir}\n1700000000\n5432\n\n127.0.0.1\n`);

    const server = await start(dataDir);
    expect(await query(server.url, 'SELECT value FROM kept')).toEqual([
      { value: 'written before restarts' },
    ]);
    expect(
      logs.some(
        (log) =>
          log.level === 'warn' &&
          log.message.includes(`its pid ${process.pid} now belongs to another process`),
      ),
    ).toBe(true);
    await server.stop();
  });

  it('refuses a non-empty directory that is not a PostgreSQL data directory', async () => {
    const dataDir = path.join(root, 'not-a-data-dir');
    await fs.mkdir(dataDir);
    await fs.writeFile(path.join(dataDir, 'notes.txt'), 'mine');
    await expect(start(dataDir)).rejects.toThrow(
      `${dataDir} is not empty and is not a PostgreSQL data directory`,
    );
  });

  describe('ephemeral server of a process that ends', () => {
    // Starts a server from a separate Node process (TypeScript compiled on the fly by SWC).
    const owner = `
      const fs = require('node:fs');
      const swc = require('@swc/core');
      require.extensions['.ts'] = (module, file) => module._compile(swc.transformSync(fs.readFileSync(file, 'utf8'), {
        filename: file, module: { type: 'commonjs' }, jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
      }).code, file);
      const { startEmbeddedPostgres } = require(process.argv[1]);
      startEmbeddedPostgres({ dataDir: process.argv[2], ephemeral: true, keepProcessAlive: process.argv[3] === 'alive' })
        .then((server) => process.stdout.write(server.url + '\\n'));
    `;
    const startOwner = async (dataDir: string, mode: 'alive' | 'unref') => {
      const child = spawn(
        process.execPath,
        ['-e', owner, path.join(__dirname, 'embedded-postgres.ts'), dataDir, mode],
        {
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('\n')) resolve(output.trim());
        });
        child.once('exit', (code) =>
          reject(new Error(`owner exited with ${code} before the server was ready`)),
        );
      });
      return { child, url };
    };

    it('stops the server and deletes its data dir when the owning process is killed', async () => {
      // In os.tmpdir() itself: as root the server's OS user deletes the dir, which needs a parent it may write to.
      const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'palisade-ephemeral-spec-'));
      const { child, url } = await startOwner(dataDir, 'alive');
      expect(await query(url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);

      child.kill('SIGKILL');
      await waitUntil(() => !existsSync(dataDir), 'the data dir is deleted');
      await expect(query(url, 'SELECT 1')).rejects.toThrow(/ECONNREFUSED/);
    });

    it('lets the owning process exit while the server runs (keepProcessAlive: false), then stops it', async () => {
      const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'palisade-ephemeral-spec-'));
      const { child, url } = await startOwner(dataDir, 'unref');
      const exitCode = await new Promise((resolve) => child.once('exit', resolve));
      expect(exitCode).toBe(0);
      await waitUntil(() => !existsSync(dataDir), 'the data dir is deleted');
      await expect(query(url, 'SELECT 1')).rejects.toThrow(/ECONNREFUSED/);
    });
  });

  (isRoot() ? describe : describe.skip)('as root (the server runs as OS user postgres)', () => {
    it('makes our own directories on the way to the data dir searchable (o+x)', async () => {
      const privateDir = path.join(root, 'private');
      await fs.mkdir(privateDir, { mode: 0o700 });
      await fs.chmod(privateDir, 0o700);
      const server = await start(path.join(privateDir, 'nested', 'data'));
      expect((await fs.stat(privateDir)).mode & 0o777).toBe(0o701);
      expect(
        logs.some(
          (log) => log.level === 'warn' && log.message.startsWith(`Made ${privateDir} searchable`),
        ),
      ).toBe(true);
      await server.stop();
    });

    it('names a directory of another user that the postgres user cannot enter', async () => {
      const foreign = path.join(root, 'foreign');
      await fs.mkdir(foreign, { mode: 0o700 });
      await fs.chmod(foreign, 0o700);
      await fs.chown(foreign, 65534, 65534); // nobody
      await expect(start(path.join(foreign, 'data'))).rejects.toThrow(
        new RegExp(`cannot enter ${foreign} .*Run \`chmod o\\+x ${foreign}\``),
      );
    });
  });
});
