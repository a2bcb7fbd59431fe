// `npm start`: runs the built API and web app together, each in its own process group, and
// stops both cleanly on Ctrl-C. `npm start` builds first (Nx skips what is up to date).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const apiPort = process.env.API_PORT ?? '4000';
const webPort = process.env.PORT ?? '3000';
const children = [];
let stopping = false;

function run(name, command, args, options) {
  // detached: a process group of its own, so stopping it stops its children too (next start).
  const child = spawn(command, args, { stdio: 'inherit', detached: true, ...options });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      process.stderr.write(`palisade: ${name} exited (${signal ?? code}); stopping\n`);
      void stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

async function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) {
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
  }
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : undefined)));
  process.exit(code);
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

const apiMain = join(root, 'dist', 'apps', 'api', 'main.js');
if (!existsSync(apiMain)) {
  process.stderr.write('palisade: the API is not built; run `npm run build` (npm start does it for you)\n');
  process.exit(1);
}
run('api', process.execPath, [apiMain], {
  cwd: root,
  env: { ...process.env, API_PORT: apiPort, LOG_PRETTY: process.env.LOG_PRETTY ?? 'true' },
});

const webDir = join(root, 'apps', 'web');
// The production image holds Next's standalone server (tools/scripts/runtime-layout.mjs); a
// workspace holds the regular build.
const standaloneServer = join(root, 'web', 'apps', 'web', 'server.js');
const webEnv = { ...process.env, PORT: webPort, API_URL: process.env.API_URL ?? `http://127.0.0.1:${apiPort}`, NEXT_TELEMETRY_DISABLED: '1' };
if (existsSync(standaloneServer)) {
  // HOSTNAME is where Next's standalone server listens; containers set it to their own name.
  run('web', process.execPath, [standaloneServer], { cwd: dirname(standaloneServer), env: { ...webEnv, HOSTNAME: '0.0.0.0' } });
} else if (existsSync(join(webDir, '.next', 'BUILD_ID'))) {
  run('web', process.execPath, [join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', webPort], { cwd: webDir, env: webEnv });
}
if (existsSync(standaloneServer) || existsSync(join(webDir, '.next', 'BUILD_ID'))) {
  process.stdout.write(`\nPalisade dashboard: http://localhost:${webPort}   API: http://localhost:${apiPort}/api (docs: /api/docs)\nCtrl-C stops both.\n\n`);
} else {
  process.stdout.write(`\nPalisade API: http://localhost:${apiPort}/api (docs: /api/docs). Ctrl-C stops it.\n\n`);
}
