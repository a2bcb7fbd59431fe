/**
 * Flags of the API benchmarks. Both benches take the same set (run.mjs hands every flag to
 * both) and each reads the ones it needs.
 */

export interface ClusterSize {
  readonly pods: number;
  readonly policies: number;
  readonly namespaces: number;
}

export interface BenchFlags {
  /** Storage bench: clusters whose first and unchanged snapshots are timed. */
  readonly sizes: readonly ClusterSize[];
  /** Storage bench: unchanged snapshots written after the first one, per size. */
  readonly unchanged: number;
  /** API bench: the cluster whose history is seeded. */
  readonly historySize: ClusterSize;
  /** API bench: days of history. */
  readonly days: number;
  /** API bench: minutes between snapshots. */
  readonly intervalMinutes: number;
  /** API bench: measured requests per endpoint, after `warmup` unmeasured ones. */
  readonly requests: number;
  readonly warmup: number;
  /** API bench: EXPLAIN ANALYZE the SQL behind every endpoint, not only the slow ones. */
  readonly explainAll: boolean;
  /** Keep the embedded database's data directory (its path is printed). */
  readonly keepDatabase: boolean;
  readonly markdown: string | undefined;
}

export const DEFAULT_SIZES: readonly ClusterSize[] = [
  { pods: 10_000, policies: 1_000, namespaces: 200 },
  { pods: 150_000, policies: 10_000, namespaces: 2_000 },
];

export const USAGE = `Usage: npx nx run api:bench [-- options]   (or: node apps/api/bench/run.mjs [options])

  --only storage|api        run one of the two benches (default: both, storage first)
  --sizes P:N:S[,P:N:S...]  storage: pods:policies:namespaces of the clusters snapshotted
                            (default 10000:1000:200,150000:10000:2000)
  --unchanged N             storage: unchanged snapshots stored after the first (default 50)
  --history P:N:S           api: the cluster whose history is seeded (default 10000:1000:200)
  --days N                  api: days of history (default 365)
  --interval-minutes N      api: minutes between snapshots (default 5)
  --requests N              api: measured requests per endpoint (default 200)
  --warmup N                api: unmeasured requests per endpoint first (default 20)
  --explain-all             api: print the plan of every endpoint's slowest statement
                            (default: only of endpoints over the 50 ms target)
  --keep-database           keep the embedded PostgreSQL data directory
  --markdown FILE           also write the tables into FILE (between marker comments: an
                            earlier section is replaced, else the section is appended)
  --help                    this text

The engine bench's flags (--pairwise-max, --seed, --repeat, --write-dump, --timeout) are
ignored, so \`nx run-many -t bench\` can hand the same flags to every bench.

BENCH_DATABASE_URL=postgresql://...  use that database (migrated; the run's clusters are deleted
                                     afterwards) instead of a fresh embedded PostgreSQL.
`;

/** `--name value` and `--name=value` alike (Nx forwards the latter). */
export function parseFlags(argv: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${JSON.stringify(arg)}\n\n${USAGE}`);
    const eq = arg.indexOf('=');
    if (eq > 0) flags.set(arg.slice(2, eq), arg.slice(eq + 1));
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) flags.set(arg.slice(2), argv[++i]);
    else flags.set(arg.slice(2), 'true');
  }
  return flags;
}

function count(text: string, what: string): number {
  const value = Number(text.trim().replace(/_/g, ''));
  if (text.trim() === '' || !Number.isInteger(value) || value < 0) throw new Error(`${what} must be a whole number, got ${JSON.stringify(text)}`);
  return value;
}

function parseSize(entry: string, what: string): ClusterSize {
  const parts = entry.trim().split(':');
  if (parts.length !== 3) throw new Error(`${what} ${JSON.stringify(entry)} is not pods:policies:namespaces`);
  const size = { pods: count(parts[0], 'pods'), policies: count(parts[1], 'policies'), namespaces: count(parts[2], 'namespaces') };
  if (size.pods < 3 || size.namespaces < 1 || size.namespaces > size.pods) throw new Error(`${what} ${entry}: at least 3 pods and 1 namespace, no more namespaces than pods`);
  return size;
}

const KNOWN = new Set([
  'only', 'sizes', 'unchanged', 'history', 'days', 'interval-minutes', 'requests', 'warmup', 'explain-all', 'keep-database', 'markdown', 'help',
]);

export function benchFlags(argv: readonly string[]): BenchFlags | 'help' {
  const flags = parseFlags(argv);
  for (const name of flags.keys()) if (!KNOWN.has(name)) throw new Error(`unknown option --${name}\n\n${USAGE}`);
  if (flags.has('help')) return 'help';
  const get = (name: string, fallback: number) => (flags.has(name) ? count(flags.get(name) ?? '', `--${name}`) : fallback);
  const sizes = flags.get('sizes');
  const history = flags.get('history');
  return {
    sizes: sizes === undefined ? DEFAULT_SIZES : sizes.split(/[\s,]+/).filter(Boolean).map((s) => parseSize(s, '--sizes')),
    unchanged: get('unchanged', 50),
    historySize: history === undefined ? DEFAULT_SIZES[0] : parseSize(history, '--history'),
    days: Math.max(1, get('days', 365)),
    intervalMinutes: Math.max(1, get('interval-minutes', 5)),
    requests: Math.max(1, get('requests', 200)),
    warmup: get('warmup', 20),
    explainAll: flags.has('explain-all'),
    keepDatabase: flags.has('keep-database'),
    markdown: flags.get('markdown'),
  };
}
