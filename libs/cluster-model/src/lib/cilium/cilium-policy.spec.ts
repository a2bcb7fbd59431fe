import fc from 'fast-check';
import { buildModel } from '../build-model';
import type {
  CiliumPeers,
  CiliumPolicy,
  CiliumPolicySpec,
  CiliumRequirement,
  CiliumRule,
  InputProblem,
  ReadResult,
} from '../types';

const FILE = 'cilium.yaml';
const NS_KEY = 'io.kubernetes.pod.namespace';

function read(...objects: unknown[]): ReadResult {
  return buildModel(objects.map((obj, document) => ({ obj, source: { file: FILE, document } })));
}

const cnp = (spec: unknown, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'cilium.io/v2',
  kind: 'CiliumNetworkPolicy',
  metadata: { name: 'p', namespace: 'shop' },
  spec,
  ...extra,
});

const ccnp = (spec: unknown, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'cilium.io/v2',
  kind: 'CiliumClusterwideNetworkPolicy',
  metadata: { name: 'c' },
  spec,
  ...extra,
});

/** A CNP or CCNP read without problems. */
function policy(obj: unknown): CiliumPolicy {
  const { model, problems } = read(obj);
  expect(problems).toEqual([]);
  const [read0] = model.ciliumPolicies;
  if (read0 === undefined) throw new Error('no Cilium policy read');
  return read0;
}

function onlySpec(obj: unknown): CiliumPolicySpec {
  const specs = policy(obj).specs;
  expect(specs).toHaveLength(1);
  return specs[0]!;
}

/** The first rule of a section of a policy's only spec. */
function firstRule(
  obj: unknown,
  section: 'ingress' | 'ingressDeny' | 'egress' | 'egressDeny' = 'ingress',
): CiliumRule {
  const rules = onlySpec(obj)[section];
  if (rules === null || rules[0] === undefined) throw new Error(`no ${section} rule`);
  return rules[0];
}

const peersOf = (obj: unknown, section?: 'ingress' | 'egress' | 'egressDeny'): CiliumPeers =>
  firstRule(obj, section).peers;

/** Reading the object reports problems and keeps nothing of it. */
function problemsOf(...objects: unknown[]): Pick<InputProblem, 'field' | 'message'>[] {
  const { model, problems } = read(...objects);
  expect(model.ciliumPolicies).toEqual([]);
  expect(model.ciliumCidrGroups).toEqual([]);
  expect(problems.length).toBeGreaterThan(0);
  return problems.map(({ field, message }) => ({ field, message }));
}

function expectProblem(obj: unknown, field: string | undefined, message: string): void {
  expect(problemsOf(obj)).toContainEqual({ field, message: expect.stringContaining(message) });
}

const req = (
  source: CiliumRequirement['source'],
  key: string,
  operator: CiliumRequirement['operator'] = 'In',
  values: string[] = [],
): CiliumRequirement => ({ source, key, operator, values });
const k8s = (key: string, value: string) => req('k8s', key, 'In', [value]);
const any = (key: string, value: string) => req('any', key, 'In', [value]);
const inNamespace = (namespace: string) => k8s(NS_KEY, namespace);
const ANY_NAMESPACE = req('k8s', NS_KEY, 'Exists');

const ingressFrom = (peer: Record<string, unknown>) => ({ endpointSelector: {}, ingress: [peer] });
const egressTo = (peer: Record<string, unknown>) => ({ endpointSelector: {}, egress: [peer] });

describe('Cilium policy resources', () => {
  it('reads a CiliumNetworkPolicy with its namespace, name, source and raw object', () => {
    const read0 = policy(cnp({ endpointSelector: {}, ingress: [{}] }));
    expect(read0).toMatchObject({
      kind: 'CiliumNetworkPolicy',
      namespace: 'shop',
      name: 'p',
      source: { file: FILE, document: 0 },
      raw: {
        apiVersion: 'cilium.io/v2',
        kind: 'CiliumNetworkPolicy',
        metadata: { name: 'p', namespace: 'shop' },
        spec: { endpointSelector: {}, ingress: [{}] },
      },
    });
  });

  it('reads a clusterwide policy without a namespace, even when metadata names one', () => {
    const read0 = policy(
      ccnp({ endpointSelector: {} }, { metadata: { name: 'c', namespace: 'ignored' } }),
    );
    expect(read0.kind).toBe('CiliumClusterwideNetworkPolicy');
    expect(read0).not.toHaveProperty('namespace');
  });

  it('puts a namespaced policy without metadata.namespace in the default namespace', () => {
    const read0 = policy(cnp({ endpointSelector: {} }, { metadata: { name: 'p' } }));
    expect(read0.namespace).toBe('default');
    expect(read0.specs[0]?.subject).toEqual({
      kind: 'endpoints',
      selector: { requirements: [inNamespace('default')], text: '{}' },
    });
  });

  it('reads spec first, then every entry of specs', () => {
    const read0 = policy(
      cnp(
        { description: 'first', endpointSelector: {} },
        {
          specs: [
            { description: 'second', endpointSelector: { matchLabels: { app: 'a' } } },
            { description: 'third', endpointSelector: { matchLabels: { app: 'b' } } },
          ],
        },
      ),
    );
    expect(read0.specs.map((spec) => spec.description)).toEqual(['first', 'second', 'third']);
    expect((read0.raw as { specs: unknown[] }).specs).toHaveLength(2);
  });

  it('reads specs with two rules, each pinned to the policy namespace', () => {
    const read0 = policy({
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumNetworkPolicy',
      metadata: { name: 'two', namespace: 'web' },
      specs: [
        {
          endpointSelector: { matchLabels: { role: 'frontend' } },
          ingress: [{ fromEndpoints: [{ matchLabels: { role: 'lb' } }] }],
        },
        {
          endpointSelector: { matchLabels: { role: 'backend' } },
          egress: [{ toEndpoints: [{ matchLabels: { role: 'db' } }] }],
        },
      ],
    });
    expect(read0.specs).toHaveLength(2);
    expect(read0.specs.map((spec) => spec.subject)).toEqual([
      {
        kind: 'endpoints',
        selector: {
          requirements: [any('role', 'frontend'), inNamespace('web')],
          text: 'role=frontend',
        },
      },
      {
        kind: 'endpoints',
        selector: {
          requirements: [any('role', 'backend'), inNamespace('web')],
          text: 'role=backend',
        },
      },
    ]);
    expect(read0.specs[0]?.ingress?.[0]?.peers).toEqual({
      kind: 'endpoints',
      selectors: [{ requirements: [any('role', 'lb'), inNamespace('web')], text: 'role=lb' }],
    });
    expect(read0.specs[1]?.egress?.[0]?.peers).toEqual({
      kind: 'endpoints',
      selectors: [{ requirements: [any('role', 'db'), inNamespace('web')], text: 'role=db' }],
    });
  });

  it('refuses a policy with neither spec nor specs', () => {
    expect(problemsOf(cnp(undefined))).toEqual([
      { field: 'spec', message: 'a Cilium policy needs spec or specs' },
    ]);
  });

  it('names the object and file of a problem', () => {
    const { problems } = read(ccnp(null));
    expect(problems).toEqual([
      {
        file: FILE,
        object: 'CiliumClusterwideNetworkPolicy/c',
        field: 'spec',
        message: 'a Cilium policy needs spec or specs',
      },
    ]);
  });

  it.each([
    ['spec is not an object', cnp([1, 2]), 'spec', 'must be an object, got a list'],
    ['specs is not a list', cnp(undefined, { specs: {} }), 'specs', 'must be a list'],
    [
      'a specs entry is null',
      cnp(undefined, { specs: [null] }),
      'specs[0]',
      'must be an object, got null',
    ],
  ])('refuses a policy whose %s', (_name, obj, field, message) => {
    expectProblem(obj, field, message);
  });

  it('accepts an empty specs list: a policy with no rules', () => {
    expect(policy(cnp(undefined, { specs: [] })).specs).toEqual([]);
  });

  it('keeps reading the other objects when one policy is refused', () => {
    const { model, problems } = read(
      cnp({ endpointSelector: {}, ingress: [{ fromEntities: ['moon'] }] }),
      {
        ...cnp({ endpointSelector: {} }),
        metadata: { name: 'good', namespace: 'shop' },
      },
    );
    expect(problems).toHaveLength(1);
    expect(model.ciliumPolicies.map((p) => p.name)).toEqual(['good']);
  });

  it('lists every mistake of a policy with its field path', () => {
    const problems = problemsOf(
      cnp(
        {
          endpointSelector: { matchExpressions: [{ key: 'app', operator: 'in', values: ['a'] }] },
          ingress: [
            { fromEndpoints: [{}, { matchExpressions: [{ key: 'x', operator: 'Equals' }] }] },
          ],
        },
        {
          specs: [
            { endpointSelector: {} },
            {
              endpointSelector: {},
              egress: [{ toPorts: [{ ports: [{ port: '80', protocol: 'ICMP' }] }] }],
            },
          ],
        },
      ),
    );
    expect(problems.map((p) => p.field)).toEqual([
      'spec.endpointSelector.matchExpressions[0].operator',
      'spec.ingress[0].fromEndpoints[1].matchExpressions[0].operator',
      'specs[1].egress[0].toPorts[0].ports[0].protocol',
    ]);
  });
});

describe('Cilium rule subjects', () => {
  it('reads nodeSelector of a clusterwide policy as a host policy on node labels', () => {
    expect(
      onlySpec(ccnp({ nodeSelector: { matchLabels: { 'node-role.kubernetes.io/worker': '' } } }))
        .subject,
    ).toEqual({
      kind: 'nodes',
      selector: { matchLabels: { 'node-role.kubernetes.io/worker': '' }, matchExpressions: [] },
    });
  });

  it('refuses nodeSelector in a CiliumNetworkPolicy', () => {
    expectProblem(
      cnp({ nodeSelector: {} }),
      'spec.nodeSelector',
      'only allowed in a CiliumClusterwideNetworkPolicy',
    );
  });

  it('refuses a rule with both endpointSelector and nodeSelector', () => {
    expectProblem(ccnp({ endpointSelector: {}, nodeSelector: {} }), 'spec', 'not both');
  });

  it('refuses a rule with neither, naming the entry of specs', () => {
    expectProblem(
      ccnp(undefined, { specs: [{ endpointSelector: {} }, { ingress: [{}] }] }),
      'specs[1]',
      'must specify endpointSelector',
    );
  });
});

describe('Cilium endpoint selectors and namespaces', () => {
  it('reads matchLabels as In requirements and matchExpressions with their operators, splitting sources', () => {
    const { subject } = onlySpec(
      ccnp({
        endpointSelector: {
          matchLabels: {
            'k8s:app': 'web',
            'any:tier': 'front',
            role: 'x',
            'reserved:host': '',
            'container:c': 'y',
          },
          matchExpressions: [
            { key: 'env', operator: 'In', values: ['a', 'b'] },
            { key: 'k8s:team', operator: 'NotIn', values: ['c'] },
            { key: 'debug', operator: 'DoesNotExist' },
            { key: 'k8s:io.cilium.k8s.namespace.labels.team', operator: 'Exists', values: [] },
          ],
        },
      }),
    );
    expect(subject).toEqual({
      kind: 'endpoints',
      selector: {
        requirements: [
          k8s('app', 'web'),
          any('tier', 'front'),
          any('role', 'x'),
          req('reserved', 'host', 'In', ['']),
          req('other', 'c', 'In', ['y']),
          req('any', 'env', 'In', ['a', 'b']),
          req('k8s', 'team', 'NotIn', ['c']),
          req('any', 'debug', 'DoesNotExist'),
          req('k8s', 'io.cilium.k8s.namespace.labels.team', 'Exists'),
        ],
        text: 'k8s:app=web, any:tier=front, role=x, reserved:host=, container:c=y, env in (a, b), k8s:team notin (c), !debug, k8s:io.cilium.k8s.namespace.labels.team',
      },
    });
  });

  it('leaves a clusterwide endpointSelector as written: {} is every endpoint', () => {
    expect(onlySpec(ccnp({ endpointSelector: {} })).subject).toEqual({
      kind: 'endpoints',
      selector: { requirements: [], text: '{}' },
    });
  });

  it('pins a CiliumNetworkPolicy endpointSelector to the policy namespace', () => {
    expect(onlySpec(cnp({ endpointSelector: {} })).subject).toEqual({
      kind: 'endpoints',
      selector: { requirements: [inNamespace('shop')], text: '{}' },
    });
  });

  it('replaces a k8s: namespace the endpointSelector names with the policy namespace', () => {
    const spec = onlySpec(
      cnp({
        endpointSelector: {
          matchLabels: { 'k8s:io.kubernetes.pod.namespace': 'foo', role: 'backend' },
        },
      }),
    );
    expect(spec.subject).toEqual({
      kind: 'endpoints',
      selector: {
        requirements: [any('role', 'backend'), inNamespace('shop')],
        text: 'k8s:io.kubernetes.pod.namespace=foo, role=backend',
      },
    });
  });

  it('keeps a namespace written without source as an extra any: requirement, as Cilium does', () => {
    const spec = onlySpec(
      cnp({ endpointSelector: { matchLabels: { 'io.kubernetes.pod.namespace': 'other' } } }),
    );
    expect(spec.subject).toMatchObject({
      selector: { requirements: [any(NS_KEY, 'other'), inNamespace('shop')] },
    });
  });

  it('keeps a matchExpressions entry on the k8s: namespace key: Cilium only replaces matchLabels', () => {
    const spec = onlySpec(
      cnp({
        endpointSelector: {
          matchExpressions: [
            { key: 'k8s:io.kubernetes.pod.namespace', operator: 'NotIn', values: ['kube-system'] },
          ],
        },
      }),
    );
    expect(spec.subject).toMatchObject({
      selector: {
        requirements: [req('k8s', NS_KEY, 'NotIn', ['kube-system']), inNamespace('shop')],
      },
    });
  });

  it('does not pin an endpointSelector of reserved:init (pods without labels yet)', () => {
    const spec = onlySpec(
      cnp({
        endpointSelector: { matchLabels: { 'reserved:init': '' } },
        ingress: [{ fromEndpoints: [{}] }],
      }),
    );
    expect(spec.subject).toMatchObject({
      selector: { requirements: [req('reserved', 'init', 'In', [''])] },
    });
  });

  describe('peer selectors', () => {
    it.each([
      ['fromEndpoints', ingressFrom({ fromEndpoints: [{}] }), 'ingress'],
      ['toEndpoints', egressTo({ toEndpoints: [{}] }), 'egress'],
    ] as const)(
      'limits an empty %s selector to the policy namespace in a CNP',
      (_name, spec, section) => {
        expect(peersOf(cnp(spec), section)).toEqual({
          kind: 'endpoints',
          selectors: [{ requirements: [inNamespace('shop')], text: '{}' }],
        });
      },
    );

    it.each([
      ['fromEndpoints', ingressFrom({ fromEndpoints: [{}] }), 'ingress'],
      ['toEndpoints', egressTo({ toEndpoints: [{}] }), 'egress'],
    ] as const)(
      'limits an empty %s selector to pods of any namespace in a CCNP',
      (_name, spec, section) => {
        expect(peersOf(ccnp(spec), section)).toEqual({
          kind: 'endpoints',
          selectors: [{ requirements: [ANY_NAMESPACE], text: '{}' }],
        });
      },
    );

    it('adds the namespace after the written requirements', () => {
      expect(
        peersOf(cnp(ingressFrom({ fromEndpoints: [{ matchLabels: { 'k8s:app': 'lb' } }] }))),
      ).toEqual({
        kind: 'endpoints',
        selectors: [{ requirements: [k8s('app', 'lb'), inNamespace('shop')], text: 'k8s:app=lb' }],
      });
    });

    const lifting: [string, Record<string, unknown>, CiliumRequirement[]][] = [
      [
        'the k8s: namespace key',
        { matchLabels: { 'k8s:io.kubernetes.pod.namespace': 'ns2' } },
        [k8s(NS_KEY, 'ns2')],
      ],
      [
        'the any: namespace key',
        { matchLabels: { 'any:io.kubernetes.pod.namespace': 'ns2' } },
        [any(NS_KEY, 'ns2')],
      ],
      [
        'the namespace key without source',
        { matchLabels: { 'io.kubernetes.pod.namespace': 'ns2' } },
        [any(NS_KEY, 'ns2')],
      ],
      [
        'an Exists expression on the namespace key',
        { matchExpressions: [{ key: 'io.kubernetes.pod.namespace', operator: 'Exists' }] },
        [req('any', NS_KEY, 'Exists')],
      ],
      [
        'a NotIn expression on the k8s: namespace key',
        {
          matchExpressions: [
            { key: 'k8s:io.kubernetes.pod.namespace', operator: 'NotIn', values: ['a'] },
          ],
        },
        [req('k8s', NS_KEY, 'NotIn', ['a'])],
      ],
      [
        'a reserved: key',
        { matchLabels: { 'reserved:host': '' } },
        [req('reserved', 'host', 'In', [''])],
      ],
    ];

    it.each(lifting)(
      'adds no namespace in a CNP to a selector naming %s',
      (_name, selector, requirements) => {
        expect(peersOf(cnp(ingressFrom({ fromEndpoints: [selector] })))).toEqual({
          kind: 'endpoints',
          selectors: [{ requirements, text: expect.any(String) }],
        });
      },
    );

    it.each(lifting)(
      'adds no namespace in a CCNP to a selector naming %s',
      (_name, selector, requirements) => {
        expect(peersOf(ccnp(egressTo({ toEndpoints: [selector] })), 'egress')).toEqual({
          kind: 'endpoints',
          selectors: [{ requirements, text: expect.any(String) }],
        });
      },
    );

    it.each([
      ['k8s:', 'k8s:io.cilium.k8s.namespace.labels.team', 'k8s'],
      ['no', 'io.cilium.k8s.namespace.labels.team', 'any'],
    ] as const)(
      'lets a CNP peer select by namespace labels (%s source) in every namespace',
      (_name, key, source) => {
        expect(
          peersOf(cnp(ingressFrom({ fromEndpoints: [{ matchLabels: { [key]: 'a' } }] }))),
        ).toEqual({
          kind: 'endpoints',
          selectors: [
            {
              requirements: [req(source, 'io.cilium.k8s.namespace.labels.team', 'In', ['a'])],
              text: `${key}=a`,
            },
          ],
        });
      },
    );

    it('still limits a CCNP peer selecting by namespace labels to pods, as Cilium does', () => {
      expect(
        peersOf(
          ccnp(
            ingressFrom({
              fromEndpoints: [{ matchLabels: { 'k8s:io.cilium.k8s.namespace.labels.team': 'a' } }],
            }),
          ),
        ),
      ).toEqual({
        kind: 'endpoints',
        selectors: [
          {
            requirements: [k8s('io.cilium.k8s.namespace.labels.team', 'a'), ANY_NAMESPACE],
            text: 'k8s:io.cilium.k8s.namespace.labels.team=a',
          },
        ],
      });
    });

    it('limits a selector on another label source (container:) like any other', () => {
      expect(
        peersOf(cnp(ingressFrom({ fromEndpoints: [{ matchLabels: { 'container:app': 'a' } }] }))),
      ).toMatchObject({
        selectors: [{ requirements: [req('other', 'app', 'In', ['a']), inNamespace('shop')] }],
      });
    });

    it('adds no Exists to CCNP peers of a reserved:init rule', () => {
      expect(
        peersOf(
          ccnp({
            endpointSelector: { matchLabels: { 'reserved:init': '' } },
            ingress: [{ fromEndpoints: [{}] }],
          }),
        ),
      ).toEqual({ kind: 'endpoints', selectors: [{ requirements: [], text: '{}' }] });
    });

    it('treats fromRequires and toRequires like peer selectors', () => {
      const spec = onlySpec(
        cnp({
          endpointSelector: {},
          ingress: [
            {
              fromRequires: [{ matchLabels: { env: 'prod' } }],
              fromEndpoints: [{ matchLabels: { role: 'fe' } }],
            },
          ],
          egress: [
            {
              toRequires: [{ matchLabels: { 'io.kubernetes.pod.namespace': 'x' } }],
              toEntities: ['world'],
            },
          ],
        }),
      );
      expect(spec.ingress?.[0]?.requires).toEqual([
        { requirements: [any('env', 'prod'), inNamespace('shop')], text: 'env=prod' },
      ]);
      expect(spec.egress?.[0]?.requires).toEqual([
        { requirements: [any(NS_KEY, 'x')], text: 'io.kubernetes.pod.namespace=x' },
      ]);
      expect(spec.egress?.[0]?.peers).toEqual({ kind: 'entities', entities: ['world'] });
      expect(
        firstRule(
          ccnp({ endpointSelector: {}, ingressDeny: [{ fromRequires: [{}] }] }),
          'ingressDeny',
        ).requires,
      ).toEqual([{ requirements: [ANY_NAMESPACE], text: '{}' }]);
    });
  });

  it.each([
    [
      'a lower-case operator',
      { matchExpressions: [{ key: 'app', operator: 'in', values: ['a'] }] },
      'spec.ingress[0].fromEndpoints[1].matchExpressions[0].operator',
      'not a valid selector operator',
    ],
    [
      'In without values',
      { matchExpressions: [{ key: 'app', operator: 'In' }] },
      'spec.ingress[0].fromEndpoints[1].matchExpressions[0].values',
      'must be specified when operator is In',
    ],
    [
      'Exists with values',
      { matchExpressions: [{ key: 'app', operator: 'Exists', values: ['a'] }] },
      'spec.ingress[0].fromEndpoints[1].matchExpressions[0].values',
      'may not be specified when operator is Exists',
    ],
    [
      'an expression without key',
      { matchExpressions: [{ operator: 'Exists' }] },
      'spec.ingress[0].fromEndpoints[1].matchExpressions[0].key',
      'is required',
    ],
    [
      'a key with a source and no name',
      { matchExpressions: [{ key: 'k8s:', operator: 'Exists' }] },
      'spec.ingress[0].fromEndpoints[1].matchExpressions[0].key',
      'names a label source but no key',
    ],
    [
      'a label value that is not a string',
      { matchLabels: { app: 3 } },
      'spec.ingress[0].fromEndpoints[1].matchLabels.app',
      'must be a string',
    ],
    [
      'an empty matchLabels key',
      { matchLabels: { '': 'a' } },
      'spec.ingress[0].fromEndpoints[1].matchLabels',
      'empty key',
    ],
    ['a null selector', null, 'spec.ingress[0].fromEndpoints[1]', 'must be an object, got null'],
  ])('refuses a peer selector with %s', (_name, selector, field, message) => {
    expectProblem(cnp(ingressFrom({ fromEndpoints: [{}, selector] })), field, message);
  });

  it('refuses a bad endpointSelector operator at its path', () => {
    expectProblem(
      ccnp({ endpointSelector: { matchExpressions: [{ key: 'a', operator: 'Exist' }] } }),
      'spec.endpointSelector.matchExpressions[0].operator',
      'not a valid selector operator',
    );
  });
});

describe('Cilium rule sections', () => {
  it('keeps absent sections (null) apart from empty ones ([])', () => {
    const spec = onlySpec(cnp({ endpointSelector: {}, ingress: [], egressDeny: [] }));
    expect(spec).toMatchObject({ ingress: [], ingressDeny: null, egress: null, egressDeny: [] });
  });

  it('reads a rule with nothing in it (and a null rule) as any peer, every port', () => {
    const spec = onlySpec(cnp({ endpointSelector: {}, ingress: [{}], egress: [null] }));
    const empty = { peers: { kind: 'any' }, requires: [], toPorts: null, icmpOnly: false };
    expect(spec.ingress).toEqual([empty]);
    expect(spec.egress).toEqual([empty]);
  });

  it('reads a rule with ports and no L3 field as any peer on those ports', () => {
    const rule = firstRule(
      cnp(ingressFrom({ toPorts: [{ ports: [{ port: '80', protocol: 'TCP' }] }] })),
    );
    expect(rule.peers).toEqual({ kind: 'any' });
    expect(rule.toPorts).toEqual([{ ports: [{ port: 80, protocol: 'TCP' }] }]);
  });

  it.each([
    ['ingress', 'fromEndpoints', 'fromCIDR', { fromEndpoints: [{}], fromCIDR: ['10.0.0.0/8'] }],
    ['ingress', 'fromEntities', 'fromNodes', { fromEntities: ['world'], fromNodes: [{}] }],
    [
      'ingress',
      'fromCIDR',
      'fromCIDRSet',
      { fromCIDR: ['10.0.0.0/8'], fromCIDRSet: [{ cidr: '10.1.0.0/16' }] },
    ],
    ['egress', 'toEndpoints', 'toFQDNs', { toEndpoints: [{}], toFQDNs: [{ matchName: 'a.io' }] }],
    [
      'egress',
      'toServices',
      'toEntities',
      { toEntities: ['world'], toServices: [{ k8sService: { serviceName: 's' } }] },
    ],
    [
      'egress',
      'toCIDR',
      'toCIDRSet',
      { toCIDR: ['1.1.1.1/32'], toCIDRSet: [{ cidr: '1.0.0.0/8' }] },
    ],
    ['egress', 'toGroups', 'toNodes', { toGroups: [{ aws: {} }], toNodes: [{}] }],
  ] as const)(
    'refuses combining two kinds of %s peer in one rule: %s and %s',
    (section, a, b, rule) => {
      const problems = problemsOf(cnp({ endpointSelector: {}, [section]: [{}, rule] }));
      expect(problems).toEqual([
        {
          field: `spec.${section}[1]`,
          message: expect.stringMatching(
            new RegExp(`only one kind of peer.*(${a} and ${b}|${b} and ${a})`),
          ),
        },
      ]);
    },
  );

  it('lets fromRequires and toPorts accompany any kind of peer', () => {
    const rule = firstRule(
      cnp(
        ingressFrom({
          fromRequires: [{}],
          fromEntities: ['cluster'],
          toPorts: [{ ports: [{ port: '53' }] }],
        }),
      ),
    );
    expect(rule.peers).toEqual({ kind: 'entities', entities: ['cluster'] });
    expect(rule.requires).toHaveLength(1);
  });

  it.each([
    ['fromEndpoints: []', { fromEndpoints: [] }, { kind: 'endpoints', selectors: [] }],
    ['fromCIDR: []', { fromCIDR: [] }, { kind: 'cidrs', cidrs: [], groups: [] }],
    ['fromCIDRSet: []', { fromCIDRSet: [] }, { kind: 'cidrs', cidrs: [], groups: [] }],
    ['fromEntities: []', { fromEntities: [] }, { kind: 'entities', entities: [] }],
    ['fromNodes: []', { fromNodes: [] }, { kind: 'nodes', selectors: [] }],
    [
      'an empty list next to another kind',
      { fromEntities: ['world'], fromEndpoints: [] },
      { kind: 'endpoints', selectors: [] },
    ],
  ])('reads %s as selecting nothing, not as any peer', (_name, rule, peers) => {
    expect(peersOf(cnp(ingressFrom({ ...rule, toPorts: [{ ports: [{ port: '80' }] }] })))).toEqual(
      peers,
    );
  });

  it.each([
    ['toEndpoints: []', { toEndpoints: [] }, { kind: 'endpoints', selectors: [] }],
    ['toCIDR: []', { toCIDR: [] }, { kind: 'cidrs', cidrs: [], groups: [] }],
    ['toServices: []', { toServices: [] }, { kind: 'services', services: [] }],
    ['toFQDNs: []', { toFQDNs: [] }, { kind: 'fqdns', names: [] }],
  ])('reads egress %s as selecting nothing', (_name, rule, peers) => {
    expect(peersOf(cnp(egressTo(rule)), 'egress')).toEqual(peers);
  });

  describe('entities', () => {
    it('reads every entity Cilium knows', () => {
      const entities = [
        'world',
        'world-ipv4',
        'world-ipv6',
        'cluster',
        'host',
        'remote-node',
        'kube-apiserver',
        'ingress',
        'all',
        'health',
        'init',
        'unmanaged',
        'none',
      ];
      expect(peersOf(cnp(egressTo({ toEntities: entities })), 'egress')).toEqual({
        kind: 'entities',
        entities,
      });
    });

    it.each([['moon'], ['World'], [7]])('refuses the entity %j', (entity) => {
      expectProblem(
        cnp(egressTo({ toEntities: ['world', entity] })),
        'spec.egress[0].toEntities[1]',
        'unknown entity',
      );
    });
  });

  describe('CIDRs', () => {
    it('reads toCIDR prefixes and single addresses as CIDRs without exceptions', () => {
      expect(
        peersOf(
          cnp(egressTo({ toCIDR: ['10.0.0.0/8', '192.0.2.7', '2001:DB8::1', '10.1.2.3/16'] })),
          'egress',
        ),
      ).toEqual({
        kind: 'cidrs',
        cidrs: [
          { cidr: '10.0.0.0/8', except: [] },
          { cidr: '192.0.2.7/32', except: [] },
          { cidr: '2001:db8::1/128', except: [] },
          { cidr: '10.1.2.3/16', except: [] },
        ],
        groups: [],
      });
    });

    it('reads CIDR sets with exceptions, group references and group selectors', () => {
      expect(
        peersOf(
          cnp(
            egressTo({
              toCIDRSet: [
                { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '192.168.0.0/16'] },
                { cidr: '1.0.0.0/8', except: ['1.0.0.0/8'] },
                { cidrGroupRef: 'partners' },
                { cidrGroupSelector: { matchLabels: { destination: 'external' } } },
                { cidr: '2001:db8::/32' },
              ],
            }),
          ),
          'egress',
        ),
      ).toEqual({
        kind: 'cidrs',
        cidrs: [
          { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '192.168.0.0/16'] },
          { cidr: '1.0.0.0/8', except: ['1.0.0.0/8'] },
          { cidr: '2001:db8::/32', except: [] },
        ],
        groups: [
          { name: 'partners', except: [] },
          { selector: { matchLabels: { destination: 'external' }, matchExpressions: [] }, except: [] },
        ],
      });
    });

    it.each([
      [
        'an except outside its cidr',
        { cidr: '10.1.0.0/16', except: ['10.2.0.0/24'] },
        'spec.ingress[0].fromCIDRSet[0].except[0]',
        'does not lie inside cidr 10.1.0.0/16',
      ],
      [
        'an except wider than its cidr',
        { cidr: '10.1.0.0/16', except: ['10.0.0.0/8'] },
        'spec.ingress[0].fromCIDRSet[0].except[0]',
        'does not lie inside',
      ],
      [
        'an except of the other family',
        { cidr: '0.0.0.0/0', except: ['::/1'] },
        'spec.ingress[0].fromCIDRSet[0].except[0]',
        'does not lie inside',
      ],
      [
        'an invalid except',
        { cidr: '10.0.0.0/8', except: ['10.0.0.0/40'] },
        'spec.ingress[0].fromCIDRSet[0].except[0]',
        'invalid CIDR',
      ],
      [
        'a cidr without prefix length',
        { cidr: '10.0.0.1' },
        'spec.ingress[0].fromCIDRSet[0].cidr',
        'invalid CIDR',
      ],
      [
        'cidr and cidrGroupRef together',
        { cidr: '10.0.0.0/8', cidrGroupRef: 'g' },
        'spec.ingress[0].fromCIDRSet[0]',
        'not cidr and cidrGroupRef',
      ],
      [
        'none of cidr, cidrGroupRef, cidrGroupSelector',
        { except: ['10.0.0.0/8'] },
        'spec.ingress[0].fromCIDRSet[0]',
        'must specify one of cidr',
      ],
      [
        'a bad group name',
        { cidrGroupRef: 'Not_A_Name' },
        'spec.ingress[0].fromCIDRSet[0].cidrGroupRef',
        'invalid CiliumCIDRGroup name',
      ],
      [
        'a bad group selector',
        { cidrGroupSelector: { matchExpressions: [{ key: 'a', operator: 'Has' }] } },
        'spec.ingress[0].fromCIDRSet[0].cidrGroupSelector.matchExpressions[0].operator',
        'not a valid selector operator',
      ],
    ])('refuses a CIDR set entry with %s', (_name, entry, field, message) => {
      expectProblem(cnp(ingressFrom({ fromCIDRSet: [entry] })), field, message);
    });

    it.each([['not-a-cidr'], ['10.0.0.0/33'], [''], [null]])(
      'refuses the fromCIDR entry %j',
      (entry) => {
        expect(problemsOf(cnp(ingressFrom({ fromCIDR: ['10.0.0.0/8', entry] })))[0]?.field).toBe(
          'spec.ingress[0].fromCIDR[1]',
        );
      },
    );
  });

  describe('services, FQDNs, nodes and groups', () => {
    it('reads toServices by name (with or without namespace) and by label selector', () => {
      expect(
        peersOf(
          cnp(
            egressTo({
              toServices: [
                { k8sService: { serviceName: 'api', namespace: 'backend' } },
                { k8sService: { serviceName: 'db' } },
                {
                  k8sServiceSelector: {
                    selector: { matchLabels: { tier: 'cache' } },
                    namespace: 'infra',
                  },
                },
                {
                  k8sServiceSelector: {
                    selector: { matchExpressions: [{ key: 'env', operator: 'Exists' }] },
                  },
                },
              ],
            }),
          ),
          'egress',
        ),
      ).toEqual({
        kind: 'services',
        services: [
          { name: 'api', namespace: 'backend' },
          { name: 'db' },
          {
            selector: { matchLabels: { tier: 'cache' }, matchExpressions: [] },
            namespace: 'infra',
          },
          {
            selector: {
              matchLabels: {},
              matchExpressions: [{ key: 'env', operator: 'Exists', values: [] }],
            },
          },
        ],
      });
    });

    it('uses k8sServiceSelector when an entry has both, as Cilium does', () => {
      expect(
        peersOf(
          cnp(
            egressTo({
              toServices: [
                { k8sService: { serviceName: 'x' }, k8sServiceSelector: { selector: {} } },
              ],
            }),
          ),
          'egress',
        ),
      ).toEqual({
        kind: 'services',
        services: [{ selector: { matchLabels: {}, matchExpressions: [] } }],
      });
    });

    it.each([
      [
        'no serviceName',
        { k8sService: { namespace: 'a' } },
        'spec.egress[0].toServices[0].k8sService.serviceName',
        'is required',
      ],
      [
        'neither field',
        {},
        'spec.egress[0].toServices[0]',
        'must specify k8sService or k8sServiceSelector',
      ],
      [
        'a selector-less k8sServiceSelector',
        { k8sServiceSelector: { namespace: 'a' } },
        'spec.egress[0].toServices[0].k8sServiceSelector.selector',
        'is required',
      ],
    ])('refuses a toServices entry with %s', (_name, entry, field, message) => {
      expectProblem(cnp(egressTo({ toServices: [entry] })), field, message);
    });

    it('reads toFQDNs names and patterns as written', () => {
      expect(
        peersOf(
          cnp(
            egressTo({
              toFQDNs: [
                { matchName: 'api.example.com' },
                { matchPattern: '*.cilium.io' },
                { matchPattern: '**.Example.org.' },
              ],
            }),
          ),
          'egress',
        ),
      ).toEqual({ kind: 'fqdns', names: ['api.example.com', '*.cilium.io', '**.Example.org.'] });
    });

    it.each([
      [
        'both matchName and matchPattern',
        { matchName: 'a.io', matchPattern: '*.a.io' },
        'spec.egress[0].toFQDNs[0]',
        'not both',
      ],
      ['neither', {}, 'spec.egress[0].toFQDNs[0]', 'must specify one of matchName, matchPattern'],
      [
        'a wildcard in matchName',
        { matchName: '*.a.io' },
        'spec.egress[0].toFQDNs[0].matchName',
        'invalid DNS name',
      ],
      [
        'a space in a pattern',
        { matchPattern: 'a b' },
        'spec.egress[0].toFQDNs[0].matchPattern',
        'invalid DNS name pattern',
      ],
      [
        'a long bad name',
        { matchName: `${'a'.repeat(40)}!` },
        'spec.egress[0].toFQDNs[0].matchName',
        'invalid DNS name',
      ],
    ])('refuses a toFQDNs entry with %s', (_name, entry, field, message) => {
      expectProblem(cnp(egressTo({ toFQDNs: [entry] })), field, message);
    });

    it('reads fromNodes and toNodes as node label selectors', () => {
      const spec = onlySpec(
        ccnp({
          endpointSelector: {},
          ingress: [
            { fromNodes: [{ matchLabels: { 'node-role.kubernetes.io/control-plane': '' } }] },
          ],
          egress: [{ toNodes: [{}] }],
        }),
      );
      expect(spec.ingress?.[0]?.peers).toEqual({
        kind: 'nodes',
        selectors: [
          { matchLabels: { 'node-role.kubernetes.io/control-plane': '' }, matchExpressions: [] },
        ],
      });
      expect(spec.egress?.[0]?.peers).toEqual({
        kind: 'nodes',
        selectors: [{ matchLabels: {}, matchExpressions: [] }],
      });
    });

    it('reads fromGroups and toGroups as cloud groups', () => {
      const group = { aws: { securityGroupsIds: ['sg-1'] } };
      const spec = onlySpec(
        cnp({
          endpointSelector: {},
          ingress: [{ fromGroups: [group] }],
          egress: [{ toGroups: [group] }],
        }),
      );
      expect(spec.ingress?.[0]?.peers).toEqual({ kind: 'groups' });
      expect(spec.egress?.[0]?.peers).toEqual({ kind: 'groups' });
    });
  });

  describe('deny rules', () => {
    it('reads ingressDeny and egressDeny like allow rules, ports included', () => {
      const spec = onlySpec(
        cnp({
          endpointSelector: {},
          ingressDeny: [{ fromEntities: ['world'] }],
          egressDeny: [
            {
              toCIDRSet: [{ cidr: '10.0.0.0/8' }],
              toPorts: [{ ports: [{ port: '443', protocol: 'TCP' }] }],
            },
          ],
        }),
      );
      expect(spec.ingressDeny).toEqual([
        {
          peers: { kind: 'entities', entities: ['world'] },
          requires: [],
          toPorts: null,
          icmpOnly: false,
        },
      ]);
      expect(spec.egressDeny?.[0]?.toPorts).toEqual([{ ports: [{ port: 443, protocol: 'TCP' }] }]);
    });

    it.each([
      ['egressDeny', { toFQDNs: [{ matchName: 'a.io' }] }, 'spec.egressDeny[0].toFQDNs'],
      [
        'egressDeny',
        {
          toPorts: [{ ports: [{ port: '80', protocol: 'TCP' }], rules: { http: [{ path: '/' }] } }],
        },
        'spec.egressDeny[0].toPorts[0].rules',
      ],
      [
        'ingressDeny',
        { toPorts: [{ ports: [{ port: '443', protocol: 'TCP' }], serverNames: ['a.io'] }] },
        'spec.ingressDeny[0].toPorts[0].serverNames',
      ],
      [
        'ingressDeny',
        { authentication: { mode: 'required' } },
        'spec.ingressDeny[0].authentication',
      ],
    ])('refuses in %s what only allow rules have: %j', (section, rule, field) => {
      expectProblem(
        cnp({ endpointSelector: {}, [section]: [rule] }),
        field,
        'not supported in deny rules',
      );
    });
  });
});

describe('Cilium ports', () => {
  const portsOf = (ports: unknown[], rule: Record<string, unknown> = {}) =>
    firstRule(cnp(ingressFrom({ toPorts: [{ ports, ...rule }] }))).toPorts;

  it('reads ports written as strings or numbers, protocol defaulting to ANY', () => {
    expect(
      portsOf([
        { port: '80' },
        { port: 443, protocol: 'TCP' },
        { port: '53', protocol: 'UDP' },
        { port: '9000', protocol: 'SCTP' },
        { port: '8080', protocol: 'ANY' },
        { port: '7', protocol: '' },
      ]),
    ).toEqual([
      {
        ports: [
          { port: 80, protocol: 'ANY' },
          { port: 443, protocol: 'TCP' },
          { port: 53, protocol: 'UDP' },
          { port: 9000, protocol: 'SCTP' },
          { port: 8080, protocol: 'ANY' },
          { port: 7, protocol: 'ANY' },
        ],
      },
    ]);
  });

  it('lower-cases named ports, as Cilium compares them without case', () => {
    expect(portsOf([{ port: 'HTTP-8080', protocol: 'TCP' }, { port: 'dns' }])).toEqual([
      {
        ports: [
          { port: 'http-8080', protocol: 'TCP' },
          { port: 'dns', protocol: 'ANY' },
        ],
      },
    ]);
  });

  it('reads port 0 as every port, as a string or a number', () => {
    expect(portsOf([{ port: '0', protocol: 'TCP' }, { port: 0 }])).toEqual([
      {
        ports: [
          { port: 0, protocol: 'TCP' },
          { port: 0, protocol: 'ANY' },
        ],
      },
    ]);
  });

  it('reads ranges with endPort, ignoring endPort where Cilium does', () => {
    expect(
      portsOf([
        { port: '4096', endPort: 8191, protocol: 'TCP' },
        { port: '80', endPort: 80 },
        { port: 'http', endPort: 90 },
        { port: '0', endPort: 90 },
        { port: '70', endPort: 0 },
      ]),
    ).toEqual([
      {
        ports: [
          { port: 4096, endPort: 8191, protocol: 'TCP' },
          { port: 80, endPort: 80, protocol: 'ANY' },
          { port: 'http', protocol: 'ANY' },
          { port: 0, protocol: 'ANY' },
          { port: 70, protocol: 'ANY' },
        ],
      },
    ]);
  });

  it('reads a leading zero as octal, as Go parses the port', () => {
    expect(portsOf([{ port: '010' }])).toEqual([{ ports: [{ port: 8, protocol: 'ANY' }] }]);
  });

  it('reads an absent or empty toPorts as every port, as Cilium counts entries', () => {
    expect(firstRule(cnp(ingressFrom({ fromEntities: ['world'] }))).toPorts).toBeNull();
    expect(
      firstRule(cnp(ingressFrom({ fromEntities: ['world'], toPorts: [] }))).toPorts,
    ).toBeNull();
  });

  it.each([
    ['no port', { protocol: 'TCP' }, 'port', 'is required'],
    ['an empty port', { port: '' }, 'port', 'is required'],
    ['ICMP', { port: '80', protocol: 'ICMP' }, 'protocol', 'unsupported protocol "ICMP"'],
    [
      'a lower-case protocol',
      { port: '80', protocol: 'tcp' },
      'protocol',
      'must be one of TCP, UDP, SCTP, ANY',
    ],
    ['a port above 65535', { port: '70000' }, 'port', 'invalid port "70000"'],
    ['a negative port', { port: -1 }, 'port', 'invalid port -1'],
    ['a bad port name', { port: 'http_alt' }, 'port', 'invalid port name "http_alt"'],
    [
      'a port name over 15 characters',
      { port: 'a-very-long-name' },
      'port',
      'no more than 15 characters',
    ],
    ['an octal port with 8 in it', { port: '08' }, 'port', 'invalid port "08"'],
    [
      'endPort below port',
      { port: '100', endPort: 90 },
      'endPort',
      'must be greater than or equal to port (100), got 90',
    ],
    ['endPort above 65535', { port: '100', endPort: 70000 }, 'endPort', 'invalid port 70000'],
    ['a port of the wrong type', { port: true }, 'port', 'must be a port number or name'],
  ])('refuses a port with %s', (_name, port, field, message) => {
    expectProblem(
      cnp(ingressFrom({ toPorts: [{ ports: [{ port: '1' }, port] }] })),
      `spec.ingress[0].toPorts[0].ports[1].${field}`,
      message,
    );
  });

  it('refuses more than 40 ports in a port rule', () => {
    const ports = Array.from({ length: 41 }, (_, index) => ({ port: String(index + 1) }));
    expectProblem(
      cnp(ingressFrom({ toPorts: [{ ports }] })),
      'spec.ingress[0].toPorts[0].ports',
      'at most 40 ports',
    );
  });

  it('names the spec of a bad protocol in specs', () => {
    expectProblem(
      cnp(undefined, {
        specs: [
          { endpointSelector: {} },
          {
            endpointSelector: {},
            egress: [{ toPorts: [{ ports: [{ port: '1', protocol: 'ICMP' }] }] }],
          },
        ],
      }),
      'specs[1].egress[0].toPorts[0].ports[0].protocol',
      'unsupported protocol',
    );
  });

  describe('L7 and other conditional allows', () => {
    const tcp80 = [{ port: '80', protocol: 'TCP' }];
    const egressPorts = (portRule: Record<string, unknown>) =>
      firstRule(cnp(egressTo({ toEntities: ['world'], toPorts: [portRule] })), 'egress').toPorts;

    it.each([
      [
        'HTTP rules',
        { ports: tcp80, rules: { http: [{ method: 'GET', path: '/' }] } },
        'L7 HTTP rules',
      ],
      ['Kafka rules', { ports: tcp80, rules: { kafka: [{ topic: 'orders' }] } }, 'L7 Kafka rules'],
      [
        'DNS rules',
        { ports: [{ port: '53', protocol: 'UDP' }], rules: { dns: [{ matchPattern: '*' }] } },
        'DNS rules',
      ],
      [
        'a generic L7 parser',
        { ports: tcp80, rules: { l7proto: 'r2d2', l7: [{ cmd: 'READ' }] } },
        'L7 r2d2 rules',
      ],
      [
        'TLS server names',
        { ports: [{ port: '443', protocol: 'TCP' }], serverNames: ['api.example.com'] },
        'TLS server names',
      ],
      [
        'an Envoy listener',
        {
          ports: tcp80,
          listener: { name: 'l1', envoyConfig: { kind: 'CiliumEnvoyConfig', name: 'cec' } },
        },
        'an Envoy listener',
      ],
      [
        'server names and a listener',
        { ports: tcp80, serverNames: ['a.io'], listener: { name: 'l1' } },
        'TLS server names, an Envoy listener',
      ],
    ])('marks a port rule with %s as conditional', (_name, portRule, reason) => {
      expect(egressPorts(portRule)?.[0]?.conditional).toBe(reason);
    });

    it.each([
      ['rules: {}', { rules: {} }],
      ['rules: {http: []}', { rules: { http: [] } }],
      ['an l7proto without rules', { rules: { l7proto: 'r2d2' } }],
      ['serverNames: []', { serverNames: [] }],
    ])('reads %s as no restriction, on any protocol', (_name, extra) => {
      const ports = egressPorts({ ports: [{ port: '80' }], ...extra });
      expect(ports).toEqual([{ ports: [{ port: 80, protocol: 'ANY' }] }]);
    });

    it('marks HTTP rules on ingress as conditional too', () => {
      expect(
        firstRule(
          cnp(
            ingressFrom({
              fromEndpoints: [{}],
              toPorts: [{ ports: tcp80, rules: { http: [{}] } }],
            }),
          ),
        ).toPorts,
      ).toEqual([{ ports: [{ port: 80, protocol: 'TCP' }], conditional: 'L7 HTTP rules' }]);
    });

    it.each([
      [
        'HTTP rules on a port of any protocol',
        'egress',
        { ports: [{ port: '80' }], rules: { http: [{}] } },
        'ports[0].protocol',
        'L7 rules apply to TCP only',
      ],
      [
        'HTTP rules on UDP',
        'egress',
        { ports: [{ port: '80', protocol: 'UDP' }], rules: { http: [{}] } },
        'ports[0].protocol',
        'L7 rules apply to TCP only',
      ],
      [
        'L7 rules on port 0',
        'egress',
        { ports: [{ port: '0', protocol: 'TCP' }], rules: { http: [{}] } },
        'rules',
        'port 0',
      ],
      [
        'DNS rules on ingress',
        'ingress',
        { ports: [{ port: '53', protocol: 'UDP' }], rules: { dns: [{ matchName: 'a.io' }] } },
        'rules.dns',
        'only allowed on egress',
      ],
      [
        'DNS rules on a port range',
        'egress',
        {
          ports: [{ port: '53', endPort: 60, protocol: 'UDP' }],
          rules: { dns: [{ matchName: 'a.io' }] },
        },
        'ports[0].endPort',
        'DNS rules do not support port ranges',
      ],
      [
        'DNS rules without ports',
        'egress',
        { rules: { dns: [{ matchName: 'a.io' }] } },
        'ports',
        'DNS port',
      ],
      [
        'a bad DNS name',
        'egress',
        { ports: [{ port: '53' }], rules: { dns: [{ matchName: 'a b' }] } },
        'rules.dns[0].matchName',
        'invalid DNS name',
      ],
      [
        'two kinds of L7 rules',
        'egress',
        { ports: tcp80, rules: { http: [{}], kafka: [{}] } },
        'rules',
        'only one kind of L7 rule, not http and kafka',
      ],
      [
        'l7 without l7proto',
        'egress',
        { ports: tcp80, rules: { l7: [{ a: 'b' }] } },
        'rules.l7',
        'only be specified with l7proto',
      ],
      [
        'a listener on ingress',
        'ingress',
        { ports: tcp80, listener: { name: 'l1' } },
        'listener',
        'only allowed on egress',
      ],
      [
        'a listener with L7 rules',
        'egress',
        { ports: tcp80, listener: { name: 'l1' }, rules: { http: [{}] } },
        'listener',
        'may not be combined with L7 rules',
      ],
      [
        'a listener without name',
        'egress',
        { ports: tcp80, listener: {} },
        'listener.name',
        'is required',
      ],
      [
        'an empty server name',
        'egress',
        { ports: tcp80, serverNames: ['a.io', ''] },
        'serverNames[1]',
        'may not be empty',
      ],
      [
        'server names with L7 rules but no TLS termination',
        'egress',
        { ports: tcp80, serverNames: ['a.io'], rules: { http: [{}] } },
        'serverNames',
        'terminatingTLS',
      ],
    ])('refuses %s', (_name, section, portRule, field, message) => {
      const rule =
        section === 'ingress'
          ? { fromEntities: ['world'], toPorts: [portRule] }
          : { toEntities: ['world'], toPorts: [portRule] };
      expectProblem(
        cnp({ endpointSelector: {}, [section]: [rule] }),
        `spec.${section}[0].toPorts[0].${field}`,
        message,
      );
    });

    it('accepts server names with L7 rules when the proxy terminates TLS', () => {
      expect(
        egressPorts({
          ports: [{ port: '443', protocol: 'TCP' }],
          serverNames: ['a.io'],
          terminatingTLS: { secret: { name: 's' } },
          rules: { http: [{}] },
        }),
      ).toEqual([
        { ports: [{ port: 443, protocol: 'TCP' }], conditional: 'L7 HTTP rules, TLS server names' },
      ]);
    });

    it('allows DNS rules only, and only on egress, in host policies', () => {
      const dns = {
        ports: [{ port: '53', protocol: 'ANY' }],
        rules: { dns: [{ matchPattern: '*' }] },
      };
      expect(
        firstRule(
          ccnp({ nodeSelector: {}, egress: [{ toEntities: ['cluster'], toPorts: [dns] }] }),
          'egress',
        ).toPorts?.[0]?.conditional,
      ).toBe('DNS rules');
      expectProblem(
        ccnp({
          nodeSelector: {},
          egress: [{ toEntities: ['world'], toPorts: [{ ports: tcp80, rules: { http: [{}] } }] }],
        }),
        'spec.egress[0].toPorts[0].rules',
        'host policies (nodeSelector) support only DNS rules',
      );
      expectProblem(
        ccnp({
          nodeSelector: {},
          ingress: [
            { fromEntities: ['world'], toPorts: [{ ports: tcp80, rules: { http: [{}] } }] },
          ],
        }),
        'spec.ingress[0].toPorts[0].rules',
        'do not support L7 rules on ingress',
      );
    });
  });
});

describe('Cilium ICMP rules, authentication, default deny and description', () => {
  it('reads a rule with icmps as ICMP only', () => {
    const rule = firstRule(
      cnp(
        ingressFrom({
          fromEntities: ['world'],
          icmps: [
            {
              fields: [
                { type: 8, family: 'IPv4' },
                { type: 'EchoRequest', family: 'IPv6' },
              ],
            },
          ],
        }),
      ),
    );
    expect(rule).toEqual({
      peers: { kind: 'entities', entities: ['world'] },
      requires: [],
      toPorts: null,
      icmpOnly: true,
    });
  });

  it('reads icmps: [] as no ICMP rule', () => {
    expect(firstRule(cnp(ingressFrom({ fromEntities: ['world'], icmps: [] }))).icmpOnly).toBe(
      false,
    );
  });

  it('refuses icmps and toPorts in one rule', () => {
    expectProblem(
      cnp(
        egressTo({
          toEntities: ['world'],
          icmps: [{ fields: [{ type: 8 }] }],
          toPorts: [{ ports: [{ port: '80' }] }],
        }),
      ),
      'spec.egress[0].icmps',
      'may not be combined with toPorts',
    );
  });

  it.each([
    ['an unknown family', { type: 8, family: 'IPv5' }, 'family', 'must be IPv4 or IPv6'],
    ['a type above 255', { type: 300 }, 'type', 'invalid ICMP type 300'],
    ['no type', { family: 'IPv4' }, 'type', 'is required'],
  ])('refuses an ICMP field with %s', (_name, field, key, message) => {
    expectProblem(
      cnp(ingressFrom({ icmps: [{ fields: [field] }] })),
      `spec.ingress[0].icmps[0].fields[0].${key}`,
      message,
    );
  });

  it.each([
    ['required', 'mutual authentication'],
    ['test-always-fail', 'mutual authentication'],
    ['disabled', undefined],
  ])('reads authentication mode %s', (mode, conditional) => {
    const rule = firstRule(cnp(ingressFrom({ fromEndpoints: [{}], authentication: { mode } })));
    expect(rule.conditional).toBe(conditional);
  });

  it.each([
    [{ mode: 'Required' }, 'unsupported mode "Required"'],
    [{}, 'is required'],
  ])('refuses authentication %j', (authentication, message) => {
    expectProblem(
      cnp(egressTo({ toEntities: ['world'], authentication })),
      'spec.egress[0].authentication.mode',
      message,
    );
  });

  it.each([
    ['absent', undefined, { ingress: true, egress: true }],
    ['empty', {}, { ingress: true, egress: true }],
    ['ingress off', { ingress: false }, { ingress: false, egress: true }],
    ['both set', { ingress: true, egress: false }, { ingress: true, egress: false }],
  ])('resolves enableDefaultDeny %s', (_name, enableDefaultDeny, defaultDeny) => {
    expect(
      onlySpec(cnp({ endpointSelector: {}, ingress: [{}], enableDefaultDeny })).defaultDeny,
    ).toEqual(defaultDeny);
  });

  it('refuses an enableDefaultDeny that is not a boolean', () => {
    expectProblem(
      cnp({ endpointSelector: {}, enableDefaultDeny: { egress: 'no' } }),
      'spec.enableDefaultDeny.egress',
      'must be true or false',
    );
  });

  it('keeps the description and leaves an absent one out', () => {
    expect(onlySpec(cnp({ endpointSelector: {}, description: 'why' })).description).toBe('why');
    expect(onlySpec(cnp({ endpointSelector: {} }))).not.toHaveProperty('description');
  });
});

describe('CiliumCIDRGroup', () => {
  const group = (spec: unknown, metadata: Record<string, unknown> = { name: 'partners' }) => ({
    apiVersion: 'cilium.io/v2alpha1',
    kind: 'CiliumCIDRGroup',
    metadata,
    spec,
  });

  it('reads its CIDRs, name, labels and source', () => {
    const { model, problems } = read(
      group(
        { externalCIDRs: ['1.0.0.0/8', '2001:DB8::/32', '10.0.0.7/24'] },
        { name: 'partners', labels: { destination: 'external' } },
      ),
    );
    expect(problems).toEqual([]);
    expect(model.ciliumCidrGroups).toEqual([
      {
        name: 'partners',
        labels: { destination: 'external' },
        cidrs: ['1.0.0.0/8', '2001:db8::/32', '10.0.0.7/24'],
        source: { file: FILE, document: 0 },
      },
    ]);
  });

  it('reads a group from cilium.io/v2 too', () => {
    const { model } = read({ ...group({ externalCIDRs: [] }), apiVersion: 'cilium.io/v2' });
    expect(model.ciliumCidrGroups).toEqual([
      expect.objectContaining({ name: 'partners', cidrs: [] }),
    ]);
  });

  it.each([
    [
      'a bad CIDR',
      { externalCIDRs: ['1.0.0.0/8', '1.0.0.0/40'] },
      'spec.externalCIDRs[1]',
      'invalid CIDR "1.0.0.0/40"',
    ],
    ['a single address', { externalCIDRs: ['1.1.1.1'] }, 'spec.externalCIDRs[0]', 'invalid CIDR'],
    ['no externalCIDRs', {}, 'spec.externalCIDRs', 'is required'],
    [
      'externalCIDRs that are not a list',
      { externalCIDRs: '1.0.0.0/8' },
      'spec.externalCIDRs',
      'must be a list',
    ],
    ['no spec', undefined, 'spec', 'is required'],
  ])('refuses a group with %s', (_name, spec, field, message) => {
    expect(problemsOf(group(spec))).toContainEqual({
      field,
      message: expect.stringContaining(message),
    });
  });
});

/**
 * Objects from the Cilium conformance cases (upstream docs, cilium-cli connectivity tests, e2e
 * suites; see the research notes), copied as literals: they must read without a problem.
 */
describe('Cilium policies from upstream tests and docs', () => {
  const meta = (name: string, namespace = 'cilium-test') => ({ name, namespace });
  const UPSTREAM = [
    {
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumNetworkPolicy',
      metadata: meta('client-egress-only-dns'),
      spec: {
        endpointSelector: { matchLabels: { kind: 'client' } },
        egress: [
          {
            toPorts: [
              {
                ports: [
                  { port: '53', protocol: 'UDP' },
                  { port: '53', protocol: 'TCP' },
                ],
                rules: { dns: [{ matchPattern: '*' }] },
              },
            ],
            toEndpoints: [
              {
                matchExpressions: [
                  {
                    key: 'k8s-app',
                    operator: 'In',
                    values: ['kube-dns', 'coredns', 'node-local-dns', 'nodelocaldns'],
                  },
                  { key: 'io.kubernetes.pod.namespace', operator: 'In', values: ['kube-system'] },
                  { key: 'io.cilium.k8s.policy.cluster', operator: 'In', values: ['default'] },
                ],
              },
            ],
          },
          {
            toPorts: [
              {
                ports: [
                  { port: '53', protocol: 'UDP' },
                  { port: '53', protocol: 'TCP' },
                ],
                rules: { dns: [{ matchPattern: '*' }] },
              },
            ],
            toEntities: ['world'],
          },
        ],
      },
    },
    {
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumNetworkPolicy',
      metadata: meta('client-egress-to-fqdns-one.one.one.one'),
      spec: {
        endpointSelector: { matchLabels: { kind: 'client' } },
        egress: [
          {
            toPorts: [
              {
                ports: [{ port: '80', protocol: 'TCP' }],
                rules: { http: [{ method: 'GET', path: '/' }] },
              },
            ],
            toFQDNs: [{ matchName: 'one.one.one.one.' }],
          },
        ],
      },
    },
    {
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumNetworkPolicy',
      metadata: meta('echo-ingress-l7-http'),
      spec: {
        description: 'Allow other client to GET on echo',
        endpointSelector: { matchLabels: { kind: 'echo' } },
        ingress: [
          {
            fromEndpoints: [{ matchLabels: { other: 'client' } }],
            toPorts: [
              {
                ports: [{ port: '8080', protocol: 'TCP' }],
                rules: {
                  http: [
                    { method: 'GET', path: '/$' },
                    { method: 'GET', path: '/public$' },
                    { method: 'GET', path: '/private$', headers: ['X-Very-Secret-Token: 42'] },
                  ],
                },
              },
            ],
          },
        ],
      },
    },
    {
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumNetworkPolicy',
      metadata: meta('allow-all-egress'),
      spec: {
        endpointSelector: {},
        egress: [{ toEndpoints: [{}] }, { toCIDR: ['0.0.0.0/0', '::/0'] }],
      },
    },
    {
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumNetworkPolicy',
      metadata: meta('client-egress-to-echo-deny-port-range'),
      spec: {
        endpointSelector: { matchLabels: { kind: 'client' } },
        egressDeny: [
          {
            toPorts: [{ ports: [{ port: '4096', endPort: 8191, protocol: 'TCP' }] }],
            toEndpoints: [
              { matchLabels: { 'io.kubernetes.pod.namespace': 'cilium-test', kind: 'echo' } },
            ],
          },
        ],
      },
    },
    {
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumNetworkPolicy',
      metadata: meta('client-ingress-to-echo-named-port-deny'),
      spec: {
        endpointSelector: { matchLabels: { kind: 'echo' } },
        ingressDeny: [
          {
            toPorts: [{ ports: [{ port: 'http-8080', protocol: 'TCP' }] }],
            fromEndpoints: [
              { matchLabels: { 'io.kubernetes.pod.namespace': 'cilium-test', name: 'client' } },
            ],
          },
        ],
      },
    },
    {
      apiVersion: 'cilium.io/v2alpha1',
      kind: 'CiliumCIDRGroup',
      metadata: { name: 'cilium-test-external-cidr-label', labels: { destination: 'external' } },
      spec: { externalCIDRs: ['1.0.0.0/8'] },
    },
    {
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumNetworkPolicy',
      metadata: meta('client-egress-to-cidrgroup-deny-label'),
      spec: {
        endpointSelector: { matchLabels: { kind: 'client' } },
        egressDeny: [
          {
            toCIDRSet: [
              {
                cidrGroupSelector: { matchLabels: { destination: 'external' } },
                except: ['1.1.1.1/32'],
              },
            ],
          },
        ],
      },
    },
    {
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumNetworkPolicy',
      metadata: meta('client-egress-to-cidr'),
      spec: {
        endpointSelector: { matchLabels: { kind: 'client' } },
        egress: [{ toCIDRSet: [{ cidr: '1.0.0.0/8', except: ['1.0.0.1/32'] }] }],
      },
    },
    {
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumNetworkPolicy',
      metadata: meta('requires-rule', 'default'),
      specs: [
        {
          description: 'For endpoints with env=prod, only allow if source also has label env=prod',
          endpointSelector: { matchLabels: { env: 'prod' } },
          ingress: [{ fromRequires: [{ matchLabels: { env: 'prod' } }] }],
        },
      ],
    },
    {
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumNetworkPolicy',
      metadata: meta('external-policy', 'default'),
      spec: {
        endpointSelector: { matchLabels: { test: 'toservices' } },
        egress: [
          {
            toServices: [{ k8sService: { serviceName: 'external-service', namespace: 'default' } }],
          },
        ],
      },
    },
    {
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumNetworkPolicy',
      metadata: meta('frontend-no-default-deny', 'default'),
      spec: {
        endpointSelector: { matchLabels: { app: 'target' } },
        enableDefaultDeny: { ingress: false },
        ingress: [{ fromEndpoints: [{ matchLabels: { app: 'frontend' } }] }],
      },
    },
    {
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumClusterwideNetworkPolicy',
      metadata: { name: 'wildcard-from-endpoints' },
      spec: {
        description:
          'Policy for ingress allow to kube-dns from all Cilium managed endpoints in the cluster',
        endpointSelector: {
          matchLabels: { 'k8s:io.kubernetes.pod.namespace': 'kube-system', 'k8s-app': 'kube-dns' },
        },
        ingress: [{ fromEndpoints: [{}], toPorts: [{ ports: [{ port: '53', protocol: 'UDP' }] }] }],
      },
    },
    {
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumClusterwideNetworkPolicy',
      metadata: { name: 'default-deny-host-ingress' },
      spec: {
        nodeSelector: {},
        ingress: [
          { fromEntities: ['cluster'] },
          {
            fromEntities: ['world'],
            toPorts: [
              {
                ports: [
                  { port: '22', protocol: 'TCP' },
                  { port: '6443', protocol: 'TCP' },
                ],
              },
            ],
          },
        ],
      },
    },
  ];

  it('reads every one of them without a problem', () => {
    const { model, problems } = read(...UPSTREAM);
    expect(problems).toEqual([]);
    expect(model.ciliumPolicies).toHaveLength(UPSTREAM.length - 1);
    expect(model.ciliumCidrGroups.map((g) => g.name)).toEqual(['cilium-test-external-cidr-label']);
  });

  it('reads them as Cilium applies them', () => {
    const { model } = read(...UPSTREAM);
    const byName = new Map(model.ciliumPolicies.map((p) => [p.name, p]));
    const spec = (name: string) => byName.get(name)!.specs[0]!;
    // The kube-dns selector names its namespace without source: nothing added.
    expect(spec('client-egress-only-dns').egress?.[0]).toMatchObject({
      peers: {
        selectors: [
          { requirements: [expect.anything(), any(NS_KEY, 'kube-system'), expect.anything()] },
        ],
      },
      toPorts: [{ conditional: 'DNS rules' }],
    });
    expect(spec('client-egress-to-fqdns-one.one.one.one').egress?.[0]).toMatchObject({
      peers: { kind: 'fqdns', names: ['one.one.one.one.'] },
      toPorts: [{ ports: [{ port: 80, protocol: 'TCP' }], conditional: 'L7 HTTP rules' }],
    });
    expect(spec('client-egress-to-echo-deny-port-range').egressDeny?.[0]?.toPorts).toEqual([
      { ports: [{ port: 4096, endPort: 8191, protocol: 'TCP' }] },
    ]);
    expect(spec('client-ingress-to-echo-named-port-deny').ingressDeny?.[0]?.toPorts).toEqual([
      { ports: [{ port: 'http-8080', protocol: 'TCP' }] },
    ]);
    expect(spec('client-egress-to-cidrgroup-deny-label').egressDeny?.[0]?.peers).toEqual({
      kind: 'cidrs',
      cidrs: [],
      groups: [{ selector: { matchLabels: { destination: 'external' }, matchExpressions: [] }, except: ['1.1.1.1/32'] }],
    });
    expect(spec('requires-rule').ingress?.[0]).toMatchObject({
      peers: { kind: 'any' },
      requires: [{ text: 'env=prod' }],
    });
    expect(spec('external-policy').egress?.[0]?.peers).toEqual({
      kind: 'services',
      services: [{ name: 'external-service', namespace: 'default' }],
    });
    expect(spec('frontend-no-default-deny').defaultDeny).toEqual({ ingress: false, egress: true });
    expect(spec('wildcard-from-endpoints').ingress?.[0]?.peers).toEqual({
      kind: 'endpoints',
      selectors: [{ requirements: [ANY_NAMESPACE], text: '{}' }],
    });
    expect(spec('default-deny-host-ingress').subject.kind).toBe('nodes');
  });
});

describe('reading untrusted Cilium objects', () => {
  const json = fc.jsonValue({ maxDepth: 3 });
  const value = fc.oneof(
    json,
    fc.constantFrom(
      '10.0.0.0/8',
      '1.1.1.1',
      'bad',
      'In',
      'Exists',
      'TCP',
      'ANY',
      'ICMP',
      '80',
      'http',
      'world',
      'moon',
      null,
      [],
      {},
      [{}],
    ),
  );
  const field = fc.constantFrom(
    'endpointSelector',
    'nodeSelector',
    'ingress',
    'egress',
    'ingressDeny',
    'egressDeny',
    'fromEndpoints',
    'toEndpoints',
    'fromCIDR',
    'toCIDRSet',
    'fromEntities',
    'toServices',
    'toFQDNs',
    'toPorts',
    'ports',
    'port',
    'endPort',
    'protocol',
    'rules',
    'http',
    'dns',
    'icmps',
    'fields',
    'matchLabels',
    'matchExpressions',
    'key',
    'operator',
    'values',
    'cidr',
    'except',
    'cidrGroupRef',
    'authentication',
    'enableDefaultDeny',
    'listener',
    'serverNames',
    'externalCIDRs',
  );
  const tree: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      value,
      fc.array(tie('node'), { maxLength: 3 }),
      fc.dictionary(field, tie('node'), { maxKeys: 4 }),
    ),
  })).node;

  it('never throws, and names every problem', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy', 'CiliumCIDRGroup'),
        tree,
        tree,
        (kind, spec, specs) => {
          const { problems } = read({
            apiVersion: 'cilium.io/v2',
            kind,
            metadata: { name: 'x', namespace: 'n' },
            spec,
            specs,
          });
          for (const problem of problems) expect(problem.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 400 },
    );
  });
});
