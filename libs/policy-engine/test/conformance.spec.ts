import { buildModel } from '@palisade/cluster-model';
import { reach, reachPairwise, ReachReport } from '../src';
import { ConformanceCase, loadConformanceCases, worldObjects } from './conformance-cases';

/**
 * Every case transcribed from upstream suites (Kubernetes e2e, network-policy-api conformance,
 * np-guard, cyclonus): the world goes through the manifest reader like any input, and every
 * asserted cell of every probe must match, for the fast evaluator and the pairwise oracle.
 */
const cases = loadConformanceCases();

function mismatches(testCase: ConformanceCase, report: ReachReport): string[] {
  const problems: string[] = [];
  testCase.probes.forEach((probe, p) => {
    const actual = report.probes[p];
    const index = new Map(actual.peers.map((peer, i) => [peer, i]));
    probe.expect.peers.forEach((from, i) => {
      probe.expect.peers.forEach((to, j) => {
        const expected = probe.expect.allowed[i][j];
        if (expected === '.') return;
        const si = index.get(from);
        const di = index.get(to);
        if (si === undefined || di === undefined) {
          problems.push(`${probe.port}/${probe.protocol}: peer ${si === undefined ? from : to} missing`);
          return;
        }
        const got = actual.allowed[si][di];
        if (got !== expected) {
          problems.push(`${probe.port}/${probe.protocol} ${from} -> ${to}: expected ${expected === '1' ? 'allowed' : 'denied'}`);
        }
      });
    });
  });
  return problems;
}

function run(testCase: ConformanceCase, evaluate: typeof reach): string[] {
  const { model, problems } = buildModel(worldObjects(testCase.world).map((obj, document) => ({ obj, source: { file: testCase.file, document } })));
  if (problems.length > 0) return problems.map((p) => `input problem: ${p.object ?? ''} ${p.field ?? ''} ${p.message}`);
  const report = evaluate(model, {
    probes: testCase.probes.map((p) => ({ port: p.port, protocol: p.protocol })),
    externals: testCase.world.externals.map((e) => e.ip),
  });
  return mismatches(testCase, report);
}

describe('conformance cases from upstream suites', () => {
  it('finds every transcribed case (a missing shared/ folder must fail, not pass)', () => {
    expect(cases.length).toBeGreaterThanOrEqual(264);
    const cells = cases.reduce(
      (sum, c) => sum + c.probes.reduce((s, p) => s + p.expect.allowed.join('').replace(/\./g, '').length, 0),
      0,
    );
    expect(cells).toBeGreaterThan(10_000);
  });

  describe.each(cases.map((c) => [c.file, c] as const))('%s', (_file, testCase) => {
    it('fast evaluator matches every asserted cell', () => {
      expect(run(testCase, reach)).toEqual([]);
    });
    it('pairwise oracle matches every asserted cell', () => {
      expect(run(testCase, reachPairwise)).toEqual([]);
    });
  });
});
