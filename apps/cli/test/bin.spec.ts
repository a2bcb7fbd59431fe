import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/** The built executable, as CI and users run it (the `test` target builds it first). */
const bin = path.resolve(__dirname, '../../../bin/palisade');
const fixture = (name: string) => path.join(__dirname, 'fixtures', name);
const palisade = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

describe('bin/palisade', () => {
  it('audits a manifest and exits 0', () => {
    const result = palisade('audit', '-f', fixture('kubectl-list.json'), '-o', 'json');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).pods).toHaveLength(3);
  });

  it('exits 1 under --fail-under and 2 on bad input', () => {
    expect(palisade('audit', '-f', fixture('kubectl-list.json'), '--fail-under', '99').status).toBe(1);
    const bad = palisade('audit', '-f', fixture('bad-cidr.yaml'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('ipBlock.cidr');
  });
});
