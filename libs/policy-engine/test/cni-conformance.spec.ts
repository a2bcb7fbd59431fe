import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildModel } from '@palisade/cluster-model';
import { reach, reachPairwise, ReachReport } from '../src';
import { ConformanceCase, loadConformanceCases, worldObjects } from './conformance-cases';
import { NOT_MODELLED } from './cni-cases/not-modelled';

/**
 * The Cilium and Calico case sets (cni-cases/, each case naming the upstream test or document
 * it comes from): the world goes through the manifest reader like any input, evaluated as the
 * case's CNI enforces it, and every asserted cell of every probe must match (1 allowed, 0
 * denied, c allowed for some requests only), for the fast evaluator and the pairwise oracle.
 * The few cells Palisade does not model are listed with the reason in not-modelled.ts; the
 * test fails if one of them turns out to match, so the list cannot hide anything else.
 */
const DIR = path.join(__dirname, 'cni-cases');
const cases = loadConformanceCases(DIR);
const WORD: Record<string, string> = { '1': 'allowed', '0': 'denied', c: 'conditional' };

interface Cell {
  readonly probe: string;
  readonly from: string;
  readonly to: string;
  readonly expected: string;
  readonly got: string | undefined;
}

function cells(testCase: ConformanceCase, report: ReachReport): Cell[] {
  const out: Cell[] = [];
  testCase.probes.forEach((probe, p) => {
    const actual = report.probes[p];
    const index = new Map(actual.peers.map((peer, i) => [peer, i]));
    probe.expect.peers.forEach((from, i) => {
      probe.expect.peers.forEach((to, j) => {
        const expected = probe.expect.allowed[i][j];
        if (expected === '.') return;
        const si = index.get(from);
        const di = index.get(to);
        out.push({ probe: `${probe.port}/${probe.protocol}`, from, to, expected, got: si === undefined || di === undefined ? undefined : actual.allowed[si][di] });
      });
    });
  });
  return out;
}

const key = (file: string, cell: Pick<Cell, 'probe' | 'from' | 'to'>) => `${file} ${cell.probe} ${cell.from} -> ${cell.to}`;
const notModelled = new Map(NOT_MODELLED.map((n) => [`${n.case} ${n.probe} ${n.from} -> ${n.to}`, n.reason]));

function run(testCase: ConformanceCase, evaluate: typeof reach): { mismatches: string[]; stale: string[] } {
  const { model, problems } = buildModel(worldObjects(testCase.world).map((obj, document) => ({ obj, source: { file: testCase.file, document } })));
  if (problems.length > 0) return { mismatches: problems.map((p) => `input problem: ${p.object ?? ''} ${p.field ?? ''} ${p.message}`), stale: [] };
  const report = evaluate(model, {
    probes: testCase.probes.map((p) => ({ port: p.port, protocol: p.protocol })),
    externals: testCase.world.externals.map((e) => e.ip),
    ...(testCase.cni ? { cni: testCase.cni } : {}),
  });
  const mismatches: string[] = [];
  const stale: string[] = [];
  for (const cell of cells(testCase, report)) {
    const known = notModelled.has(key(testCase.file, cell));
    if (cell.got === undefined) mismatches.push(`${key(testCase.file, cell)}: peer missing`);
    else if (cell.got !== cell.expected && !known) mismatches.push(`${key(testCase.file, cell)}: expected ${WORD[cell.expected]}, got ${WORD[cell.got]}`);
    else if (cell.got === cell.expected && known) stale.push(`${key(testCase.file, cell)} is listed as not modelled but matches`);
  }
  return { mismatches, stale };
}

describe('CNI case sets (Cilium, Calico)', () => {
  it('finds every case, each well formed and naming its source', () => {
    expect(cases.filter((c) => c.cni === 'cilium').length).toBeGreaterThanOrEqual(100);
    expect(cases.filter((c) => c.cni === 'calico').length).toBeGreaterThanOrEqual(60);
    for (const c of cases) {
      expect([c.file, typeof c.source === 'string' && c.source.length > 20]).toEqual([c.file, true]);
      const names = new Set([...c.world.pods.map((p) => `${p.namespace}/${p.name}`), ...c.world.externals.map((e) => `ext:${e.ip}`)]);
      for (const probe of c.probes) {
        const n = probe.expect.peers.length;
        expect([c.file, probe.expect.allowed.length, probe.expect.allowed.every((row, i) => row.length === n && /^[01c.]*$/.test(row) && row[i] === '.')]).toEqual([c.file, n, true]);
        for (const peer of probe.expect.peers) expect([c.file, peer, names.has(peer)]).toEqual([c.file, peer, true]);
      }
    }
    const files = fs.readdirSync(DIR).filter((d) => fs.statSync(path.join(DIR, d)).isDirectory());
    expect(files.sort()).toEqual(['calico', 'cilium']);
  });

  it('lists each cell it does not model once, with a reason, for a case that exists', () => {
    const files = new Set(cases.map((c) => c.file));
    for (const n of NOT_MODELLED) {
      expect([n.case, files.has(n.case), n.reason.length > 20]).toEqual([n.case, true, true]);
    }
    expect(notModelled.size).toBe(NOT_MODELLED.length);
  });

  describe.each(cases.map((c) => [c.file, c] as const))('%s', (_file, testCase) => {
    it('fast evaluator matches every asserted cell', () => {
      expect(run(testCase, reach)).toEqual({ mismatches: [], stale: [] });
    });
    it('pairwise oracle matches every asserted cell', () => {
      expect(run(testCase, reachPairwise)).toEqual({ mismatches: [], stale: [] });
    });
  });
});
