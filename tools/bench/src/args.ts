import { CLUSTER_CNIS, type ClusterCni, type ClusterSize } from './plan';

/**
 * docs/design.md "Targets": 1k as a smoke size, 10k pods under 1 s, 150k pods under 10 s and
 * 2 GB, the 150k cluster also with a third of its policies as Cilium's and as Calico's own kind.
 */
export const DEFAULT_SIZES: readonly ClusterSize[] = [
  { pods: 1_000, policies: 100, namespaces: 20 },
  { pods: 10_000, policies: 1_000, namespaces: 200 },
  { pods: 150_000, policies: 10_000, namespaces: 2_000 },
  { pods: 150_000, policies: 10_000, namespaces: 2_000, cni: 'cilium' },
  { pods: 150_000, policies: 10_000, namespaces: 2_000, cni: 'calico' },
];

export const DEFAULT_PAIRWISE_MAX = 2_000;
/** Per size; a quadratic path on 150,000 pods should not hold a CI runner for an hour. */
export const DEFAULT_TIMEOUT_S = 600;

export interface BenchOptions {
  readonly sizes: readonly ClusterSize[];
  readonly seed: number | undefined;
  readonly pairwiseMax: number;
  /** Seconds a size's measuring process may run; 0 for no limit. */
  readonly timeoutS: number;
  /** Measuring processes per size; the table shows the median. */
  readonly repeat: number;
  readonly writeDump: string | undefined;
  readonly markdown: string | undefined;
}

export const USAGE = `Usage: node dist/tools/bench/main.js [options]

  --sizes P:N:S[:CNI],...   pods:policies:namespaces per run; CNI is generic (the default),
                            cilium or calico: a third of the NetworkPolicies are then written as
                            that plugin's own kind and the audit uses its semantics
                            (default 1000:100:20,10000:1000:200,150000:10000:2000,
                            150000:10000:2000:cilium,150000:10000:2000:calico)
  --pairwise-max N          largest pod count the pairwise baseline runs on (default ${DEFAULT_PAIRWISE_MAX})
  --seed N                  generator seed (default: a fixed one, so runs compare)
  --repeat N                measure each size N times, each in a fresh process, and report the
                            median (the pairwise baseline runs once; default 1)
  --timeout S               stop a size's measurement after S seconds and report what it got
                            (default ${DEFAULT_TIMEOUT_S}; 0: no limit)
  --write-dump DIR          keep each generated List JSON in DIR (for timing the CLI on it)
  --markdown FILE           also write the table to FILE
  --help                    this text
`;

/**
 * `--name value` and `--name=value` alike (Nx forwards the latter). Nx also hands `--sizes=a,b`
 * on as `--sizes=a b`: a bare word after a flag's value adds to that value, comma-separated.
 */
export function parseFlags(argv: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  let last: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      if (last === undefined) throw new Error(`unexpected argument ${JSON.stringify(arg)}`);
      flags.set(last, `${flags.get(last) ?? ''},${arg}`);
      continue;
    }
    const eq = arg.indexOf('=');
    if (eq > 0) {
      last = arg.slice(2, eq);
      flags.set(last, arg.slice(eq + 1));
    } else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
      last = arg.slice(2);
      flags.set(last, argv[++i]);
    } else {
      last = undefined;
      flags.set(arg.slice(2), 'true');
    }
  }
  return flags;
}

function count(text: string, what: string): number {
  const value = Number(text.trim().replace(/_/g, ''));
  if (text.trim() === '' || !Number.isInteger(value) || value < 0) throw new Error(`${what} must be a whole number, got ${JSON.stringify(text)}`);
  return value;
}

export function parseCni(text: string): ClusterCni {
  const cni = CLUSTER_CNIS.find((c) => c === text.trim());
  if (cni === undefined) throw new Error(`CNI must be one of ${CLUSTER_CNIS.join(', ')}, got ${JSON.stringify(text)}`);
  return cni;
}

export function parseSizes(text: string): ClusterSize[] {
  return text.split(/[\s,]+/).filter((s) => s !== '').map((entry) => {
    const parts = entry.trim().split(':');
    if (parts.length !== 3 && parts.length !== 4) throw new Error(`size ${JSON.stringify(entry)} is not pods:policies:namespaces[:cni]`);
    const size = { pods: count(parts[0], 'pods'), policies: count(parts[1], 'policies'), namespaces: count(parts[2], 'namespaces') };
    return parts.length === 4 ? { ...size, cni: parseCni(parts[3]) } : size;
  });
}

const KNOWN = new Set(['sizes', 'pairwise-max', 'seed', 'repeat', 'timeout', 'write-dump', 'markdown', 'help']);

export function benchOptions(flags: ReadonlyMap<string, string>): BenchOptions {
  for (const name of flags.keys()) {
    if (!KNOWN.has(name)) throw new Error(`unknown option --${name}\n\n${USAGE}`);
  }
  const sizes = flags.get('sizes');
  const seed = flags.get('seed');
  const pairwiseMax = flags.get('pairwise-max');
  const timeout = flags.get('timeout');
  const repeat = flags.get('repeat');
  return {
    sizes: sizes === undefined ? DEFAULT_SIZES : parseSizes(sizes),
    seed: seed === undefined ? undefined : count(seed, '--seed'),
    pairwiseMax: pairwiseMax === undefined ? DEFAULT_PAIRWISE_MAX : count(pairwiseMax, '--pairwise-max'),
    timeoutS: timeout === undefined ? DEFAULT_TIMEOUT_S : count(timeout, '--timeout'),
    repeat: repeat === undefined ? 1 : Math.max(1, count(repeat, '--repeat')),
    writeDump: flags.get('write-dump'),
    markdown: flags.get('markdown'),
  };
}
