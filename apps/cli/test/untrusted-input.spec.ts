import fc from 'fast-check';
import { stringify } from 'yaml';
import { runCli } from '../src/program';

/** Whatever a manifest holds, the CLI answers with exit 0, 1 or 2 and words, never a stack trace. */
function run(args: string[], stdin: string) {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: () => stdin });
  return { code, stdout, stderr };
}

const anyJson = fc.jsonValue({ maxDepth: 4 });
const kubeLike = fc.record(
  {
    apiVersion: fc.constantFrom('v1', 'networking.k8s.io/v1', 'apps/v1', 'policy.networking.k8s.io/v1alpha1'),
    kind: fc.constantFrom('Pod', 'Namespace', 'NetworkPolicy', 'Deployment', 'Service', 'AdminNetworkPolicy', 'List'),
    metadata: fc.oneof(fc.record({ name: fc.string({ maxLength: 8 }), namespace: fc.string({ maxLength: 8 }), labels: fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 })) }, { requiredKeys: ['name'] }), anyJson),
    spec: anyJson,
    items: fc.array(anyJson, { maxLength: 2 }),
  },
  { requiredKeys: ['kind'] },
);

describe('palisade on untrusted input', () => {
  it.each(['audit', 'reach'])('%s: exit 0, 1 or 2 with a message for any manifest, never a crash', (command) => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(kubeLike, { maxLength: 4 }).map((objects) => objects.map((o) => stringify(o)).join('---\n'))), (text) => {
        const { code, stderr } = run([command, '-f', '-', '-o', 'json'], text);
        expect([0, 1, 2]).toContain(code);
        if (code === 2) expect(stderr).toMatch(/^palisade: /m);
        expect(stderr).not.toMatch(/\n\s+at /);
      }),
      { numRuns: 150 },
    );
  });
});
