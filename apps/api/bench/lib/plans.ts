import type { BenchDatabase } from './database';
import { withClient } from './database';

/** One statement the server ran, with its duration and (auto_explain, ANALYZE) plan. */
export interface LoggedPlan {
  readonly ms: number;
  readonly query: string;
  readonly plan: string;
}

const SETTINGS: Record<string, string> = {
  session_preload_libraries: 'auto_explain',
  'auto_explain.log_min_duration': '0',
  'auto_explain.log_analyze': 'on',
  'auto_explain.log_buffers': 'on',
  'auto_explain.log_timing': 'on',
  'auto_explain.log_nested_statements': 'off',
  'auto_explain.log_format': 'text',
};

/**
 * Makes every new session of the server log each statement's plan with actual rows and times
 * (auto_explain), so the SQL the API itself runs, with its parameters, can be read back. Needs a
 * superuser (the embedded server's). Returns a function that turns it off again.
 */
export async function enableAutoExplain(url: string): Promise<() => Promise<void>> {
  await withClient(url, async (client) => {
    await client.query(`LOAD 'auto_explain'`);
    for (const [name, value] of Object.entries(SETTINGS)) await client.query(`ALTER SYSTEM SET ${name} = '${value}'`);
    await client.query('SELECT pg_reload_conf()');
  });
  return () =>
    withClient(url, async (client) => {
      for (const name of Object.keys(SETTINGS)) await client.query(`ALTER SYSTEM RESET ${name}`);
      await client.query('SELECT pg_reload_conf()');
    });
}

/** Collects the plans the server logs while `fn` runs (and shortly after: the log is a pipe). */
export async function capturePlans(db: BenchDatabase, fn: () => Promise<void>): Promise<LoggedPlan[]> {
  const lines: string[] = [];
  const off = db.onServerLog((line) => lines.push(line));
  try {
    await fn();
    await new Promise((r) => setTimeout(r, 300));
  } finally {
    off();
  }
  return parsePlans(lines);
}

/** auto_explain records: `LOG:  duration: 1.2 ms  plan:` then tab-indented lines. */
export function parsePlans(lines: readonly string[]): LoggedPlan[] {
  const plans: LoggedPlan[] = [];
  let current: { ms: number; body: string[] } | undefined;
  const flush = () => {
    if (!current) return;
    const body = current.body;
    const planStart = body.findIndex((l) => /\(cost=|\(actual time=|^\s*Result\b/.test(l));
    const textLines = (planStart < 0 ? body : body.slice(0, planStart)).join('\n').replace(/^Query Text:\s*/, '');
    plans.push({ ms: current.ms, query: textLines.replace(/\s+/g, ' ').trim(), plan: planStart < 0 ? '' : body.slice(planStart).join('\n') });
    current = undefined;
  };
  for (const line of lines) {
    const start = /LOG:\s+duration: ([\d.]+) ms\s+plan:/.exec(line);
    if (start) {
      flush();
      current = { ms: Number(start[1]), body: [] };
    } else if (current && line.startsWith('\t')) {
      current.body.push(line.slice(1));
    } else {
      flush();
    }
  }
  flush();
  return plans;
}
