import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel } from '@palisade/cluster-model';
import { audit, type EntryPoint } from '../src';

/**
 * The entry-point cases (test/entry-cases, one world per file, each naming the documentation or
 * source its expectations rest on): every pod's entry points and internet exposure.
 */

interface ExpectedEntry {
  readonly kind: string;
  readonly name: string;
  readonly port: number;
  readonly host?: string;
  readonly targetPort?: number;
}

interface EntryCase {
  readonly name: string;
  readonly source: string;
  readonly cni?: 'generic' | 'cilium' | 'calico';
  readonly objects: readonly unknown[];
  readonly expect: Readonly<Record<string, { readonly internetExposure: string; readonly entryPoints: readonly ExpectedEntry[] }>>;
}

const DIR = join(__dirname, 'entry-cases');
const CASES: EntryCase[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as EntryCase);

const key = (e: ExpectedEntry) => [e.kind, e.name, e.port, e.host ?? '', e.targetPort ?? ''].join(' ');
const projected = (e: EntryPoint): ExpectedEntry => ({ kind: e.kind, name: e.name, port: e.port, ...(e.host !== undefined ? { host: e.host } : {}), targetPort: e.targetPort });

describe('entry points and internet exposure', () => {
  it('has cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(24);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, entryCase) => {
    const { model, problems } = buildModel(entryCase.objects.map((obj) => ({ obj })), { synthesizePods: false });
    expect(problems).toEqual([]);
    const report = audit(model, { excludeNamespaces: [], cni: entryCase.cni ?? 'generic' });
    const found = Object.fromEntries(
      report.pods.map((p) => [
        `${p.namespace}/${p.name}`,
        { internetExposure: p.internetExposure, entryPoints: p.entryPoints.map(projected).sort((a, b) => key(a).localeCompare(key(b))) },
      ]),
    );
    const expected = Object.fromEntries(
      Object.entries(entryCase.expect).map(([pod, e]) => [pod, { internetExposure: e.internetExposure, entryPoints: [...e.entryPoints].sort((a, b) => key(a).localeCompare(key(b))) }]),
    );
    expect(Object.fromEntries(Object.keys(expected).map((pod) => [pod, found[pod]]))).toEqual(expected);
  });
});
