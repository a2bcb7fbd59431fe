import type { EvaluationFigures, PairwiseFigures, ParseFigures } from './measure';
import type { ClusterSize } from './plan';

/** Everything measured for one size; the later phases are null when they did not finish. */
export interface BenchRow {
  readonly size: ClusterSize;
  readonly generateMs: number;
  readonly parse: ParseFigures;
  readonly evaluation: EvaluationFigures | null;
  readonly pairwise: PairwiseFigures | null;
  /** Set when the measuring process was stopped by --timeout. */
  readonly stopped: {
    readonly phase: 'evaluation' | 'pairwise';
    /** How long the phase had run. */
    readonly afterMs: number;
    /** Kernel high-water mark (VmHWM) of the process when it was stopped, where readable. */
    readonly peakMb: number | null;
  } | null;
  /** Evaluation time of every run of the size (more than one with --repeat). */
  readonly evaluationRunsMs: readonly number[];
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function ms(value: number): string {
  return value < 10 ? value.toFixed(1) : integer.format(value);
}

function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], rightAligned: boolean[]): string {
  const widths = header.map((h, i) => Math.max(h.length, 3, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => (rightAligned[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (rightAligned[i] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

function policiesOf(row: BenchRow): number {
  const { networkPolicies, ciliumPolicies, calicoPolicies, adminPolicies } = row.parse.model;
  return networkPolicies + ciliumPolicies + calicoPolicies + adminPolicies;
}

function cniOf(row: BenchRow): string {
  return row.size.cni ?? 'generic';
}

/** The policies written as the plugin's own kind (CiliumNetworkPolicy, Calico NetworkPolicy). */
function pluginPoliciesOf(row: BenchRow): number {
  return row.parse.model.ciliumPolicies + row.parse.model.calicoPolicies;
}

/** `150,000 pods / 10,000 policies (a third Cilium)`: how target lines name a size. */
function sizeLabel(row: BenchRow): string {
  const size = `${integer.format(row.parse.model.pods)} pods / ${integer.format(policiesOf(row))} policies`;
  const cni = cniOf(row);
  return cni === 'generic' ? size : `${size} (a third ${cni === 'cilium' ? 'Cilium' : 'Calico'})`;
}

function stoppedIn(row: BenchRow, phase: 'evaluation' | 'pairwise'): string | undefined {
  return row.stopped?.phase === phase ? `> ${integer.format(row.stopped.afterMs)} (stopped)` : undefined;
}

function peakOf(row: BenchRow): string {
  if (row.evaluation !== null) return integer.format(row.evaluation.peakMb);
  return row.stopped?.peakMb != null ? `${integer.format(row.stopped.peakMb)} (at stop)` : '-';
}

/** The table docs/design.md "Targets" asks for: one row per size. */
export function resultsTable(rows: readonly BenchRow[]): string {
  const header = [
    'pods', 'namespaces', 'policies', 'cni', 'parse ms', 'evaluation ms', 'peak RSS MB', 'pairwise ms', 'speed-up', 'score', 'mismatches',
  ];
  const body = rows.map((row) => {
    const { parse, evaluation, pairwise } = row;
    return [
      integer.format(parse.model.pods),
      integer.format(parse.model.namespaces),
      integer.format(policiesOf(row)),
      cniOf(row),
      ms(parse.parseMs),
      evaluation === null ? (stoppedIn(row, 'evaluation') ?? '-') : ms(evaluation.evaluationMs),
      peakOf(row),
      pairwise === null ? (stoppedIn(row, 'pairwise') ?? '-') : ms(pairwise.ms),
      pairwise === null || evaluation === null ? '-' : `${(pairwise.ms / evaluation.evaluationMs).toFixed(1)}x`,
      evaluation?.score == null ? '-' : evaluation.score.toFixed(1),
      pairwise === null ? '-' : integer.format(pairwise.mismatches.pods),
    ];
  });
  return markdownTable(header, body, header.map((h) => h !== 'cni'));
}

/** Where the time and memory went, for reading the table. */
export function detailsTable(rows: readonly BenchRow[]): string {
  const header = [
    'pods', 'cni', 'dump MB', 'generate ms', 'read ms', 'JSON ms', 'buildModel ms', 'RSS after read MB', 'parse peak MB',
    'RSS before eval MB', 'eval peak MB', 'evaluation runs ms', 'workloads', 'unprotected pods', 'exposed pods', 'ingress-isolated %', 'egress-isolated %',
    'plugin policies', 'not enforced', 'conditional pods',
  ];
  const body = rows.map((row) => {
    const { parse, evaluation, generateMs, evaluationRunsMs } = row;
    return [
      integer.format(parse.model.pods),
      cniOf(row),
      integer.format(parse.dumpMb),
      ms(generateMs),
      ms(parse.readMs),
      ms(parse.parseTextMs),
      ms(parse.buildModelMs),
      integer.format(parse.afterReadMb),
      integer.format(parse.parsePeakMb),
      integer.format(parse.beforeEvaluationMb),
      evaluation === null ? '-' : integer.format(evaluation.evaluationPeakMb),
      evaluationRunsMs.length === 0 ? '-' : evaluationRunsMs.map(ms).join(' / '),
      integer.format(parse.model.workloads),
      evaluation === null ? '-' : integer.format(evaluation.unprotectedPods),
      evaluation === null ? '-' : integer.format(evaluation.exposedPods),
      evaluation === null ? '-' : evaluation.ingressIsolatedPercent.toFixed(1),
      evaluation === null ? '-' : evaluation.egressIsolatedPercent.toFixed(1),
      integer.format(pluginPoliciesOf(row)),
      evaluation === null ? '-' : integer.format(evaluation.notEnforcedPolicies),
      evaluation === null ? '-' : integer.format(evaluation.conditionalPods),
    ];
  });
  return markdownTable(header, body, header.map((h) => h !== 'cni'));
}

/** The figures docs/design.md sets targets for, checked against them. */
export function targetLines(rows: readonly BenchRow[]): string[] {
  const lines: string[] = [];
  for (const row of rows) {
    const { parse, evaluation, pairwise, stopped } = row;
    const size = sizeLabel(row);
    const check = (limitMs: number): string => {
      const target = `(target < ${integer.format(limitMs)} ms)`;
      if (evaluation !== null) {
        return `evaluation ${ms(evaluation.evaluationMs)} ms ${target}: ${evaluation.evaluationMs < limitMs ? 'met' : 'MISSED'}`;
      }
      if (stopped?.phase === 'evaluation') {
        return `evaluation stopped after ${integer.format(stopped.afterMs)} ms ${target}: ${stopped.afterMs >= limitMs ? 'MISSED' : 'not known'}`;
      }
      return `evaluation did not run ${target}`;
    };
    if (parse.model.pods === 10_000) lines.push(`- ${size}: ${check(1000)}`);
    if (parse.model.pods === 150_000) {
      lines.push(`- ${size}: ${check(10_000)}`);
      const peak = evaluation?.peakMb ?? stopped?.peakMb ?? null;
      if (peak !== null) {
        const verdict = peak >= 2048 ? 'MISSED' : evaluation === null ? 'not known (stopped)' : 'met';
        lines.push(`- ${size}: peak RSS ${integer.format(peak)} MB${evaluation === null ? ' when stopped' : ''} (target < 2,048 MB): ${verdict}`);
      }
    }
    if (pairwise !== null && pairwise.mismatches.pods > 0) {
      lines.push(`- ${size}: ${pairwise.mismatches.pods} pods where the fast path and the pairwise baseline disagree:`);
      for (const example of pairwise.mismatches.examples) lines.push(`  - ${example}`);
    }
    if (parse.problems > 0) lines.push(`- ${size}: ${parse.problems} input problems reported while reading the dump`);
  }
  return lines;
}
