import { cpus, totalmem } from 'node:os';

/** Progress goes to stderr; the tables alone go to stdout (and --markdown). */
export function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function int(value: number): string {
  return integer.format(value);
}

/** Milliseconds: one decimal under 10, whole above. */
export function ms(value: number): string {
  return value < 10 ? value.toFixed(1) : integer.format(value);
}

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], rightAligned: readonly boolean[]): string {
  const widths = header.map((h, i) => Math.max(h.length, 3, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => (rightAligned[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (rightAligned[i] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** Nearest-rank percentile of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function environment(postgres: string): string {
  const cpu = cpus();
  return `Node ${process.version}, ${cpu.length} x ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB, ${process.platform}/${process.arch}, ${postgres}`;
}

export function verdict(met: boolean): string {
  return met ? 'met' : 'MISSED';
}
