import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { createPrismaClient } from '@palisade/database';
import { SnapshotsRepository } from '../src/snapshots/snapshots.repository';
import { benchFlags, type BenchFlags, type ClusterSize, USAGE } from './lib/args';
import { type BenchDatabase, historyBytes, openBenchDatabase, rowCounts, type Table, TABLES } from './lib/database';
import { environment, int, log, markdownTable, ms, percentile, verdict } from './lib/report';
import { type SnapshotTiming, storeSnapshot } from './lib/snapshot';
import { syntheticCluster } from './lib/synthetic';

/**
 * Storage benchmark (docs/design.md "Targets": an unchanged cluster adds O(1) rows per snapshot; the
 * first snapshot of 150,000 pods is written in under 15 s).
 *
 * For each size: a synthetic cluster's first snapshot is stored through SnapshotsRepository
 * exactly as SnapshotsService stores it, then the same cluster `--unchanged` more times; rows
 * are counted per table before and after.
 */

const FIRST_SNAPSHOT_TARGET_MS = 15_000;
const INTERVAL_MS = 5 * 60_000;

interface SizeResult {
  readonly size: ClusterSize;
  readonly workloads: number;
  readonly generateMs: number;
  readonly first: SnapshotTiming;
  readonly rowsAfterFirst: Record<Table, number>;
  readonly firstBytes: number;
  readonly unchanged: readonly SnapshotTiming[];
  readonly added: Record<Table, number>;
  readonly unchangedBytes: number;
}

async function benchSize(db: BenchDatabase, repository: SnapshotsRepository, prisma: ReturnType<typeof createPrismaClient>, size: ClusterSize, flags: BenchFlags): Promise<SizeResult> {
  const label = `${int(size.pods)} pods`;
  let started = performance.now();
  const { model, report } = syntheticCluster(size);
  const generateMs = performance.now() - started;
  log(`storage ${label}: generated ${int(model.workloads.length)} workloads, ${int(model.networkPolicies.length)} policies in ${ms(generateMs)} ms`);

  const cluster = await prisma.cluster.create({
    data: { name: `bench-storage-${size.pods}-${Date.now()}`, source: 'kubeconfig', status: 'ok', snapshotIntervalSeconds: INTERVAL_MS / 1000 },
  });
  const base = Date.now() - (flags.unchanged + 1) * INTERVAL_MS;
  try {
    let bytes = await historyBytes(db.url);
    started = performance.now();
    const first = await storeSnapshot(repository, cluster.id, model, report, new Date(base));
    log(
      `storage ${label}: first snapshot ${ms(first.totalMs)} ms (load ${ms(first.loadMs)}, states ${ms(first.statesMs)}, diff ${ms(first.diffMs)}, write ${ms(first.writeMs)}); ` +
        `${int(first.openedObjects)} object versions, ${int(first.openedScores)} score versions`,
    );
    const rowsAfterFirst = await rowCounts(db.url, cluster.id);
    const afterFirstBytes = await historyBytes(db.url);
    const firstBytes = afterFirstBytes - bytes;
    bytes = afterFirstBytes;

    const unchanged: SnapshotTiming[] = [];
    for (let i = 1; i <= flags.unchanged; i++) {
      const timing = await storeSnapshot(repository, cluster.id, model, report, new Date(base + i * INTERVAL_MS));
      unchanged.push(timing);
      if (i === 1 || i % 10 === 0 || i === flags.unchanged) log(`storage ${label}: unchanged snapshot ${i}/${flags.unchanged}: ${ms(timing.totalMs)} ms`);
    }
    const rowsAfter = await rowCounts(db.url, cluster.id);
    const added = Object.fromEntries(TABLES.map((t) => [t, rowsAfter[t] - rowsAfterFirst[t]])) as Record<Table, number>;
    const unchangedBytes = (await historyBytes(db.url)) - bytes;
    return { size, workloads: model.workloads.length, generateMs, first, rowsAfterFirst, firstBytes, unchanged, added, unchangedBytes };
  } finally {
    // A shared database (BENCH_DATABASE_URL) keeps nothing of the run; an embedded one is deleted whole.
    if (!db.embedded) await prisma.cluster.delete({ where: { id: cluster.id } });
  }
}

const sum = (timings: readonly SnapshotTiming[], f: (t: SnapshotTiming) => number) => timings.map(f);
const median = (values: readonly number[]) => percentile(values, 50);
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(bytes < 10 * 2 ** 20 ? 1 : 0);

/** Whether every unchanged snapshot added one Snapshot row and nothing else. */
function constantRows(r: SizeResult, snapshots: number): boolean {
  return r.added.Snapshot === snapshots && r.added.ObjectVersion === 0 && r.added.ScoreVersion === 0 && r.added.ChangeEvent === 0;
}

function render(results: readonly SizeResult[], flags: BenchFlags, db: BenchDatabase): string {
  const firstTable = markdownTable(
    ['pods', 'workloads', 'namespaces', 'policies', 'objects', 'scores', 'rows written', 'history MB', 'load ms', 'states ms', 'diff ms', 'write ms', 'total ms', 'target < 15 s'],
    results.map((r) => [
      int(r.size.pods),
      int(r.workloads),
      int(r.size.namespaces),
      int(r.size.policies),
      int(r.first.objects),
      int(r.first.scores),
      int(TABLES.reduce((n, t) => n + r.rowsAfterFirst[t], 0)),
      mb(r.firstBytes),
      ms(r.first.loadMs),
      ms(r.first.statesMs),
      ms(r.first.diffMs),
      ms(r.first.writeMs),
      ms(r.first.totalMs),
      r.size.pods >= 150_000 ? verdict(r.first.totalMs < FIRST_SNAPSHOT_TARGET_MS) : '-',
    ]),
    [true, true, true, true, true, true, true, true, true, true, true, true, true, false],
  );
  const unchangedTable = markdownTable(
    ['pods', 'unchanged snapshots', '+Snapshot', '+ObjectVersion', '+ScoreVersion', '+ChangeEvent', 'rows / snapshot', 'KB / snapshot', 'median ms', 'p95 ms', 'max ms', 'load ms', 'states ms', 'diff ms', 'write ms', 'O(1) rows'],
    results.map((r) => {
      const n = r.unchanged.length;
      const rows = TABLES.reduce((total, t) => total + r.added[t], 0);
      return [
        int(r.size.pods),
        int(n),
        int(r.added.Snapshot),
        int(r.added.ObjectVersion),
        int(r.added.ScoreVersion),
        int(r.added.ChangeEvent),
        n === 0 ? '-' : (rows / n).toFixed(2),
        n === 0 ? '-' : (r.unchangedBytes / n / 1024).toFixed(1),
        n === 0 ? '-' : ms(median(sum(r.unchanged, (t) => t.totalMs))),
        n === 0 ? '-' : ms(percentile(sum(r.unchanged, (t) => t.totalMs), 95)),
        n === 0 ? '-' : ms(Math.max(...sum(r.unchanged, (t) => t.totalMs))),
        n === 0 ? '-' : ms(median(sum(r.unchanged, (t) => t.loadMs))),
        n === 0 ? '-' : ms(median(sum(r.unchanged, (t) => t.statesMs))),
        n === 0 ? '-' : ms(median(sum(r.unchanged, (t) => t.diffMs))),
        n === 0 ? '-' : ms(median(sum(r.unchanged, (t) => t.writeMs))),
        n === 0 ? '-' : verdict(constantRows(r, n)),
      ];
    }),
    [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, false],
  );
  const targets: string[] = [];
  for (const r of results) {
    if (r.size.pods >= 150_000) {
      targets.push(`- first snapshot of ${int(r.size.pods)} pods: ${ms(r.first.totalMs)} ms (target < 15,000 ms): ${verdict(r.first.totalMs < FIRST_SNAPSHOT_TARGET_MS)}`);
    }
    if (r.unchanged.length > 0) {
      targets.push(
        `- unchanged ${int(r.size.pods)}-pod cluster: ${int(r.unchanged.length)} snapshots added ${int(r.added.Snapshot)} Snapshot rows and ` +
          `${int(r.added.ObjectVersion + r.added.ScoreVersion + r.added.ChangeEvent)} other rows (target: 1 row per snapshot): ${verdict(constantRows(r, r.unchanged.length))}`,
      );
    }
  }
  return [
    '### Storage: first snapshot',
    '',
    firstTable,
    '',
    'A synthetic cluster (Deployments of 1-5 replicas, a Service per long-running workload, NetworkPolicies as full objects) stored as ' +
      'SnapshotsService stores it, through SnapshotsRepository: load ms is loadCurrent, states ms is objectStates + scoreStates (canonical JSON ' +
      'and SHA-1 of every object), diff ms the comparison and detectChanges, write ms the one write transaction. The evaluation itself is not included ' +
      '(see the engine bench). Rows written counts every row of the four history tables; history MB is their growth on disk, indexes included.',
    '',
    '### Storage: unchanged snapshots',
    '',
    unchangedTable,
    '',
    `The same cluster stored ${int(flags.unchanged)} more times; +Table is the rows each table gained over all of them, KB / snapshot the on-disk growth of the ` +
      'history tables per snapshot (in 8 KB pages: it shows over many snapshots); the times are per snapshot (phases: medians).',
    '',
    ...targets,
    '',
    `${environment(db.description)}.`,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const flags = benchFlags(process.argv.slice(2));
  if (flags === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  if (flags.sizes.length === 0) return;
  const db = await openBenchDatabase(flags.keepDatabase);
  const prisma = createPrismaClient(db.url);
  const results: SizeResult[] = [];
  try {
    const repository = new SnapshotsRepository(prisma);
    for (const size of flags.sizes) results.push(await benchSize(db, repository, prisma, size, flags));
  } finally {
    await prisma.$disconnect();
    await db.close();
  }
  const text = render(results, flags, db);
  process.stdout.write(text);
  if (flags.markdown !== undefined) writeFileSync(flags.markdown, text);
  if (results.some((r) => !constantRows(r, r.unchanged.length))) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
