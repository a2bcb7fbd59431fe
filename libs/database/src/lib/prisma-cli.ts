import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { redactPassword } from './connection-url';
import { silentLogger, type DatabaseLogger } from './logger';
import { prismaConfigFile } from './prisma-project';

export interface PrismaCliResult {
  exitCode: number | null;
  /** stdout and stderr, interleaved as printed, with the database password hidden. */
  output: string;
}

export interface PrismaCliOptions {
  databaseUrl: string;
  prismaDir: string;
  logger?: DatabaseLogger;
  timeoutMs?: number;
}

/**
 * Runs the Prisma CLI from node_modules in a child process with DATABASE_URL set and our config
 * file (which makes it use the WASM engines and the pg adapter: nothing is downloaded).
 */
export async function runPrismaCli(
  args: string[],
  options: PrismaCliOptions,
): Promise<PrismaCliResult> {
  const logger = options.logger ?? silentLogger;
  // createRequire, not require.resolve: a bundler rewrites bare require.resolve() calls.
  const cli = path.join(
    path.dirname(createRequire(__filename).resolve('prisma/package.json')),
    'build',
    'index.js',
  );
  const child = spawn(
    process.execPath,
    [cli, ...args, '--config', prismaConfigFile(options.prismaDir)],
    {
      cwd: path.dirname(options.prismaDir),
      env: {
        ...process.env,
        DATABASE_URL: options.databaseUrl,
        CHECKPOINT_DISABLE: '1',
        PRISMA_HIDE_UPDATE_MESSAGE: '1',
        NO_COLOR: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const timeoutMs = options.timeoutMs ?? 120_000;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  }).finally(() => clearTimeout(timer));

  output = redactPassword(output, options.databaseUrl);
  if (timedOut) output += `\n(killed after ${timeoutMs} ms)`;
  logger('debug', `prisma ${args.join(' ')} (exit ${exitCode}):\n${output.trim()}`);
  return { exitCode, output };
}
