import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Log } from 'sarif';
import { runCli } from '../src/program';

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);

function run(args: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readStdin: () => stdin,
  });
  return { code, stdout, stderr };
}

describe('palisade audit', () => {
  it('prints unprotected workloads first, then the cluster summary', () => {
    const { code, stdout } = run(['audit', '-f', fixture('shop.yaml')]);
    expect(code).toBe(0);
    expect(stdout.indexOf('web')).toBeLessThan(stdout.indexOf(' db '));
    expect(stdout).toMatch(/Cluster score: 0 \/ 100 over 3 pods in 1 namespace/);
    expect(stdout).toContain('Skipped objects of kinds Palisade does not read: ConfigMap (1)');
  });

  it('prints the JSON contract: pods with workload, isolation, policies and score; namespaces; cluster score', () => {
    const { code, stdout } = run(['audit', '-f', fixture('kubectl-list.json'), '-o', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    const xa = report.pods.find((p: { namespace: string; name: string }) => p.namespace === 'x' && p.name === 'a');
    expect(xa).toMatchObject({ namespace: 'x', name: 'a', workload: 'a', ingressIsolated: true, egressIsolated: false, policies: ['x/allow-from-y'] });
    expect(typeof xa.score).toBe('number');
    expect(report.namespaces.map((n: { name: string }) => n.name)).toEqual(['x', 'y']);
    expect(typeof report.cluster.score).toBe('number');
    expect(report.input.skipped).toEqual({ Secret: 1 });
  });

  it('shows the worst --limit workloads in the table and says how many more there are', () => {
    const { stdout } = run(['audit', '-f', fixture('shop.yaml'), '--limit', '1']);
    expect(stdout).toContain('web');
    expect(stdout).not.toMatch(/│ db /);
    expect(stdout).toContain('... and 1 more workloads');
  });

  it('writes one CSV row per pod', () => {
    const { stdout } = run(['audit', '-f', fixture('kubectl-list.json'), '-o', 'csv']);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'namespace,pod,workload_kind,workload,ingress_isolated,egress_isolated,reachable_from,reachable_to,internet_ingress,internet_egress,unprotected,exposed,score,policies,internet_exposure,published_through',
    );
    expect(lines).toHaveLength(4);
    // x/a admits only namespace y, which is every other namespace here: exposed by definition.
    expect(lines).toContain('x,a,Pod,a,true,false,1,2,false,true,false,true,35,x/allow-from-y,none,');
  });

  it('writes SARIF 2.1.0 with a result per unprotected workload, located at its manifest', () => {
    const { stdout } = run(['audit', '-f', fixture('shop.yaml'), '-o', 'sarif']);
    const log = JSON.parse(stdout) as Log;
    expect(log.version).toBe('2.1.0');
    const results = log.runs[0].results ?? [];
    const unprotected = results.filter((r) => r.ruleId === 'PAL001');
    expect(unprotected).toHaveLength(1);
    expect(unprotected[0].message.text).toContain('Deployment shop/web');
    expect(unprotected[0].locations?.[0].physicalLocation?.artifactLocation?.uri).toContain('shop.yaml');
    expect(results.some((r) => r.ruleId === 'PAL003' && r.message.text?.includes('shop'))).toBe(true);
  });

  it('--fail-under exits 1 below the threshold and 0 at or above it', () => {
    const below = run(['audit', '-f', fixture('kubectl-list.json'), '-o', 'json', '--fail-under', '90']);
    expect(below.code).toBe(1);
    expect(below.stderr).toMatch(/cluster score [\d.]+ is below --fail-under 90/);
    const score = JSON.parse(below.stdout).cluster.score as number;
    expect(run(['audit', '-f', fixture('kubectl-list.json'), '-o', 'json', '--fail-under', String(score)]).code).toBe(0);
  });

  it('reads a kubectl List from stdin', () => {
    const fs = jest.requireActual<typeof import('node:fs')>('node:fs');
    const { code, stdout } = run(['audit', '-f', '-', '-o', 'json'], fs.readFileSync(fixture('kubectl-list.json'), 'utf8'));
    expect(code).toBe(0);
    expect(JSON.parse(stdout).pods).toHaveLength(3);
  });

  it('reads every manifest of a directory', () => {
    const { code, stderr } = run(['audit', '-f', path.join(__dirname, 'fixtures'), '-o', 'json']);
    // The directory holds the broken fixtures too: all their problems are listed, then exit 2.
    expect(code).toBe(2);
    expect(stderr).toContain('bad-cidr.yaml');
    expect(stderr).toContain('malformed.yaml');
  });
});

describe('bad input exits 2 with the file, object and field', () => {
  it.each([
    ['a bad CIDR', ['audit', '-f', fixture('bad-cidr.yaml')], /bad-cidr\.yaml: NetworkPolicy\/x\/broken: spec\.ingress\[0\]\.from\[0\]\.ipBlock\.cidr: /],
    ['malformed YAML (with its line)', ['audit', '-f', fixture('malformed.yaml')], /malformed\.yaml: .*line \d+/],
    ['a missing file', ['audit', '-f', fixture('nope.yaml')], /nope\.yaml: no such file or directory/],
    ['an unknown pod in explain', ['explain', '-f', fixture('shop.yaml'), '--from', 'shop/nope', '--to', '1.2.3.4', '--port', '80'], /--from: no pod shop\/nope/],
    ['a bad port', ['reach', '-f', fixture('shop.yaml'), '--probe', '80/ICMP'], /is not PORT\/PROTOCOL/],
    ['a bad --fail-under', ['audit', '-f', fixture('shop.yaml'), '--fail-under', 'high'], /not a score between 0 and 100/],
    ['a missing -f', ['audit'], /required option '-f, --file <path...>' not specified/],
  ])('%s', (_what, args, message) => {
    const { code, stderr } = run(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/at .*\.ts:\d+/); // never a stack trace
  });
});

describe('palisade reach', () => {
  it('prints the matrix contract: peers in order, rows are sources, ext:IP for addresses', () => {
    const { code, stdout } = run(['reach', '-f', fixture('kubectl-list.json'), '--probe', '80/TCP', '--external', '8.8.8.8', '-o', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      cni: 'generic',
      cniEvidence: 'no CNI-specific policy in the input',
      probes: [
        {
          port: 80,
          protocol: 'TCP',
          peers: ['x/a', 'x/b', 'y/a', 'ext:8.8.8.8'],
          // x/a admits only y/a; x/b and y/a are open.
          allowed: ['1111', '0111', '1111', '0111'],
        },
      ],
    });
  });
});

describe('palisade explain', () => {
  it('names the isolating policy and says how to allow a denied connection', () => {
    const { code, stdout } = run(['explain', '-f', fixture('kubectl-list.json'), '--from', 'x/b', '--to', 'x/a', '--port', '80/TCP']);
    expect(code).toBe(0);
    expect(stdout).toContain('DENIED: x/b -> x/a on 80/TCP');
    expect(stdout).toContain('isolated for ingress by x/allow-from-y');
    expect(stdout).toContain('To allow it');
  });

  it('names the allowing rule, and answers JSON', () => {
    const { stdout } = run(['explain', '-f', fixture('kubectl-list.json'), '--from', '10.0.2.1', '--to', 'x/a', '--port', '80', '-o', 'json']);
    const answer = JSON.parse(stdout);
    expect(answer.allowed).toBe(true);
    expect(answer.ingress.rules).toEqual([{ policy: 'x/allow-from-y', direction: 'Ingress', index: 0, action: 'Allow' }]);
  });
});

describe('--help', () => {
  it.each([['audit'], ['reach'], ['explain']])('documents %s', (command) => {
    const { code, stdout } = run([command, '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: palisade ${command}`);
    expect(stdout).toContain('--file');
  });
});

describe('entry points', () => {
  it('says which workloads the internet reaches and through which door, in JSON, the table, CSV and SARIF', () => {
    const report = JSON.parse(run(['audit', '-f', fixture('entry-points.yaml'), '-o', 'json']).stdout);
    const workload = (name: string) => report.workloads.find((w: { name: string }) => w.name === name);
    expect(workload('web')).toMatchObject({
      internetExposure: 'published',
      exposed: true,
      entryPoints: [
        { kind: 'Ingress', name: 'shop/web', port: 80, host: 'shop.example.com', targetPort: 8080, admitted: true, controller: 'ingress-nginx' },
        { kind: 'Ingress', name: 'shop/web', port: 443, host: 'shop.example.com', targetPort: 8080, admitted: true, controller: 'ingress-nginx' },
      ],
    });
    // No policy protects the database, but no door leads to it either.
    expect(workload('db')).toMatchObject({ internetExposure: 'policy-only', entryPoints: [] });
    expect(report.pods.find((p: { workload: string }) => p.workload === 'web')).toMatchObject({ internetExposure: 'published' });
    expect(report.cluster.publishedWorkloads).toBe(2);

    const table = run(['audit', '-f', fixture('entry-points.yaml')]).stdout;
    expect(table).toContain('PUBLISHED Ingress shop/web http://shop.example.com');
    expect(table).toContain('policy only');
    expect(table).toContain('Published to the internet: 2');
    expect(run(['audit', '-f', fixture('entry-points.yaml'), '-o', 'csv']).stdout).toMatch(/,published,Ingress shop\/web http:\/\/shop.example.com; Ingress shop\/web https:\/\/shop.example.com\n/);
    const sarif = JSON.parse(run(['audit', '-f', fixture('entry-points.yaml'), '-o', 'sarif']).stdout) as Log;
    const texts = sarif.runs[0].results?.map((r) => r.message.text) ?? [];
    expect(texts).toContain('Deployment ingress-nginx/ingress-nginx-controller is not isolated for ingress: 2 other pods can connect to it (score 0).');
  });

  it('takes --ingress-controller for controllers it does not know, and refuses a malformed one', () => {
    // The same repository with a controller the built-in table does not know.
    const manifests = readFileSync(fixture('entry-points.yaml'), 'utf8').replace('controller: k8s.io/ingress-nginx', 'controller: example.com/edge');
    const web = (args: string[]) =>
      JSON.parse(run(['audit', '-f', '-', '-o', 'json', ...args], manifests).stdout).workloads.find((w: { name: string }) => w.name === 'web');
    expect(web([]).internetExposure).toBe('policy-only');
    expect(web(['--ingress-controller', 'example.com/edge=app.kubernetes.io/component=controller@ingress-nginx'])).toMatchObject({
      internetExposure: 'published',
      entryPoints: [expect.objectContaining({ kind: 'Ingress', controller: 'example.com/edge' }), expect.objectContaining({ kind: 'Ingress', port: 443 })],
    });
    const bad = run(['audit', '-f', fixture('entry-points.yaml'), '--ingress-controller', 'example.com/edge']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/an ingress controller is CONTROLLER=LABEL=VALUE/);
  });
});

describe('--cni', () => {
  it('evaluates Cilium policies when the input holds them, with L7 rules as allowed for some requests only', () => {
    const audit = JSON.parse(run(['audit', '-f', fixture('cilium-l7.yaml'), '-o', 'json']).stdout);
    expect(audit.cni).toBe('cilium');
    expect(audit.cniEvidence).toBe('assumed from the Cilium policies in the input');
    const web = audit.pods.find((p: { name: string }) => p.name === 'web');
    expect(web).toMatchObject({ ingressIsolated: true, reachableFrom: 1, reachableFromConditional: 1, policies: ['CiliumNetworkPolicy/shop/web-l7'] });
    const matrix = JSON.parse(run(['reach', '-f', fixture('cilium-l7.yaml'), '-o', 'json']).stdout);
    expect(matrix.probes[0]).toMatchObject({ peers: ['shop/client', 'shop/other', 'shop/web'], allowed: ['11c', '110', '111'] });
    const explained = run(['explain', '-f', fixture('cilium-l7.yaml'), '--from', 'shop/client', '--to', 'shop/web', '--port', '80/TCP']);
    expect(explained.stdout).toMatch(/^ALLOWED ONLY FOR SOME REQUESTS: shop\/client -> shop\/web on 80\/TCP/);
    expect(explained.stdout).toContain('CiliumNetworkPolicy/shop/web-l7 ingress[0] allows it only for some requests: L7 HTTP rules');
  });

  it('lists the policies a plugin does not enforce, and evaluates without them', () => {
    const { code, stdout } = run(['audit', '-f', fixture('cilium-l7.yaml'), '--cni', 'calico']);
    expect(code).toBe(0);
    expect(stdout).toContain('Policies evaluated as the Calico plugin enforces them (--cni calico).');
    expect(stdout).toContain('CiliumNetworkPolicy/shop/web-l7: the cluster does not run Cilium: CiliumNetworkPolicies are not enforced here');
    const report = JSON.parse(run(['audit', '-f', fixture('cilium-l7.yaml'), '--cni', 'flannel', '-o', 'json']).stdout);
    expect(report.cni).toBe('none');
    expect(report.pods.every((p: { ingressIsolated: boolean }) => !p.ingressIsolated)).toBe(true);
  });

  it('refuses a plugin it does not know, as a usage error', () => {
    const { code, stderr } = run(['audit', '-f', fixture('cilium-l7.yaml'), '--cni', 'weird']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--cni <plugin>.*invalid/i);
  });
});
