import fc from 'fast-check';
import { stringify } from 'yaml';
import { buildModel } from './build-model';
import { parseCidr } from './ip-addresses';
import { Issues } from './issues';
import { parseManifestText } from './parse-manifest';
import { readLabelSelector } from './selectors';
import type { InputProblem } from './types';

/**
 * Property tests of what reads untrusted input: whatever a manifest holds, the reader answers
 * objects and named problems, and never throws (the CLI turns problems into exit code 2, the
 * API into a 400).
 */

const anyJson = fc.jsonValue({ maxDepth: 4 });
/** Values shaped like the fields the readers look at, often of the wrong type. */
const fieldValue = fc.oneof(
  anyJson,
  fc.constantFrom('10.0.0.0/8', '10.0.0.0/33', '::/0', 'not-a-cidr', 'In', 'NotIn', 'Exists', 'Bogus', 'TCP', 'SCTP', 'ICMP', 'http', 80, -1, 70000, '8080', null),
  fc.array(fc.dictionary(fc.constantFrom('key', 'operator', 'values', 'port', 'protocol', 'endPort', 'cidr', 'except', 'podSelector', 'namespaceSelector', 'ipBlock'), anyJson), { maxLength: 3 }),
);
const KINDS = ['Pod', 'Namespace', 'NetworkPolicy', 'Deployment', 'Service', 'Ingress', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'ClusterNetworkPolicy', 'Node', 'ReplicaSet', 'CronJob', 'List', 'PodList', 'ConfigMap'];
const API_VERSIONS = ['v1', 'apps/v1', 'networking.k8s.io/v1', 'policy.networking.k8s.io/v1alpha1', 'policy.networking.k8s.io/v1alpha2', 'batch/v1', 'bogus/v9'];
const specKeys = fc.constantFrom('podSelector', 'policyTypes', 'ingress', 'egress', 'from', 'to', 'ports', 'subject', 'priority', 'tier', 'selector', 'containers', 'template', 'replicas', 'type', 'rules', 'items', 'hostNetwork');
const kubeObject = fc.record(
  {
    apiVersion: fc.oneof(fc.constantFrom(...API_VERSIONS), anyJson),
    kind: fc.oneof(fc.constantFrom(...KINDS), anyJson),
    metadata: fc.oneof(fc.record({ name: fc.oneof(fc.string(), anyJson), namespace: fc.oneof(fc.string(), anyJson), labels: fc.oneof(fc.dictionary(fc.string(), fc.string()), anyJson), ownerReferences: anyJson }, { requiredKeys: [] }), anyJson),
    spec: fc.oneof(fc.dictionary(specKeys, fieldValue), anyJson),
    status: fc.oneof(fc.record({ podIP: fc.oneof(fc.ipV4(), fc.string()), phase: fc.string() }, { requiredKeys: [] }), anyJson),
    items: fc.array(anyJson, { maxLength: 3 }),
  },
  { requiredKeys: [] },
);

function allNamed(problems: readonly InputProblem[]): boolean {
  return problems.every((p) => typeof p.message === 'string' && p.message.length > 0);
}

describe('reading untrusted manifests', () => {
  it('parses any text into objects and problems, never throwing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), anyJson.map((v) => JSON.stringify(v)), anyJson.map((v) => stringify(v))), (text) => {
        const parsed = parseManifestText(text, 'input.yaml');
        expect(allNamed(parsed.problems)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('builds a model from any Kubernetes-shaped objects, every problem named, never throwing', () => {
    fc.assert(
      fc.property(fc.array(kubeObject, { maxLength: 6 }), fc.boolean(), (objects, asYaml) => {
        const text = asYaml ? objects.map((o) => stringify(o)).join('---\n') : JSON.stringify({ kind: 'List', apiVersion: 'v1', items: objects });
        const parsed = parseManifestText(text, 'cluster.yaml');
        const result = buildModel(parsed.objects);
        expect(allNamed([...parsed.problems, ...result.problems])).toBe(true);
        for (const problem of result.problems) expect(problem.file).toBe('cluster.yaml');
      }),
      { numRuns: 400 },
    );
  });

  it('refuses alias bombs in any document, naming the document', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((l, i) => `${l}: &${l} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)].join('\n');
    const parsed = parseManifestText(`kind: Namespace\napiVersion: v1\nmetadata: {name: fine}\n---\n${bomb}\n`, 'bomb.yaml');
    expect(parsed.objects).toHaveLength(1);
    expect(parsed.problems).toEqual([{ file: 'bomb.yaml', message: 'document 1 cannot be read: too many YAML aliases (at most 100)' }]);
  });

  it('refuses YAML text over the byte limit without parsing it, and reads JSON of the same size', () => {
    const yaml = `kind: ConfigMap\napiVersion: v1\nmetadata: {name: big}\ndata: {x: "${'y'.repeat(2048)}"}\n`;
    expect(parseManifestText(yaml, 'big.yaml', { maxYamlBytes: 1024 }).problems[0]?.message).toMatch(/the YAML is over/);
    expect(parseManifestText(JSON.stringify({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'big' }, data: { x: 'y'.repeat(2048) } }), 'big.json', { maxYamlBytes: 1024 }).objects).toHaveLength(1);
  });
});

describe('selectors and CIDRs from untrusted input', () => {
  it('reads any label selector value as a selector or named problems, never throwing', () => {
    fc.assert(
      fc.property(fc.oneof(anyJson, fc.record({ matchLabels: fc.oneof(fc.dictionary(fc.string(), fc.string()), anyJson), matchExpressions: fc.oneof(fc.array(fc.record({ key: fc.oneof(fc.string(), anyJson), operator: fc.oneof(fc.constantFrom('In', 'NotIn', 'Exists', 'DoesNotExist'), anyJson), values: fc.oneof(fc.array(fc.string()), anyJson) }, { requiredKeys: [] })), anyJson) }, { requiredKeys: [] })), (value) => {
        const problems: InputProblem[] = [];
        const selector = readLabelSelector(new Issues(problems, { object: 'NetworkPolicy/x/y' }), value, 'spec.podSelector');
        // Either a selector without problems, or nothing and (for anything present) a named problem.
        if (selector !== undefined) expect(problems).toEqual([]);
        expect(allNamed(problems)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('parses any text as a CIDR or refuses it, and accepts every well-formed one', () => {
    fc.assert(fc.property(fc.string(), (text) => void parseCidr(text)), { numRuns: 500 });
    fc.assert(
      fc.property(fc.ipV4(), fc.integer({ min: 0, max: 32 }), (address, bits) => {
        const cidr = parseCidr(`${address}/${bits}`);
        expect(cidr).toBeDefined();
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.ipV6(), fc.integer({ min: 0, max: 128 }), (address, bits) => {
        expect(parseCidr(`${address}/${bits}`)).toBeDefined();
      }),
      { numRuns: 300 },
    );
    for (const bad of ['10.0.0.0/33', '10.0.0.0/-1', '10.0.0/8', '::/129', '10.0.0.0/8/8', ' 10.0.0.0/8', '']) expect([bad, parseCidr(bad)]).toEqual([bad, undefined]);
  });
});
