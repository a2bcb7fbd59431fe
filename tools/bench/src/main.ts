import { fork, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchOptions, parseCni, parseFlags, USAGE, type BenchOptions } from './args';
import { writeClusterList, type ClusterSummary } from './generate';
import { measure, type EvaluationFigures, type MeasureEvent, type PairwiseFigures, type ParseFigures } from './measure';
import type { ClusterSize } from './plan';
import { detailsTable, resultsTable, targetLines, type BenchRow } from './table';

/**
 * `npm run bench`: generates synthetic clusters and times the engine on them (docs/design.md
 * "Targets"). Each size is generated in one child process and measured in another, so RSS
 * figures belong to that size alone and no garbage of a previous size is collected on its clock.
 */

const HEAP_FLAG = '--max-old-space-size=4096';

type ChildMessage =
  | { readonly kind: 'generated'; readonly summary: ClusterSummary; readonly ms: number }
  | MeasureEvent
  | { readonly kind: 'failed'; readonly error: string };

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

function sizeArgs(size: ClusterSize): string[] {
  return [
    '--pods', String(size.pods),
    '--policies', String(size.policies),
    '--namespaces', String(size.namespaces),
    '--cni', size.cni ?? 'generic',
  ];
}

function describeSize(size: ClusterSize): string {
  const cni = size.cni === undefined || size.cni === 'generic' ? '' : ` (${size.cni})`;
  return `${size.pods} pods / ${size.policies} policies / ${size.namespaces} namespaces${cni}`;
}

/** Generic clusters keep the names they always had, so dumps written before still compare. */
function dumpName(size: ClusterSize): string {
  const cni = size.cni === undefined || size.cni === 'generic' ? '' : `-${size.cni}`;
  return `cluster-${size.pods}-${size.policies}-${size.namespaces}${cni}.json`;
}

// --- Child side -------------------------------------------------------------------------------

/**
 * Hands a message to the parent and waits until it is out, since the next phase may block the
 * event loop for minutes. Run by hand (e.g. `--one FILE` under `node --cpu-prof`), a child
 * prints its messages as JSON instead.
 */
function send(message: ChildMessage): Promise<void> {
  return new Promise((resolvePromise) => {
    if (process.send === undefined) {
      process.stdout.write(`${JSON.stringify(message, null, 2)}\n`);
      resolvePromise();
    } else {
      process.send(message, () => resolvePromise());
    }
  });
}

/** Child: writes one cluster's List JSON to `file`, a megabyte at a time. */
async function generateChild(file: string, size: ClusterSize, seed: number | undefined): Promise<void> {
  const start = performance.now();
  const fd = openSync(file, 'w');
  let buffer: string[] = [];
  let buffered = 0;
  const flush = () => {
    writeSync(fd, buffer.join(''));
    buffer = [];
    buffered = 0;
  };
  let summary: ClusterSummary;
  try {
    summary = writeClusterList({ ...size, ...(seed !== undefined && { seed }) }, (chunk) => {
      buffer.push(chunk);
      buffered += chunk.length;
      if (buffered >= 1 << 20) flush();
    });
    flush();
  } finally {
    closeSync(fd);
  }
  await send({ kind: 'generated', summary, ms: performance.now() - start });
}

// --- Parent side ------------------------------------------------------------------------------

function childExecArgv(): string[] {
  return process.execArgv.some((a) => a.startsWith('--max-old-space-size')) ? process.execArgv : [...process.execArgv, HEAP_FLAG];
}

function forkSelf(args: readonly string[]): ChildProcess {
  return fork(process.argv[1], args, { execArgv: childExecArgv(), stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

function generate(file: string, size: ClusterSize, seed: number | undefined): Promise<{ summary: ClusterSummary; ms: number }> {
  const child = forkSelf(['--generate', file, ...sizeArgs(size), ...(seed !== undefined ? ['--seed', String(seed)] : [])]);
  return new Promise((resolvePromise, reject) => {
    let result: { summary: ClusterSummary; ms: number } | undefined;
    let failure: string | undefined;
    child.on('message', (raw) => {
      const message = raw as ChildMessage;
      if (message.kind === 'generated') result = message;
      else if (message.kind === 'failed') failure = message.error;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (result !== undefined && code === 0) resolvePromise(result);
      else reject(new Error(failure ?? `generator ended with ${signal ?? `exit code ${String(code)}`}`));
    });
  });
}

/** Linux's record of the most RSS a process ever had; null elsewhere. */
function highWaterMarkMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

interface Measured {
  readonly parse: ParseFigures;
  readonly evaluation: EvaluationFigures | null;
  readonly pairwise: PairwiseFigures | null;
  readonly stopped: BenchRow['stopped'];
}

/** Measures one dump in a fresh process; stops it after `timeoutS` seconds (0: never). */
function measureInChild(file: string, size: ClusterSize, pairwiseMax: number, timeoutS: number): Promise<Measured> {
  const child = forkSelf(['--one', file, ...sizeArgs(size), '--pairwise-max', String(pairwiseMax)]);
  return new Promise((resolvePromise, reject) => {
    let parse: ParseFigures | undefined;
    let evaluation: EvaluationFigures | null = null;
    let pairwise: PairwiseFigures | null = null;
    let failure: string | undefined;
    let stopped: BenchRow['stopped'] = null;
    let phaseStart = performance.now();
    child.on('message', (raw) => {
      const message = raw as ChildMessage;
      if (message.kind === 'parsed') {
        parse = message.figures;
        log(`${describeSize(size)}: parsed in ${Math.round(parse.parseMs)} ms; evaluating`);
      } else if (message.kind === 'evaluated') {
        evaluation = message.figures;
        log(`${describeSize(size)}: evaluated in ${Math.round(evaluation.evaluationMs)} ms, peak RSS ${Math.round(evaluation.peakMb)} MB`);
      } else if (message.kind === 'compared') {
        pairwise = message.figures;
        log(`${describeSize(size)}: pairwise ${Math.round(pairwise.ms)} ms, ${pairwise.mismatches.pods} mismatching pods`);
      } else if (message.kind === 'failed') {
        failure = message.error;
      }
      phaseStart = performance.now();
    });
    const timer =
      timeoutS > 0
        ? setTimeout(() => {
            if (parse === undefined) {
              failure = `measurement of ${file} stopped by --timeout ${timeoutS} before parsing finished`;
              child.kill('SIGKILL');
              return;
            }
            const phase = evaluation === null ? 'evaluation' : 'pairwise';
            stopped = { phase, afterMs: performance.now() - phaseStart, peakMb: highWaterMarkMb(child.pid) };
            log(`${describeSize(size)}: stopping the ${phase} after ${timeoutS} s (--timeout)`);
            child.kill('SIGKILL');
          }, timeoutS * 1000)
        : undefined;
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer !== undefined) clearTimeout(timer);
      if (parse !== undefined && (code === 0 || stopped !== null)) resolvePromise({ parse, evaluation, pairwise, stopped });
      else reject(new Error(failure ?? `measurement of ${file} ended with ${signal ?? `exit code ${String(code)}`}`));
    });
  });
}

function median<T>(items: readonly T[], by: (item: T) => number): T {
  return [...items].sort((a, b) => by(a) - by(b))[Math.floor((items.length - 1) / 2)];
}

/** The median run's figures for parse and for evaluation; the first run's baseline. */
function combineRuns(runs: readonly Measured[]): Measured & { evaluationRunsMs: number[] } {
  const first = runs[0];
  if (first.stopped !== null || runs.length === 1) {
    return { ...first, evaluationRunsMs: first.evaluation === null ? [] : [first.evaluation.evaluationMs] };
  }
  const evaluated = runs.filter((r) => r.evaluation !== null);
  return {
    parse: median(runs, (r) => r.parse.parseMs).parse,
    evaluation: median(evaluated, (r) => r.evaluation?.evaluationMs ?? 0).evaluation,
    pairwise: first.pairwise,
    stopped: runs.find((r) => r.stopped !== null)?.stopped ?? null,
    evaluationRunsMs: evaluated.map((r) => r.evaluation?.evaluationMs ?? 0),
  };
}

function environment(): string {
  const cpu = cpus();
  return `Node ${process.version}, ${cpu.length} x ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${process.platform}/${process.arch}`;
}

async function runBench(options: BenchOptions): Promise<void> {
  const dumpDir = options.writeDump === undefined ? mkdtempSync(join(tmpdir(), 'palisade-bench-')) : resolve(options.writeDump);
  mkdirSync(dumpDir, { recursive: true });
  const rows: BenchRow[] = [];
  try {
    for (const size of options.sizes) {
      const file = join(dumpDir, dumpName(size));
      log(`${describeSize(size)}: generating ${file}`);
      const generated = await generate(file, size, options.seed);
      log(`${describeSize(size)}: generated in ${Math.round(generated.ms)} ms; parsing`);
      const runs: Measured[] = [];
      for (let run = 0; run < options.repeat; run++) {
        // The baseline is slow and its figure steady: once is enough.
        const measured = await measureInChild(file, size, run === 0 ? options.pairwiseMax : 0, options.timeoutS);
        runs.push(measured);
        if (measured.stopped !== null) break;
      }
      rows.push({ size, generateMs: generated.ms, ...combineRuns(runs) });
      if (options.writeDump === undefined) rmSync(file, { force: true });
    }
  } finally {
    if (options.writeDump === undefined) rmSync(dumpDir, { recursive: true, force: true });
  }

  const targets = targetLines(rows);
  const text = [
    resultsTable(rows),
    '',
    'Parse is parseManifestText + buildModel on the List JSON; evaluation is one audit(model, { cni }) with the ' +
      "size's CNI (cilium and calico clusters have a third of their NetworkPolicies written as the plugin's own kind); " +
      "peak RSS is the measuring process's high-water mark over read, parse and evaluation; pairwise is " +
      'pairwiseReachability(model, { cni, any: true }) (peers allowed for some requests only count, as in the audit), ' +
      `run up to ${options.pairwiseMax.toLocaleString('en-US')} pods, and speed-up is pairwise ms / evaluation ms; ` +
      (options.repeat > 1 ? `parse and evaluation are the medians of ${options.repeat} runs, each in a fresh process; ` : '') +
      'mismatches counts pods whose reachableFrom, reachableTo, internet or every-namespace figures differ between ' +
      `the two. ${environment()}.`,
    '',
    detailsTable(rows),
    ...(targets.length > 0 ? ['', ...targets] : []),
    '',
  ].join('\n');
  process.stdout.write(text);
  if (options.markdown !== undefined) writeFileSync(options.markdown, text);
  if (rows.some((row) => (row.pairwise?.mismatches.pods ?? 0) > 0)) process.exitCode = 1;
}

async function main(argv: readonly string[]): Promise<void> {
  const flags = parseFlags(argv);
  const generateTo = flags.get('generate');
  const one = flags.get('one');
  const cni = parseCni(flags.get('cni') ?? 'generic');
  if (generateTo !== undefined) {
    const seed = flags.get('seed');
    const n = (name: string) => Number(flags.get(name));
    const size = { pods: n('pods'), policies: n('policies'), namespaces: n('namespaces'), cni };
    await generateChild(generateTo, size, seed === undefined ? undefined : Number(seed));
  } else if (one !== undefined) {
    await measure(one, { pairwiseMax: Number(flags.get('pairwise-max') ?? 0), cni }, send);
  } else if (flags.has('help')) {
    process.stdout.write(USAGE);
    return;
  } else {
    await runBench(benchOptions(flags));
    return;
  }
  // A child is done: closing the channel lets it exit.
  process.disconnect?.();
}

main(process.argv.slice(2)).catch(async (error: unknown) => {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  if (process.send !== undefined) {
    await send({ kind: 'failed', error: text });
    process.disconnect?.();
  } else {
    process.stderr.write(`${text}\n`);
  }
  process.exitCode = 1;
});
