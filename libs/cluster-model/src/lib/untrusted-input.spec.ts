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
const ENTRY_KINDS = ['IngressClass', 'GatewayClass', 'Gateway', 'HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute', 'ReferenceGrant'];
const KINDS = ['Pod', 'Namespace', 'NetworkPolicy', 'Deployment', 'Service', 'Ingress', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'ClusterNetworkPolicy', 'Node', 'ReplicaSet', 'CronJob', 'List', 'PodList', 'ConfigMap', ...ENTRY_KINDS];
const ENTRY_API_VERSIONS = ['gateway.networking.k8s.io/v1', 'gateway.networking.k8s.io/v1beta1', 'gateway.networking.k8s.io/v1alpha2', 'networking.k8s.io/v1', 'networking.istio.io/v1'];
const API_VERSIONS = ['v1', 'apps/v1', 'networking.k8s.io/v1', 'policy.networking.k8s.io/v1alpha1', 'policy.networking.k8s.io/v1alpha2', 'batch/v1', 'bogus/v9', ...ENTRY_API_VERSIONS];
/** Fields of the entry-point kinds (Service load balancers, Ingress, Gateway API), top level and nested. */
const ENTRY_FIELDS = ['controller', 'controllerName', 'gatewayClassName', 'listeners', 'hostnames', 'parentRefs', 'backendRefs', 'rules', 'tls', 'hosts', 'defaultBackend', 'backend', 'from', 'to', 'name', 'kind', 'group', 'namespace', 'port', 'protocol', 'weight', 'sectionName', 'hostname', 'mode', 'allowedRoutes', 'namespaces', 'kinds', 'loadBalancerSourceRanges', 'loadBalancerClass', 'externalTrafficPolicy', 'clusterIP', 'type', 'ingressClassName'];
const specKeys = fc.constantFrom('podSelector', 'policyTypes', 'ingress', 'egress', 'from', 'to', 'ports', 'subject', 'priority', 'tier', 'selector', 'containers', 'template', 'replicas', 'type', 'rules', 'items', 'hostNetwork', ...ENTRY_FIELDS);
/** Annotations the readers look at, with values providers read and values they do not. */
const annotations = fc.oneof(
  fc.dictionary(fc.constantFrom('kubernetes.io/ingress.class', 'ingressclass.kubernetes.io/is-default-class', 'service.beta.kubernetes.io/load-balancer-source-ranges', 'service.beta.kubernetes.io/aws-load-balancer-internal', 'service.beta.kubernetes.io/aws-load-balancer-type', 'service.beta.kubernetes.io/aws-load-balancer-scheme', 'networking.gke.io/load-balancer-type', 'service.beta.kubernetes.io/azure-load-balancer-internal', 'constructor', '__proto__'), fc.oneof(fc.constantFrom('true', 'false', 'Internal', 'external', 'internet-facing', '10.0.0.0/8, 192.168.0.0/33', ''), anyJson)),
  anyJson,
);
const kubeObject = fc.record(
  {
    apiVersion: fc.oneof(fc.constantFrom(...API_VERSIONS), anyJson),
    kind: fc.oneof(fc.constantFrom(...KINDS), anyJson),
    metadata: fc.oneof(fc.record({ name: fc.oneof(fc.string(), anyJson), namespace: fc.oneof(fc.string(), anyJson), labels: fc.oneof(fc.dictionary(fc.string(), fc.string()), anyJson), annotations, creationTimestamp: anyJson, ownerReferences: anyJson }, { requiredKeys: [] }), anyJson),
    spec: fc.oneof(fc.dictionary(specKeys, fieldValue), anyJson),
    status: fc.oneof(fc.record({ podIP: fc.oneof(fc.ipV4(), fc.string()), phase: fc.string(), conditions: fc.oneof(fc.array(fc.record({ type: fc.constantFrom('Ready', 'Initialized'), status: fc.oneof(fc.constantFrom('True', 'False', 'Unknown'), anyJson) }, { requiredKeys: [] })), anyJson), addresses: anyJson }, { requiredKeys: [] }), anyJson),
    items: fc.array(anyJson, { maxLength: 3 }),
  },
  { requiredKeys: [] },
);

/** One valid object of each entry-point kind, for the property below to break at random places. */
const ENTRY_SAMPLES: readonly unknown[] = [
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'x' }, spec: { hostNetwork: true, containers: [{ ports: [{ containerPort: 80, hostPort: 80, hostIP: '10.0.0.1' }] }] }, status: { conditions: [{ type: 'Ready', status: 'True' }] } },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'x', annotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'external', 'service.beta.kubernetes.io/load-balancer-source-ranges': '10.0.0.0/8' } }, spec: { type: 'LoadBalancer', clusterIP: 'None', externalTrafficPolicy: 'Local', loadBalancerClass: 'service.k8s.aws/nlb', loadBalancerSourceRanges: ['10.0.0.0/8'], ports: [{ port: 80 }] } },
  { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'i', namespace: 'x', annotations: { 'kubernetes.io/ingress.class': 'nginx' } }, spec: { defaultBackend: { service: { name: 'd', port: { number: 80 } } }, tls: [{ hosts: ['a.example.com'] }, {}], rules: [{ host: 'a.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'w', port: { name: 'http' } } } }] } }] } },
  { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'c', creationTimestamp: '2024-01-01T00:00:00Z', annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } }, spec: { controller: 'k8s.io/ingress-nginx' } },
  { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', metadata: { name: 'gc' }, spec: { controllerName: 'example.com/gw' } },
  { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'g', namespace: 'x' }, spec: { gatewayClassName: 'gc', listeners: [{ name: 'https', port: 443, protocol: 'HTTPS', hostname: '*.example.com', tls: { mode: 'Terminate' }, allowedRoutes: { namespaces: { from: 'Selector', selector: { matchLabels: { a: 'b' } } }, kinds: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute' }] } }] }, status: { addresses: [{ value: '10.0.0.1' }] } },
  { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'r', namespace: 'x' }, spec: { hostnames: ['a.example.com'], parentRefs: [{ name: 'g', namespace: 'y', sectionName: 'https', port: 443 }], rules: [{ backendRefs: [{ name: 'w', port: 80, weight: 5 }] }] } },
  { apiVersion: 'gateway.networking.k8s.io/v1alpha2', kind: 'TCPRoute', metadata: { name: 't', namespace: 'x' }, spec: { parentRefs: [{ name: 'g' }], rules: [{ backendRefs: [{ group: '', kind: 'Service', name: 'db', port: 5432 }] }] } },
  { apiVersion: 'gateway.networking.k8s.io/v1beta1', kind: 'ReferenceGrant', metadata: { name: 'rg', namespace: 'y' }, spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'x' }], to: [{ group: '', kind: 'Service', name: 'w' }] } },
];

/** Every path into a JSON value, parents before children. */
function pathsOf(value: unknown, prefix: readonly (string | number)[] = []): (string | number)[][] {
  const here = [[...prefix]];
  if (Array.isArray(value)) return [...here, ...value.flatMap((entry, index) => pathsOf(entry, [...prefix, index]))];
  if (typeof value === 'object' && value !== null) {
    return [...here, ...Object.entries(value).flatMap(([key, entry]) => pathsOf(entry, [...prefix, key]))];
  }
  return here;
}

/** A copy of `value` with the value at `path` replaced (or removed, for undefined). */
function replaceAt(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(value)) return value.map((entry, index) => (index === head ? replaceAt(entry, rest, replacement) : entry));
  const record = value as Record<string, unknown>;
  return { ...record, [head]: replaceAt(record[head], rest, replacement) };
}

/** A valid entry-point object with a few of its values (metadata.name kept) replaced by odd ones. */
const brokenEntryObject = fc
  .tuple(fc.constantFrom(...ENTRY_SAMPLES), fc.array(fc.tuple(fc.nat(), fc.oneof(fieldValue, fc.constant(undefined))), { maxLength: 3 }))
  .map(([sample, changes]) =>
    changes.reduce((obj, [pick, replacement]) => {
      const paths = pathsOf(obj).filter((path) => path.length > 0 && path.join('.') !== 'metadata.name' && path.join('.') !== 'metadata');
      return paths.length === 0 ? obj : replaceAt(obj, paths[pick % paths.length] ?? [], replacement);
    }, sample),
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

  it('reads entry-point objects broken anywhere as model entries or named problems, never throwing', () => {
    fc.assert(
      fc.property(fc.array(brokenEntryObject, { maxLength: 4 }), (objects) => {
        const result = buildModel(objects.map((obj) => ({ obj, source: { file: 'entry.yaml' } })));
        expect(allNamed(result.problems)).toBe(true);
        for (const problem of result.problems) expect(problem.file).toBe('entry.yaml');
      }),
      { numRuns: 1000 },
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
