#!/usr/bin/env node
// Writes prisma/migrations/<UTC timestamp>_<name>/migration.sql: the SQL that takes a database
// built from the existing migrations to schema.prisma. (`prisma migrate dev --create-only`
// writes the file, then crashes in the WASM engine, so it cannot be scripted.)
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx nx run prisma:migrate-new --name=add_alert_rules
//
// DATABASE_URL names any database on a server where the role may CREATE DATABASE: the migrations
// are replayed into a throw-away shadow database there. Nothing else is touched.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const prismaDir = path.resolve(__dirname, '..');
const migrationsDir = path.join(prismaDir, 'migrations');

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const nameArg = process.argv.slice(2).find((arg) => arg.startsWith('--name='));
const name = nameArg ? nameArg.slice('--name='.length) : '';
if (!/^[a-z][a-z0-9_]*$/.test(name)) {
  fail('Usage: npx nx run prisma:migrate-new --name=<snake_case_name> (with DATABASE_URL set)');
}
if (!process.env.DATABASE_URL) {
  fail(
    'DATABASE_URL is not set: the migrations are replayed into a shadow database on that server.',
  );
}

const cli = path.join(path.dirname(require.resolve('prisma/package.json')), 'build', 'index.js');
const draft = path.join(migrationsDir, `.draft-${process.pid}.sql`);
const result = spawnSync(
  process.execPath,
  [
    cli,
    'migrate',
    'diff',
    '--config',
    path.join(prismaDir, 'prisma.config.ts'),
    '--from-migrations',
    migrationsDir,
    '--to-schema-datamodel',
    path.join(prismaDir, 'schema.prisma'),
    '--script',
    '--exit-code',
    '--output',
    draft,
  ],
  {
    cwd: path.dirname(prismaDir),
    encoding: 'utf8',
    env: { ...process.env, CHECKPOINT_DISABLE: '1' },
  },
);
const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
try {
  if (result.status === 0) {
    process.stdout.write('schema.prisma and prisma/migrations agree: no migration needed.\n');
  } else if (result.status === 2) {
    const now = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const target = path.join(migrationsDir, `${now}_${name}`);
    fs.mkdirSync(target);
    fs.renameSync(draft, path.join(target, 'migration.sql'));
    process.stdout.write(
      `Wrote ${path.relative(process.cwd(), path.join(target, 'migration.sql'))}: review it, then commit it.\n`,
    );
  } else {
    fail(`prisma migrate diff failed (exit code ${result.status}):\n${output}`);
  }
} finally {
  fs.rmSync(draft, { force: true });
}
