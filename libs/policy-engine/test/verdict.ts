import type { ClusterModel, Protocol } from '@palisade/cluster-model';
import { explain, reach } from '../src';

/**
 * Whether `from` may open a connection to `to` on `port` (e.g. "80/TCP"). Both evaluators
 * must agree; a disagreement fails the test that asked.
 */
export function allowed(model: ClusterModel, from: string, to: string, port = '80/TCP'): boolean {
  const [number, protocol] = port.split('/');
  const probe = { port: Number(number), protocol: protocol as Protocol };
  const result = explain(model, from, to, probe);
  if (!result.ok) throw new Error(result.message);
  const externals = [from, to].filter((p) => !p.includes('/'));
  const matrix = reach(model, { probes: [probe], externals }).probes[0];
  const name = (p: string) => (p.includes('/') ? p : `ext:${p}`);
  const fast = matrix.allowed[matrix.peers.indexOf(name(from))][matrix.peers.indexOf(name(to))] === '1';
  if (fast !== result.explanation.allowed) {
    throw new Error(`evaluators disagree on ${from} -> ${to} ${port}: fast=${fast}, pairwise=${result.explanation.allowed}`);
  }
  return fast;
}
