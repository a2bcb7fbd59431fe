import { writeFileSync } from 'node:fs';
import { benchFlags, type BenchFlags, USAGE } from './lib/args';
import { type ApiProcess, BENCH_TOKEN, startApi } from './lib/api-process';
import { type BenchDatabase, openBenchDatabase, query, withClient } from './lib/database';
import { capturePlans, enableAutoExplain, type LoggedPlan } from './lib/plans';
import { environment, int, log, markdownTable, ms, percentile, verdict } from './lib/report';
import { seedHistory, type SeededHistory } from './lib/seed';

/**
 * API benchmark (docs/design.md "Targets": dashboard p95 under 50 ms with a year of 5-minute snapshots
 * of a 10,000-pod cluster). Seeds that history with SQL, starts the built API
 * (dist/apps/api/main.js) against it and times the endpoints the dashboard reads, over HTTP.
 * Then it reads back, with auto_explain, the SQL each endpoint ran and its plan.
 */

const TARGET_MS = 50;
const DAY = 86_400_000;

interface Endpoint {
  readonly name: string;
  readonly path: (i: number) => string;
  /** What the answer holds, for the table ("168 points", "50 of 3,333"). */
  readonly describe: (body: unknown) => string;
}

interface Measured {
  readonly endpoint: Endpoint;
  readonly samples: readonly number[];
  readonly bytes: number;
  readonly answer: string;
  profile?: { readonly statements: number; readonly dbMs: number; readonly slowest: LoggedPlan | undefined; readonly plans: readonly LoggedPlan[] };
}

const page = (body: unknown) => {
  const b = body as { items?: unknown[]; total?: number };
  return `${int(b.items?.length ?? 0)} of ${int(b.total ?? 0)}`;
};
const points = (body: unknown) => {
  const b = body as { points?: unknown[]; bucket?: string };
  return `${int(b.points?.length ?? 0)} points${b.bucket ? ` (${b.bucket})` : ''}`;
};

function endpoints(history: SeededHistory, flags: BenchFlags): Endpoint[] {
  const c = `/api/clusters/${history.clusterId}`;
  const yearAgo = new Date(Date.now() - flags.days * DAY).toISOString();
  const monthAgo = new Date(Date.now() - 30 * DAY).toISOString();
  const busy = history.busyWorkloads;
  const workload = (i: number) => {
    const w = busy[i % busy.length];
    return `${encodeURIComponent(w.namespace)}/${encodeURIComponent(w.kind)}/${encodeURIComponent(w.name)}`;
  };
  return [
    { name: 'GET /clusters', path: () => '/api/clusters', describe: page },
    { name: 'GET /clusters/:id/scores (last 7 days)', path: () => `${c}/scores`, describe: points },
    { name: 'GET /clusters/:id/scores?from=59 days ago', path: () => `${c}/scores?from=${encodeURIComponent(new Date(Date.now() - 59 * DAY).toISOString())}`, describe: points },
    { name: `GET /clusters/:id/scores?from=${flags.days} days ago`, path: () => `${c}/scores?from=${encodeURIComponent(yearAgo)}`, describe: points },
    { name: 'GET /clusters/:id/workloads', path: () => `${c}/workloads`, describe: page },
    { name: 'GET /clusters/:id/workloads?unprotected=true', path: () => `${c}/workloads?unprotected=true`, describe: page },
    { name: `GET /clusters/:id/workloads?q=${history.query}&sort=-reachableFrom`, path: () => `${c}/workloads?q=${history.query}&sort=-reachableFrom`, describe: page },
    {
      name: `GET /clusters/:id/workloads/:ns/:kind/:name/scores?from=${flags.days} days ago`,
      path: (i) => `${c}/workloads/${workload(i)}/scores?from=${encodeURIComponent(yearAgo)}`,
      describe: points,
    },
    { name: 'GET /clusters/:id/changes?since=30 days ago', path: () => `${c}/changes?since=${encodeURIComponent(monthAgo)}`, describe: page },
  ];
}

async function request(api: ApiProcess, path: string): Promise<{ ms: number; bytes: number; body: unknown }> {
  const started = performance.now();
  const res = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${BENCH_TOKEN}` } });
  const text = await res.text();
  const elapsed = performance.now() - started;
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${text.slice(0, 500)}`);
  return { ms: elapsed, bytes: Buffer.byteLength(text), body: JSON.parse(text) };
}

async function measure(api: ApiProcess, endpoint: Endpoint, flags: BenchFlags): Promise<Measured> {
  for (let i = 0; i < flags.warmup; i++) await request(api, endpoint.path(i));
  const samples: number[] = [];
  let last: { bytes: number; body: unknown } | undefined;
  for (let i = 0; i < flags.requests; i++) {
    const r = await request(api, endpoint.path(i));
    samples.push(r.ms);
    last = r;
  }
  const measured: Measured = { endpoint, samples, bytes: last?.bytes ?? 0, answer: endpoint.describe(last?.body) };
  log(`api: ${endpoint.name}: p50 ${ms(percentile(samples, 50))} ms, p95 ${ms(percentile(samples, 95))} ms, max ${ms(Math.max(...samples))} ms (${measured.answer})`);
  return measured;
}

/** Restarts the API with auto_explain on and records what each endpoint ran (3 requests, the last kept). */
async function profile(db: BenchDatabase, results: Measured[]): Promise<string | undefined> {
  if (!db.embedded) {
    try {
      await query(db.url, `SELECT 1 FROM pg_roles WHERE rolname = current_user AND rolsuper`).then((r) => {
        if (r.length === 0) throw new Error('not a superuser');
      });
    } catch {
      return 'the SQL profile needs a superuser (ALTER SYSTEM for auto_explain): skipped on BENCH_DATABASE_URL';
    }
  }
  const disable = await enableAutoExplain(db.url);
  let api: ApiProcess | undefined;
  try {
    api = await startApi(db.url);
    for (const r of results) {
      for (let i = 0; i < 2; i++) await request(api, r.endpoint.path(i));
      const running = api;
      const plans = await capturePlans(db, async () => {
        await request(running, r.endpoint.path(2));
      });
      const statements = plans.filter((p) => !/^(BEGIN|COMMIT|ROLLBACK|SELECT 1)\b/i.test(p.query));
      const slowest = [...statements].sort((a, b) => b.ms - a.ms)[0];
      r.profile = { statements: statements.length, dbMs: statements.reduce((n, p) => n + p.ms, 0), slowest, plans: statements };
    }
  } finally {
    await api?.stop();
    await disable();
  }
  return undefined;
}

function render(history: SeededHistory, results: readonly Measured[], flags: BenchFlags, db: BenchDatabase, dbMb: number, profileNote: string | undefined): string {
  const seedTable = markdownTable(
    ['pods', 'workloads', 'namespaces', 'policies', 'snapshots', 'ScoreVersion', 'current', 'ObjectVersion', 'current', 'ChangeEvent', 'database MB', 'seed s'],
    [
      [
        int(flags.historySize.pods),
        int(history.workloads),
        int(flags.historySize.namespaces),
        int(flags.historySize.policies),
        int(history.rows['Snapshot']),
        int(history.rows['ScoreVersion']),
        int(history.rows['ScoreVersion (current)']),
        int(history.rows['ObjectVersion']),
        int(history.rows['ObjectVersion (current)']),
        int(history.rows['ChangeEvent']),
        int(dbMb),
        (history.seedMs / 1000).toFixed(1),
      ],
    ],
    Array(12).fill(true),
  );
  const latency = markdownTable(
    ['endpoint', 'answer', 'KB', 'p50 ms', 'p95 ms', 'max ms', 'SQL statements', 'SQL ms', `p95 < ${TARGET_MS} ms`],
    results.map((r) => [
      `\`${r.endpoint.name}\``,
      r.answer,
      (r.bytes / 1024).toFixed(1),
      ms(percentile(r.samples, 50)),
      ms(percentile(r.samples, 95)),
      ms(Math.max(...r.samples)),
      r.profile ? int(r.profile.statements) : '-',
      r.profile ? ms(r.profile.dbMs) : '-',
      verdict(percentile(r.samples, 95) < TARGET_MS),
    ]),
    [false, true, true, true, true, true, true, true, false],
  );
  const slow = results.filter((r) => flags.explainAll || percentile(r.samples, 95) >= TARGET_MS);
  const plans = slow
    .filter((r) => r.profile?.slowest)
    .map((r) => {
      const p = r.profile?.slowest as LoggedPlan;
      const plan = p.plan.split('\n');
      return [
        `<details><summary><code>${r.endpoint.name}</code>: slowest statement ${ms(p.ms)} ms of ${ms(r.profile?.dbMs ?? 0)} ms in SQL</summary>`,
        '',
        '```sql',
        p.query.length > 1200 ? `${p.query.slice(0, 1200)} ...` : p.query,
        '```',
        '',
        '```',
        ...(plan.length > 60 ? [...plan.slice(0, 60), `... (${plan.length - 60} more lines)`] : plan),
        '```',
        '',
        '</details>',
      ].join('\n');
    });
  const missed = results.filter((r) => percentile(r.samples, 95) >= TARGET_MS);
  return [
    '### API: seeded history',
    '',
    seedTable,
    '',
    `${flags.days} days of snapshots every ${flags.intervalMinutes} minutes of one cluster, written with SQL: 1% of the workloads change per day and ` +
      '20 policies per week (each changing the findings of the workload it targets), so versions have finite ranges; a rollout replaces the ' +
      "workload's pods; snapshots older than 7 days and not their day's last are marked thinned, as RETENTION_RAW leaves them. " +
      'Current counts are the versions still open (toSeq null).',
    '',
    '### API: latency over HTTP',
    '',
    latency,
    '',
    `The built API (dist/apps/api/main.js, LOG_LEVEL=warn, no collector) against that database; ${int(flags.requests)} sequential requests per ` +
      `endpoint after ${int(flags.warmup)} unmeasured ones, timed from the request to the last byte of the answer. The workload history rotates over the ` +
      `${int(history.busyWorkloads.length)} workloads with the most versions (up to ${int(history.busyWorkloads[0]?.versions ?? 0)}). SQL statements and SQL ms: ` +
      'what the server ran for one request and how long it took there, read back with auto_explain (whose per-node timing adds to it)' +
      (profileNote ? ` (${profileNote})` : '') +
      '.',
    '',
    ...(missed.length > 0
      ? missed.map((r) => `- \`${r.endpoint.name}\`: p95 ${ms(percentile(r.samples, 95))} ms (target < ${TARGET_MS} ms): MISSED`)
      : [`- every endpoint: p95 under ${TARGET_MS} ms: met`]),
    '',
    ...(plans.length > 0 ? [`Plans (auto_explain, ANALYZE) of the slowest statement of ${flags.explainAll ? 'each endpoint' : 'each endpoint over the target'}:`, '', ...plans, ''] : []),
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
  const db = await openBenchDatabase(flags.keepDatabase);
  let history: SeededHistory | undefined;
  let text = '';
  try {
    log(`api: seeding ${flags.days} days of ${flags.intervalMinutes}-minute snapshots of a ${int(flags.historySize.pods)}-pod cluster`);
    history = await withClient(db.url, (client) => seedHistory(client, { size: flags.historySize, days: flags.days, intervalMinutes: flags.intervalMinutes, end: new Date() }));
    const seeded = history;
    log(`api: seeded in ${ms(seeded.seedMs)} ms: ${JSON.stringify(seeded.rows)}`);
    const [{ bytes }] = await query<{ bytes: string }>(db.url, 'SELECT pg_database_size(current_database()) AS bytes');
    const results: Measured[] = [];
    const api = await startApi(db.url);
    try {
      for (const endpoint of endpoints(seeded, flags)) results.push(await measure(api, endpoint, flags));
    } finally {
      await api.stop();
    }
    log('api: reading back the SQL of each endpoint (auto_explain)');
    const note = await profile(db, results).catch((error: unknown) => `profile failed: ${error instanceof Error ? error.message : String(error)}`);
    if (note) log(`api: ${note}`);
    text = render(seeded, results, flags, db, Number(bytes) / 2 ** 20, note);
  } finally {
    if (!db.embedded && history) await query(db.url, 'DELETE FROM "Cluster" WHERE id = $1::uuid', [history.clusterId]);
    await db.close();
  }
  process.stdout.write(text);
  if (flags.markdown !== undefined) writeFileSync(flags.markdown, text);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
