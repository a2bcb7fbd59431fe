import { buildModel } from '../build-model';
import type { CalicoEntityRule, CalicoPolicy, CalicoRule, ReadResult } from '../types';
import { parseCalicoSelector } from './calico-selector';

const V3 = 'projectcalico.org/v3';
const V1 = 'crd.projectcalico.org/v1';

function read(...objects: unknown[]): ReadResult {
  return buildModel(objects.map((obj) => ({ obj })));
}

function policyOf(obj: unknown): CalicoPolicy {
  const { model, problems } = read(obj);
  expect(problems).toEqual([]);
  expect(model.calicoPolicies).toHaveLength(1);
  return model.calicoPolicies[0]!;
}

/** Problems as `field: message`, and that the object was left out. */
function problemsOf(obj: unknown): string[] {
  const { model, problems } = read(obj);
  expect(model.calicoPolicies).toEqual([]);
  return problems.map((p) => `${p.field ?? ''}: ${p.message}`);
}

/** A selector as Calico's backend writes it, in canonical form (what `CalicoSelector.text` holds). */
function calico(text: string): string {
  const parsed = parseCalicoSelector(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.error}`);
  return parsed.selector.text;
}

function np(
  spec: unknown,
  metadata: Record<string, unknown> = {},
  kind = 'NetworkPolicy',
): unknown {
  return {
    apiVersion: V3,
    kind,
    metadata: { name: 'p', namespace: 'namespace2', ...metadata },
    spec,
  };
}

function gnp(
  spec: unknown,
  metadata: Record<string, unknown> = {},
  kind = 'GlobalNetworkPolicy',
): unknown {
  return { apiVersion: V3, kind, metadata: { name: 'g', ...metadata }, spec };
}

function ingressRule(policy: CalicoPolicy, index = 0): CalicoRule {
  const rule = policy.ingress[index];
  if (rule === undefined) throw new Error(`no ingress rule ${index}`);
  return rule;
}

const EMPTY_SIDE: CalicoEntityRule = { nets: [], notNets: [], ports: [], notPorts: [] };

// ---------------------------------------------------------------------------------------------

describe('the policy subject selector (NOTES §5, §6)', () => {
  // Expectations from libcalico-go updateprocessors networkpolicyprocessor_test.go and
  // globalnetworkpolicyprocessor_test.go, up to canonical form.
  it.each([
    ['no selector', {}, "projectcalico.org/namespace == 'namespace2'"],
    [
      'a selector',
      { selector: "mylabel == 'selectme'" },
      "(mylabel == 'selectme') && projectcalico.org/namespace == 'namespace2'",
    ],
    [
      'a serviceAccountSelector',
      { selector: "mylabel == 'selectme'", serviceAccountSelector: "role == 'development'" },
      `((mylabel == 'selectme') && projectcalico.org/namespace == 'namespace2') && pcsa.role == "development"`,
    ],
    [
      'an all() serviceAccountSelector (kept as all())',
      { selector: "mylabel == 'selectme'", serviceAccountSelector: 'all()' },
      "((mylabel == 'selectme') && projectcalico.org/namespace == 'namespace2') && all()",
    ],
    [
      'a compound selector',
      { selector: 'a == "1" || has(b)', serviceAccountSelector: 'x == "1" && y == "2"' },
      '((a == "1" || has(b)) && projectcalico.org/namespace == "namespace2") && (pcsa.x == "1" && pcsa.y == "2")',
    ],
    [
      'a blank selector',
      { selector: ' ' },
      "(all()) && projectcalico.org/namespace == 'namespace2'",
    ],
  ])('NetworkPolicy with %s', (_name, spec, expected) => {
    for (const kind of ['NetworkPolicy', 'StagedNetworkPolicy']) {
      expect(policyOf(np(spec, {}, kind)).selector.text).toBe(calico(expected));
    }
  });

  it.each([
    ['no selector at all', {}, 'all()'],
    ['a selector only', { selector: "mylabel == 'selectme'" }, "mylabel == 'selectme'"],
    [
      'a serviceAccountSelector',
      { selector: "mylabel == 'selectme'", serviceAccountSelector: "role == 'development'" },
      `(mylabel == 'selectme') && pcsa.role == "development"`,
    ],
    [
      "an 'all()' serviceAccountSelector",
      { selector: "mylabel == 'selectme'", serviceAccountSelector: 'all()' },
      "(mylabel == 'selectme') && has(projectcalico.org/serviceaccount)",
    ],
    [
      'a namespaceSelector',
      { selector: "mylabel == 'selectme'", namespaceSelector: "name == 'testing'" },
      `(mylabel == 'selectme') && pcns.name == "testing"`,
    ],
    [
      "an 'all()' namespaceSelector",
      { selector: "mylabel == 'selectme'", namespaceSelector: 'all()' },
      "(mylabel == 'selectme') && has(projectcalico.org/namespace)",
    ],
    [
      'both',
      {
        selector: "mylabel == 'selectme'",
        serviceAccountSelector: "role == 'development'",
        namespaceSelector: "name == 'testing'",
      },
      `((mylabel == 'selectme') && pcns.name == "testing") && pcsa.role == "development"`,
    ],
    [
      'no selector, a serviceAccountSelector',
      { serviceAccountSelector: "role == 'development'" },
      'pcsa.role == "development"',
    ],
    [
      'no selector, a namespaceSelector',
      { namespaceSelector: "name == 'testing'" },
      'pcns.name == "testing"',
    ],
    [
      'no selector, both',
      { serviceAccountSelector: "role == 'development'", namespaceSelector: "name == 'testing'" },
      `(pcns.name == "testing") && pcsa.role == "development"`,
    ],
    [
      'all() as selector and a namespaceSelector (Calico rewrites the whole text)',
      { selector: 'all()', namespaceSelector: 'has(team)' },
      '(has(projectcalico.org/namespace)) && has(pcns.team)',
    ],
    [
      'a negative namespaceSelector',
      { namespaceSelector: 'kubernetes.io/metadata.name not in {"kube-system"}' },
      'pcns.kubernetes.io/metadata.name not in {"kube-system"}',
    ],
  ])('GlobalNetworkPolicy with %s', (_name, spec, expected) => {
    for (const kind of ['GlobalNetworkPolicy', 'StagedGlobalNetworkPolicy']) {
      expect(policyOf(gnp(spec, {}, kind)).selector.text).toBe(calico(expected));
    }
  });

  it.each([
    ['spec.selector', { selector: 'global()' }],
    ['spec.selector', { selector: 'has(a) && !global()' }],
    ['spec.serviceAccountSelector', { serviceAccountSelector: 'global()' }],
    ['spec.namespaceSelector', { namespaceSelector: 'global()' }],
  ])('refuses global() in %s', (field, spec) => {
    expect(problemsOf(gnp(spec))).toEqual([
      `${field}: global() can only be used as the namespaceSelector of a rule`,
    ]);
  });

  it('reports an invalid selector with its field', () => {
    expect(problemsOf(np({ selector: 'app = "web"' }))).toEqual([
      'spec.selector: invalid selector "app = \\"web\\"": expected "==" at 5',
    ]);
    expect(problemsOf(gnp({ namespaceSelector: 'team' }))).toEqual([
      'spec.namespaceSelector: invalid selector "team": expected an operator after label "team" at the end',
    ]);
    expect(problemsOf(np({ selector: 42 }))).toEqual(['spec.selector: must be a string, got 42']);
  });

  it('refuses global-only fields on namespaced kinds', () => {
    expect(problemsOf(np({ namespaceSelector: 'all()', doNotTrack: true }))).toEqual([
      'spec.namespaceSelector: is not a field of NetworkPolicy: only the global kinds have it',
      'spec.doNotTrack: is not a field of NetworkPolicy: only the global kinds have it',
    ]);
  });
});

describe('rule selectors (NOTES §3.1)', () => {
  // Expectations from libcalico-go updateprocessors rules_test.go, up to canonical form.
  function rule(
    source: unknown,
    destination: unknown,
    policy: (spec: unknown) => unknown = np,
  ): CalicoRule {
    return ingressRule(policyOf(policy({ ingress: [{ action: 'Allow', source, destination }] })));
  }

  it('scopes selectors to the namespace of a namespaced policy, notSelector excepted', () => {
    const r = rule(
      { selector: "mylabel == 'value1'", notSelector: 'has(label1)' },
      { notSelector: 'has(label2)' },
    );
    expect(r.source.selector?.text).toBe(
      calico("(projectcalico.org/namespace == 'namespace2') && (mylabel == 'value1')"),
    );
    expect(r.source.notSelector?.text).toBe('has(label1)');
    expect(r.destination.selector?.text).toBe(
      calico("projectcalico.org/namespace == 'namespace2'"),
    );
    expect(r.destination.notSelector?.text).toBe('has(label2)');
  });

  it('uses the prefixed namespaceSelector instead of the namespace', () => {
    const r = rule(
      { namespaceSelector: "namespacelabel1 == 'value1'", notSelector: 'has(label2)' },
      { namespaceSelector: "namespacelabel2 == 'value2'", notSelector: 'has(label1)' },
    );
    expect(r.source.selector?.text).toBe('pcns.namespacelabel1 == "value1"');
    expect(r.destination.selector?.text).toBe('pcns.namespacelabel2 == "value2"');
    expect(r.source.notSelector?.text).toBe('has(label2)');
  });

  it('does not scope the rules of a global policy', () => {
    const r = rule(
      { selector: 'has(foo)' },
      { selector: 'has(foo)', notSelector: 'has(bar)' },
      gnp,
    );
    expect(r.source.selector?.text).toBe('has(foo)');
    expect(r.destination.selector?.text).toBe('has(foo)');
    expect(r.destination.notSelector?.text).toBe('has(bar)');
    const lone = rule({ notSelector: 'has(bar)' }, {}, gnp);
    expect(lone.source.selector).toBeUndefined();
  });

  it('leaves a side with only ports, nets or an empty serviceAccounts without selector', () => {
    const policy = policyOf(
      np({
        ingress: [
          {
            action: 'Allow',
            protocol: 'TCP',
            source: { ports: [80] },
            destination: { ports: [80] },
          },
          { action: 'Allow', source: { nets: ['10.0.0.0/8'], serviceAccounts: {} } },
        ],
      }),
    );
    expect(ingressRule(policy, 0).source.selector).toBeUndefined();
    expect(ingressRule(policy, 0).destination.selector).toBeUndefined();
    expect(ingressRule(policy, 1).source.selector).toBeUndefined();
  });

  it('combines a selector and a namespaceSelector', () => {
    const side = {
      selector: "projectcalico.org/orchestrator == 'k8s'",
      namespaceSelector: "key == 'value'",
    };
    const r = rule(side, side);
    const expected = calico(`(pcns.key == "value") && (projectcalico.org/orchestrator == 'k8s')`);
    expect(r.source.selector?.text).toBe(expected);
    expect(r.destination.selector?.text).toBe(expected);
  });

  it('prefixes every key of a complex namespaceSelector', () => {
    const side = { namespaceSelector: "!has(key) || (has(key) && !key in {'value'})" };
    expect(rule(side, {}).source.selector?.text).toBe(
      '(!has(pcns.key) || (has(pcns.key) && !pcns.key in {"value"}))',
    );
  });

  it('matches service accounts by name and by pcsa. labels', () => {
    const r = rule(
      { serviceAccounts: { names: ['sa1', 'sa2'], selector: "key == 'value1'" } },
      {
        namespaceSelector: "nskey == 'nsvalue'",
        serviceAccounts: { names: ['sa3'], selector: "key == 'value2'" },
      },
      (spec) => np(spec, { namespace: 'namespace' }),
    );
    expect(r.source.selector?.text).toBe(
      calico(
        `(projectcalico.org/namespace == 'namespace') && ((pcsa.key == "value1") && (projectcalico.org/serviceaccount in {"sa1", "sa2"}))`,
      ),
    );
    expect(r.destination.selector?.text).toBe(
      calico(
        `(pcns.nskey == "nsvalue") && ((pcsa.key == "value2") && (projectcalico.org/serviceaccount in {"sa3"}))`,
      ),
    );
    const global = rule(
      { serviceAccounts: { names: ['sa2', 'sa1'], selector: "key == 'value1'" } },
      {},
      gnp,
    );
    expect(global.source.selector?.text).toBe(
      calico(`(pcsa.key == "value1") && (projectcalico.org/serviceaccount in {"sa1", "sa2"})`),
    );
    const namesOnly = rule({ serviceAccounts: { names: ['sa1'] } }, {}, gnp);
    expect(namesOnly.source.selector?.text).toBe('projectcalico.org/serviceaccount in {"sa1"}');
  });

  it('combines service accounts, a selector and a namespaceSelector', () => {
    const r = rule(
      {},
      {
        namespaceSelector: "nskey == 'nsvalue'",
        serviceAccounts: { names: ['sa3'], selector: "key == 'value2'" },
        selector: 'has(label1)',
      },
    );
    expect(r.destination.selector?.text).toBe(
      calico(
        `(pcns.nskey == "nsvalue") && (((pcsa.key == "value2") && (projectcalico.org/serviceaccount in {"sa3"})) && (has(label1)))`,
      ),
    );
  });

  it('reads all() and global() in a namespaceSelector as "any namespace" and "no namespace"', () => {
    const policy = policyOf(
      np(
        {
          egress: [
            {
              action: 'Allow',
              destination: { namespaceSelector: "namespace == 'red'", selector: 'has(label1)' },
            },
            {
              action: 'Allow',
              destination: { namespaceSelector: 'all()', selector: 'has(label2)' },
            },
            {
              action: 'Allow',
              destination: { namespaceSelector: ' global( ) ', selector: 'has(label3)' },
            },
          ],
        },
        { namespace: 'namespace' },
      ),
    );
    expect(policy.egress.map((r) => r.destination.selector?.text)).toEqual([
      calico('(pcns.namespace == "red") && (has(label1))'),
      calico('(has(projectcalico.org/namespace)) && (has(label2))'),
      calico('(!has(projectcalico.org/namespace)) && (has(label3))'),
    ]);
  });

  it('keeps global() in a notSelector as written (Calico does not check it)', () => {
    expect(rule({ notSelector: 'global()' }, {}).source.notSelector?.text).toBe('global()');
  });

  it.each([
    [
      'spec.ingress[0].source.selector',
      { selector: 'global()' },
      'global() can only be used as the namespaceSelector of a rule',
    ],
    [
      'spec.ingress[0].source.namespaceSelector',
      { namespaceSelector: 'global() || has(a)' },
      'global() cannot be combined with anything else in a namespaceSelector',
    ],
    [
      'spec.ingress[0].source.namespaceSelector',
      { namespaceSelector: '(global())' },
      'global() cannot be combined with anything else in a namespaceSelector',
    ],
    [
      'spec.ingress[0].source.serviceAccounts.selector',
      { serviceAccounts: { selector: 'a ==' } },
      'invalid selector "a ==": expected a quoted value after "==" but found the end at the end',
    ],
  ])('refuses %s', (field, source, message) => {
    expect(problemsOf(np({ ingress: [{ action: 'Allow', source }] }))).toEqual([
      `${field}: ${message}`,
    ]);
  });
});

describe('rules (NOTES §3, §4)', () => {
  function onlyRule(
    rule: Record<string, unknown>,
    policy: (spec: unknown) => unknown = np,
  ): CalicoRule {
    return ingressRule(policyOf(policy({ ingress: [rule] })));
  }
  function ruleProblems(
    rule: Record<string, unknown>,
    direction: 'ingress' | 'egress' = 'ingress',
  ): string[] {
    return problemsOf(np({ [direction]: [rule] }));
  }

  it.each(['Allow', 'Deny', 'Log', 'Pass'])('reads action %s', (action) => {
    expect(onlyRule({ action })).toEqual({ action, source: EMPTY_SIDE, destination: EMPTY_SIDE });
  });

  it('requires a known action', () => {
    expect(ruleProblems({})).toEqual(['spec.ingress[0].action: is required']);
    expect(ruleProblems({ action: 'allow' })).toEqual([
      'spec.ingress[0].action: unsupported value "allow": must be one of Allow, Deny, Log, Pass',
    ]);
    expect(problemsOf(np({ ingress: [null] }))).toEqual([
      'spec.ingress[0]: must be an object, got null',
    ]);
  });

  it.each([
    ['TCP', 'TCP'],
    ['UDP', 'UDP'],
    ['SCTP', 'SCTP'],
    ['ICMP', 'ICMP'],
    ['ICMPv6', 'ICMPv6'],
    ['UDPLite', 'UDPLite'],
    [6, 'TCP'],
    ['17', 'UDP'],
    [132, 'SCTP'],
    [1, 1],
    ['58', 58],
    [255, 255],
    ['006', 'TCP'],
  ])('reads protocol %j as %j', (written, protocol) => {
    expect(onlyRule({ action: 'Allow', protocol: written, notProtocol: written })).toMatchObject({
      protocol,
      notProtocol: protocol,
    });
  });

  it.each([['tcp'], ['Tcp'], [0], ['0'], [256], ['256'], [6.5], [true]])(
    'refuses protocol %j',
    (written) => {
      expect(ruleProblems({ action: 'Allow', protocol: written })).toEqual([
        expect.stringMatching(
          /^spec\.ingress\[0\]\.protocol: unsupported protocol .*: must be one of TCP, UDP, ICMP, ICMPv6, SCTP, UDPLite or a number from 1 to 255$/,
        ),
      ]);
    },
  );

  it('reads ipVersion 4 or 6', () => {
    expect(onlyRule({ action: 'Allow', ipVersion: 6 }).ipVersion).toBe(6);
    expect(ruleProblems({ action: 'Allow', ipVersion: 5 })).toEqual([
      'spec.ingress[0].ipVersion: must be 4 or 6, got 5',
    ]);
  });

  it('reads numbers, ranges and names as ports', () => {
    const r = onlyRule({
      action: 'Allow',
      protocol: 'TCP',
      destination: { ports: [80, '443', '6040:6050', 'http', 'my_port.v-2'], notPorts: ['6045'] },
    });
    expect(r.destination.ports).toEqual([
      { kind: 'range', from: 80, to: 80 },
      { kind: 'range', from: 443, to: 443 },
      { kind: 'range', from: 6040, to: 6050 },
      { kind: 'named', name: 'http' },
      { kind: 'named', name: 'my_port.v-2' },
    ]);
    expect(r.destination.notPorts).toEqual([{ kind: 'range', from: 6045, to: 6045 }]);
  });

  it.each([
    [0, 'invalid port 0: must be between 1 and 65535, inclusive'],
    [70000, 'invalid port 70000: must be between 1 and 65535, inclusive'],
    ['0:10', 'invalid port "0:10": ports must be between 1 and 65535, inclusive'],
    ['5:3', 'invalid port range "5:3": the first port is greater than the last'],
    [
      'not a name',
      'invalid port "not a name": must be a port number, a range "from:to" or a port name (1-128 letters, digits, "_", "." or "-")',
    ],
    [
      '',
      'invalid port "": must be a port number, a range "from:to" or a port name (1-128 letters, digits, "_", "." or "-")',
    ],
    [null, 'must be a port number, a range "from:to" or a port name, got null'],
  ])('refuses port %j', (port, message) => {
    expect(
      ruleProblems({ action: 'Allow', protocol: 'TCP', destination: { ports: [80, port] } }),
    ).toEqual([`spec.ingress[0].destination.ports[1]: ${message}`]);
  });

  it('refuses numeric ports without protocol TCP, UDP or SCTP, but takes named ports alone', () => {
    expect(ruleProblems({ action: 'Allow', destination: { ports: ['http', 8080] } })).toEqual([
      'spec.ingress[0].destination.ports[1]: a numeric port or port range needs protocol TCP, UDP or SCTP',
    ]);
    expect(ruleProblems({ action: 'Allow', source: { notPorts: ['1000:2000'] } })).toEqual([
      'spec.ingress[0].source.notPorts[0]: a numeric port or port range needs protocol TCP, UDP or SCTP',
    ]);
    expect(
      onlyRule({ action: 'Allow', destination: { ports: ['http'] } }).destination.ports,
    ).toEqual([{ kind: 'named', name: 'http' }]);
    expect(
      ruleProblems({ action: 'Allow', protocol: 'ICMP', destination: { ports: ['http'] } }),
    ).toEqual([
      'spec.ingress[0].destination.ports[0]: protocol ICMP has no ports: ports need protocol TCP, UDP or SCTP',
    ]);
    expect(
      ruleProblems({ action: 'Allow', protocol: 'UDPLite', destination: { ports: [53] } }),
    ).toEqual([
      'spec.ingress[0].destination.ports[0]: protocol UDPLite has no ports: ports need protocol TCP, UDP or SCTP',
    ]);
    expect(onlyRule({ action: 'Allow', protocol: 17, destination: { ports: [53] } }).protocol).toBe(
      'UDP',
    );
  });

  it('reads nets as CIDRs or single addresses, without host bits', () => {
    const r = onlyRule({
      action: 'Allow',
      source: { nets: ['10.1.2.3/16', '192.0.2.7'], notNets: ['10.1.5.0/24'] },
      destination: { nets: ['192.0.2.0/24'] },
    });
    expect(r.source).toMatchObject({
      nets: ['10.1.0.0/16', '192.0.2.7/32'],
      notNets: ['10.1.5.0/24'],
    });
    expect(
      onlyRule({
        action: 'Allow',
        ipVersion: 6,
        source: { nets: ['2001:db8::1/64', '2001:DB8::5'] },
      }).source.nets,
    ).toEqual(['2001:db8::/64', '2001:db8::5/128']);
  });

  it.each([
    [
      { source: { nets: ['10.0.0.0/33'] } },
      'spec.ingress[0].source.nets[0]: invalid CIDR "10.0.0.0/33": must be like 10.9.8.0/24, 2001:db8::/64 or one address',
    ],
    [
      { source: { nets: ['example.com'] } },
      'spec.ingress[0].source.nets[0]: invalid CIDR "example.com": must be like 10.9.8.0/24, 2001:db8::/64 or one address',
    ],
    [
      { source: { notNets: ['0.0.0.0/0'] } },
      'spec.ingress[0].source.notNets[0]: "0.0.0.0/0" matches every address: notNets would exclude all traffic',
    ],
    [
      { destination: { notNets: ['0:0:0::/0'] } },
      'spec.ingress[0].destination.notNets[0]: "0:0:0::/0" matches every address: notNets would exclude all traffic',
    ],
    [
      { source: { nets: ['10.0.0.0/8', '2001:db8::/32'] } },
      'spec.ingress[0].source.nets: a rule may not mix IPv4 and IPv6 addresses',
    ],
    [
      { source: { nets: ['10.0.0.0/8'] }, destination: { nets: ['2001:db8::/32'] } },
      'spec.ingress[0].destination.nets: a rule may not mix IPv4 and IPv6 addresses',
    ],
    [
      { ipVersion: 6, source: { nets: ['10.0.0.0/8'] } },
      "spec.ingress[0].source.nets: has addresses of another IP version than the rule's ipVersion 6",
    ],
  ])('refuses nets %j', (fields, message) => {
    expect(ruleProblems({ action: 'Allow', ...fields })).toEqual([message]);
  });

  it('marks rules that need an HTTP match or a source port as conditional', () => {
    expect(onlyRule({ action: 'Allow', http: { methods: ['GET'] } }).conditional).toBe(
      'an HTTP match (application layer policy)',
    );
    expect(
      onlyRule({ action: 'Allow', protocol: 'TCP', source: { ports: [1234] } }).conditional,
    ).toBe('source ports');
    expect(
      onlyRule({ action: 'Allow', protocol: 'TCP', source: { notPorts: [1234] } }).conditional,
    ).toBe('source ports');
    expect(
      onlyRule({
        action: 'Allow',
        protocol: 'TCP',
        http: { paths: [{ exact: '/' }] },
        source: { ports: ['web'] },
      }).conditional,
    ).toBe('an HTTP match (application layer policy) and source ports');
    expect(
      onlyRule({ action: 'Allow', protocol: 'TCP', destination: { ports: [80] } }).conditional,
    ).toBeUndefined();
  });

  it('refuses an HTTP match where Calico refuses it', () => {
    expect(ruleProblems({ action: 'Deny', http: {} })).toEqual([
      'spec.ingress[0].http: is only valid on Allow rules',
    ]);
    expect(ruleProblems({ action: 'Allow', protocol: 'UDP', http: {} })).toEqual([
      'spec.ingress[0].http: needs protocol TCP or no protocol',
    ]);
    expect(ruleProblems({ action: 'Allow', http: {} }, 'egress')).toEqual([
      'spec.egress[0].http: is not allowed in egress rules',
    ]);
  });

  it('keeps services, defaulting their namespace to the policy namespace', () => {
    const policy = policyOf(
      np({
        ingress: [{ action: 'Allow', source: { services: { name: 'frontend' } } }],
        egress: [
          {
            action: 'Allow',
            destination: { services: { name: 'kube-dns', namespace: 'kube-system' } },
          },
        ],
      }),
    );
    expect(ingressRule(policy).source).toEqual({
      ...EMPTY_SIDE,
      services: { name: 'frontend', namespace: 'namespace2' },
    });
    expect(policy.egress[0]?.destination).toEqual({
      ...EMPTY_SIDE,
      services: { name: 'kube-dns', namespace: 'kube-system' },
    });
    const global = policyOf(
      gnp({ ingress: [{ action: 'Allow', source: { services: { name: 'x' } } }] }),
    );
    expect(ingressRule(global).source.services).toEqual({ name: 'x', namespace: '' });
  });

  it('refuses services where Calico refuses them', () => {
    expect(
      ruleProblems({
        action: 'Allow',
        source: { services: { name: 'a' }, selector: 'has(x)', nets: ['10.0.0.0/8'] },
      }),
    ).toEqual([
      'spec.ingress[0].source.services: cannot be combined with selector',
      'spec.ingress[0].source.services: cannot be combined with nets',
    ]);
    expect(ruleProblems({ action: 'Allow', source: { services: {} } })).toEqual([
      'spec.ingress[0].source.services.name: is required',
    ]);
    expect(ruleProblems({ action: 'Allow', destination: { services: { name: 'a' } } })).toEqual([
      'spec.ingress[0].destination.services: is not allowed in the destination of an ingress rule',
    ]);
    expect(
      ruleProblems({ action: 'Allow', source: { services: { name: 'a' } } }, 'egress'),
    ).toEqual(['spec.egress[0].source.services: is not allowed in the source of an egress rule']);
    expect(
      ruleProblems(
        { action: 'Allow', protocol: 'TCP', destination: { services: { name: 'a' }, ports: [53] } },
        'egress',
      ),
    ).toEqual(['spec.egress[0].destination.services: cannot be combined with ports or notPorts']);
  });

  it('checks ICMP matches against the protocol', () => {
    expect(
      onlyRule({
        action: 'Allow',
        protocol: 'ICMP',
        icmp: { type: 8 },
        notICMP: { type: 0, code: 0 },
      }),
    ).toMatchObject({
      protocol: 'ICMP',
    });
    expect(ruleProblems({ action: 'Allow', protocol: 'TCP', icmp: { type: 8 } })).toEqual([
      'spec.ingress[0].icmp: needs protocol ICMP or ICMPv6',
    ]);
    expect(ruleProblems({ action: 'Allow', protocol: 'ICMP', icmp: { code: 1 } })).toEqual([
      'spec.ingress[0].icmp.code: needs an ICMP type',
    ]);
    expect(ruleProblems({ action: 'Allow', protocol: 'ICMPv6', ipVersion: 4 })).toEqual([
      'spec.ingress[0].protocol: ICMPv6 needs ipVersion 6',
    ]);
  });

  it('reports every problem of a rule with its field path and keeps reading', () => {
    expect(
      problemsOf(
        np({
          ingress: [
            { action: 'Allow' },
            {
              action: 'Allow',
              protocol: 'TCP',
              destination: { ports: [80, 'bad port'], nets: ['x'] },
            },
          ],
          egress: 'everything',
        }),
      ),
    ).toEqual([
      'spec.ingress[1].destination.nets[0]: invalid CIDR "x": must be like 10.9.8.0/24, 2001:db8::/64 or one address',
      'spec.ingress[1].destination.ports[1]: invalid port "bad port": must be a port number, a range "from:to" or a port name (1-128 letters, digits, "_", "." or "-")',
      'spec.egress: must be a list, got "everything"',
    ]);
  });
});

describe('types defaulting (NOTES §5, §10)', () => {
  it.each([
    ['no rules', {}, ['Ingress']],
    ['ingress rules only', { ingress: [{ action: 'Allow' }] }, ['Ingress']],
    ['egress rules only', { egress: [{ action: 'Allow' }] }, ['Egress']],
    [
      'both',
      { ingress: [{ action: 'Allow' }], egress: [{ action: 'Allow' }] },
      ['Ingress', 'Egress'],
    ],
    ['an empty egress list', { ingress: [{ action: 'Allow' }], egress: [] }, ['Ingress']],
    ['an empty types list', { types: [], egress: [{ action: 'Allow' }] }, ['Egress']],
    [
      'explicit types',
      { types: ['Egress', 'Ingress'], ingress: [{ action: 'Allow' }] },
      ['Egress', 'Ingress'],
    ],
    [
      'explicit Ingress despite egress rules',
      { types: ['Ingress'], egress: [{ action: 'Deny' }] },
      ['Ingress'],
    ],
  ])('projectcalico.org/v3 with %s', (_name, spec, types) => {
    expect(policyOf(np(spec)).types).toEqual(types);
    expect(policyOf(gnp(spec, {}, 'StagedGlobalNetworkPolicy')).types).toEqual(types);
  });

  it('applies a crd.projectcalico.org/v1 policy without types to both directions, as felix does', () => {
    const v1 = (spec: unknown): unknown => ({
      apiVersion: V1,
      kind: 'NetworkPolicy',
      metadata: { name: 'p', namespace: 'n' },
      spec,
    });
    expect(policyOf(v1({ ingress: [{ action: 'Allow' }] })).types).toEqual(['Ingress', 'Egress']);
    expect(policyOf(v1({})).types).toEqual(['Ingress', 'Egress']);
    expect(policyOf(v1({ types: ['Egress'] })).types).toEqual(['Egress']);
  });

  it('refuses unknown and repeated types', () => {
    expect(problemsOf(np({ types: ['Ingress', 'ingress', 'Ingress'] }))).toEqual([
      'spec.types[1]: unsupported type "ingress": must be Ingress or Egress',
      'spec.types[2]: Ingress is given more than once',
    ]);
  });
});

describe('names, tiers, order and API groups (NOTES §10)', () => {
  it.each([
    [V1, 'default.allow-egress-external', { tier: 'default' }, 'allow-egress-external', 'default'],
    [V1, 'default.x', {}, 'x', 'default'],
    [V1, 't0.test-pass', { tier: 't0' }, 'test-pass', 't0'],
    [V1, 'other.x', { tier: 't0' }, 'other.x', 't0'],
    [V1, 'knp.default.web', {}, 'knp.default.web', 'default'],
    [V1, 'ossg.default.sg', {}, 'ossg.default.sg', 'default'],
    [V1, 'default.', {}, 'default.', 'default'],
    [V3, 'tier2.np2-1', { tier: 'tier2' }, 'np2-1', 'tier2'],
    [V3, 'plain', { tier: '' }, 'plain', 'default'],
  ])('%s %s in %j is %s in tier %s', (apiVersion, name, spec, shown, tier) => {
    const policy = policyOf({
      apiVersion,
      kind: 'NetworkPolicy',
      metadata: { name, namespace: 'n' },
      spec,
    });
    expect(policy).toMatchObject({ apiGroup: apiVersion, name: shown, tier, namespace: 'n' });
  });

  it('reads order as a number, or null when unset', () => {
    expect(policyOf(np({})).order).toBeNull();
    expect(policyOf(np({ order: 100 })).order).toBe(100);
    expect(policyOf(np({ order: 100.5 })).order).toBe(100.5);
    expect(problemsOf(np({ order: '100' }))).toEqual(['spec.order: must be a number, got "100"']);
  });

  it('takes an object without apiVersion for projectcalico.org/v3', () => {
    expect(policyOf({ kind: 'GlobalNetworkPolicy', metadata: { name: 'g' } }).apiGroup).toBe(V3);
  });

  it('keeps the object as read and where it came from', () => {
    const obj = np({ selector: 'all()' });
    const { model } = buildModel([{ obj, source: { file: 'calico.yaml', document: 2 } }]);
    expect(model.calicoPolicies[0]).toMatchObject({
      raw: {
        apiVersion: V3,
        kind: 'NetworkPolicy',
        metadata: { name: 'p', namespace: 'namespace2' },
        spec: { selector: 'all()' },
      },
      source: { file: 'calico.yaml', document: 2 },
    });
  });

  it('defaults the namespace of a namespaced policy as kubectl would', () => {
    expect(
      policyOf({ apiVersion: V3, kind: 'NetworkPolicy', metadata: { name: 'p' } }),
    ).toMatchObject({
      namespace: 'default',
      selector: { text: 'projectcalico.org/namespace == "default"' },
    });
    expect(policyOf(gnp({})).namespace).toBeUndefined();
  });
});

describe('host-endpoint settings and staged kinds', () => {
  it('reads doNotTrack, preDNAT and applyOnForward of global policies', () => {
    expect(policyOf(gnp({}))).toMatchObject({
      doNotTrack: false,
      preDNAT: false,
      applyOnForward: false,
    });
    expect(policyOf(gnp({ doNotTrack: true, applyOnForward: true }))).toMatchObject({
      doNotTrack: true,
      preDNAT: false,
      applyOnForward: true,
    });
    expect(
      policyOf(gnp({ preDNAT: true, applyOnForward: true, ingress: [{ action: 'Deny' }] })),
    ).toMatchObject({
      preDNAT: true,
      types: ['Ingress'],
    });
  });

  it('refuses the combinations Calico refuses', () => {
    expect(problemsOf(gnp({ doNotTrack: true, preDNAT: true, applyOnForward: true }))).toEqual([
      'spec.preDNAT: preDNAT and doNotTrack cannot both be true',
    ]);
    expect(
      problemsOf(gnp({ preDNAT: true, applyOnForward: true, egress: [{ action: 'Allow' }] })),
    ).toEqual(['spec.egress: a preDNAT policy cannot have egress rules']);
    expect(problemsOf(gnp({ preDNAT: true, applyOnForward: true, types: ['Egress'] }))).toEqual([
      'spec.types: a preDNAT policy cannot have the Egress type',
    ]);
    expect(problemsOf(gnp({ doNotTrack: true }))).toEqual([
      'spec.applyOnForward: must be true when preDNAT or doNotTrack is true',
    ]);
    expect(problemsOf(gnp({ doNotTrack: 'yes' }))).toEqual([
      'spec.doNotTrack: must be true or false, got "yes"',
    ]);
  });

  it.each([
    ['StagedNetworkPolicy', np],
    ['StagedGlobalNetworkPolicy', gnp],
  ])('reads %s with its stagedAction, Set by default', (kind, make) => {
    expect(policyOf(make({}, {}, kind))).toMatchObject({ kind, stagedAction: 'Set' });
    expect(policyOf(make({ stagedAction: 'Delete' }, {}, kind)).stagedAction).toBe('Delete');
    expect(policyOf(make({ stagedAction: 'Learn' }, {}, kind)).stagedAction).toBe('Learn');
    expect(problemsOf(make({ stagedAction: 'Apply' }, {}, kind))).toEqual([
      'spec.stagedAction: unsupported value "Apply": must be one of Set, Delete, Learn, Ignore',
    ]);
  });

  it('gives enforced kinds no stagedAction', () => {
    expect(policyOf(np({})).stagedAction).toBeUndefined();
    expect(policyOf(gnp({})).stagedAction).toBeUndefined();
  });
});

describe('StagedKubernetesNetworkPolicy (NOTES §7.4, §9)', () => {
  function sknp(spec: unknown, apiVersion = V3): unknown {
    return {
      apiVersion,
      kind: 'StagedKubernetesNetworkPolicy',
      metadata: { name: 'k', namespace: 'shop' },
      spec,
    };
  }

  it('reads the e2e staged policy as Calico converts it', () => {
    // e2e/pkg/tests/policy/staged_policy.go (case calico-e2e-staged-knp-not-enforced).
    const policy = policyOf({
      apiVersion: V3,
      kind: 'StagedKubernetesNetworkPolicy',
      metadata: { name: 'sknp-deny', namespace: 'staged-1' },
      spec: { podSelector: { matchLabels: { 'pod-name': 'server' } }, policyTypes: ['Ingress'] },
    });
    expect(policy).toMatchObject({
      kind: 'StagedKubernetesNetworkPolicy',
      apiGroup: V3,
      namespace: 'staged-1',
      name: 'sknp-deny',
      tier: 'default',
      order: 1000,
      types: ['Ingress'],
      ingress: [],
      egress: [],
      stagedAction: 'Set',
      doNotTrack: false,
    });
    expect(policy.selector.text).toBe(
      calico(
        "(projectcalico.org/orchestrator == 'k8s' && pod-name == 'server') && projectcalico.org/namespace == 'staged-1'",
      ),
    );
  });

  it('selects every pod of the namespace with an empty podSelector', () => {
    // networkpolicyprocessor_test.go: a converted k8s policy with an empty podSelector.
    expect(policyOf(sknp({ podSelector: {} })).selector.text).toBe(
      calico("(projectcalico.org/orchestrator == 'k8s') && projectcalico.org/namespace == 'shop'"),
    );
  });

  it('writes matchLabels sorted, then matchExpressions in order', () => {
    const policy = policyOf(
      sknp({
        podSelector: {
          matchLabels: { tier: 'web', app: 'shop' },
          matchExpressions: [
            { key: 'env', operator: 'In', values: ['prod', 'dev'] },
            { key: 'track', operator: 'NotIn', values: ['canary'] },
            { key: 'team', operator: 'Exists' },
            { key: 'legacy', operator: 'DoesNotExist' },
          ],
        },
      }),
    );
    expect(policy.selector.text).toBe(
      calico(
        "(projectcalico.org/orchestrator == 'k8s' && app == 'shop' && tier == 'web' && env in { 'prod', 'dev' } && track not in { 'canary' } && has(team) && ! has(legacy)) && projectcalico.org/namespace == 'shop'",
      ),
    );
  });

  it('makes one Allow rule per protocol and peer, ports merged as Calico merges them', () => {
    const policy = policyOf(
      sknp({
        podSelector: { matchLabels: { app: 'api' } },
        ingress: [
          {
            from: [
              { podSelector: { matchLabels: { app: 'db' } } },
              { namespaceSelector: {} },
              { namespaceSelector: { matchLabels: { team: 'a' } }, podSelector: {} },
              { ipBlock: { cidr: '10.1.2.3/16', except: ['10.1.5.0/24'] } },
            ],
            ports: [
              { port: 443 },
              { protocol: 'UDP', port: 53 },
              { port: 'http' },
              { port: 80 },
              { port: 8000, endPort: 8080 },
              { port: 81 },
            ],
          },
        ],
      }),
    );
    const tcpPorts = [
      { kind: 'named', name: 'http' },
      { kind: 'range', from: 80, to: 81 },
      { kind: 'range', from: 443, to: 443 },
      { kind: 'range', from: 8000, to: 8080 },
    ];
    const udpPorts = [{ kind: 'range', from: 53, to: 53 }];
    const sources = [
      {
        ...EMPTY_SIDE,
        selector: {
          text: calico(
            "(projectcalico.org/namespace == 'shop') && (projectcalico.org/orchestrator == 'k8s' && app == 'db')",
          ),
        },
      },
      // networkpolicyprocessor_test.go: `(has(projectcalico.org/namespace)) && (projectcalico.org/orchestrator == 'k8s')`.
      {
        ...EMPTY_SIDE,
        selector: {
          text: calico(
            "(has(projectcalico.org/namespace)) && (projectcalico.org/orchestrator == 'k8s')",
          ),
        },
      },
      {
        ...EMPTY_SIDE,
        selector: {
          text: calico(`(pcns.team == "a") && (projectcalico.org/orchestrator == 'k8s')`),
        },
      },
      { ...EMPTY_SIDE, nets: ['10.1.0.0/16'], notNets: ['10.1.5.0/24'] },
    ];
    expect(policy.ingress).toMatchObject([
      ...sources.map((source) => ({
        action: 'Allow',
        protocol: 'TCP',
        source,
        destination: { ...EMPTY_SIDE, ports: tcpPorts },
      })),
      ...sources.map((source) => ({
        action: 'Allow',
        protocol: 'UDP',
        source,
        destination: { ...EMPTY_SIDE, ports: udpPorts },
      })),
    ]);
    expect(policy.ingress[3]?.source.selector).toBeUndefined();
    expect(policy.types).toEqual(['Ingress']);
  });

  it('puts the peer and the ports in the destination of egress rules', () => {
    const policy = policyOf(
      sknp({
        egress: [
          {
            to: [{ podSelector: { matchLabels: { app: 'db' } } }],
            ports: [{ protocol: 'TCP', port: 5432 }],
          },
          {},
          { ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'UDP' }, { protocol: 'SCTP' }] },
        ],
      }),
    );
    expect(policy.types).toEqual(['Ingress', 'Egress']);
    expect(policy.egress).toEqual([
      {
        action: 'Allow',
        protocol: 'TCP',
        source: EMPTY_SIDE,
        destination: {
          ...EMPTY_SIDE,
          selector: expect.objectContaining({
            text: calico(
              "(projectcalico.org/namespace == 'shop') && (projectcalico.org/orchestrator == 'k8s' && app == 'db')",
            ),
          }),
          ports: [{ kind: 'range', from: 5432, to: 5432 }],
        },
      },
      { action: 'Allow', source: EMPTY_SIDE, destination: EMPTY_SIDE },
      { action: 'Allow', protocol: 'SCTP', source: EMPTY_SIDE, destination: EMPTY_SIDE },
      { action: 'Allow', protocol: 'UDP', source: EMPTY_SIDE, destination: EMPTY_SIDE },
    ]);
  });

  it('defaults policyTypes as Kubernetes does, except for a v1 object written without them', () => {
    const egress = [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }];
    expect(policyOf(sknp({ egress })).types).toEqual(['Ingress', 'Egress']);
    expect(policyOf(sknp({ egress, policyTypes: ['Egress'] })).types).toEqual(['Egress']);
    expect(policyOf(sknp({ egress, policyTypes: ['Egress', 'Ingress'] })).types).toEqual([
      'Ingress',
      'Egress',
    ]);
    expect(policyOf(sknp({ egress }, V1)).types).toEqual(['Ingress']);
    expect(policyOf(sknp({ egress, policyTypes: ['Egress'] }, V1)).types).toEqual(['Egress']);
  });

  it('reads stagedAction and reports Kubernetes spec problems with their fields', () => {
    expect(policyOf(sknp({ stagedAction: 'Delete' })).stagedAction).toBe('Delete');
    expect(
      problemsOf(
        sknp({
          stagedAction: 'Later',
          podSelector: { matchExpressions: [{ key: 'a', operator: 'Is' }] },
          ingress: [{ from: [{}] }],
        }),
      ),
    ).toEqual([
      'spec.podSelector.matchExpressions[0].operator: "Is" is not a valid selector operator: must be one of In, NotIn, Exists, DoesNotExist',
      'spec.ingress[0].from[0]: must specify a peer: podSelector, namespaceSelector or ipBlock',
      'spec.stagedAction: unsupported value "Later": must be one of Set, Delete, Learn, Ignore',
    ]);
  });
});

describe('Tier', () => {
  function tier(spec: unknown, name = 't1', apiVersion = V3): unknown {
    return { apiVersion, kind: 'Tier', metadata: { name }, spec };
  }

  it('defaults order to 1,000,000 and defaultAction to Deny', () => {
    const { model, problems } = read(
      tier(undefined),
      tier({ order: 98, defaultAction: 'Pass' }, 't0', V1),
      tier({ order: 0.5 }, 'half'),
    );
    expect(problems).toEqual([]);
    expect(model.calicoTiers).toMatchObject([
      { name: 't1', order: 1_000_000, defaultAction: 'Deny' },
      { name: 't0', order: 98, defaultAction: 'Pass' },
      { name: 'half', order: 0.5, defaultAction: 'Deny' },
    ]);
  });

  it('refuses what Calico refuses', () => {
    const { model, problems } = read(
      tier({ order: 'first', defaultAction: 'Allow' }),
      tier({}, 'a.b'),
    );
    expect(model.calicoTiers).toEqual([]);
    expect(problems.map((p) => `${p.object}: ${p.field}: ${p.message}`)).toEqual([
      'Tier.projectcalico.org/t1: spec.order: must be a number, got "first"',
      'Tier.projectcalico.org/t1: spec.defaultAction: unsupported value "Allow": must be one of Deny, Pass',
      'Tier.projectcalico.org/a.b: metadata.name: a tier name must be at most 63 lower case letters, digits or "-", starting and ending with a letter or digit (no ".")',
    ]);
  });
});

describe('NetworkSet and GlobalNetworkSet', () => {
  it('reads labels and nets, normalized', () => {
    const { model, problems } = read(
      {
        apiVersion: V3,
        kind: 'NetworkSet',
        metadata: { name: 'ns-1', namespace: 'default', labels: { 'allow-as-source': '' } },
        spec: { nets: ['10.64.0.0/24', '10.64.1.7/24', '10.64.9.9'] },
      },
      {
        apiVersion: V1,
        kind: 'GlobalNetworkSet',
        metadata: { name: 'partners', labels: { role: 'partner' } },
        spec: { nets: ['2001:db8::/48'] },
      },
      { apiVersion: V3, kind: 'GlobalNetworkSet', metadata: { name: 'empty' } },
    );
    expect(problems).toEqual([]);
    expect(model.networkSets).toMatchObject([
      {
        kind: 'NetworkSet',
        namespace: 'default',
        name: 'ns-1',
        labels: { 'allow-as-source': '' },
        nets: ['10.64.0.0/24', '10.64.1.0/24', '10.64.9.9/32'],
      },
      {
        kind: 'GlobalNetworkSet',
        name: 'partners',
        labels: { role: 'partner' },
        nets: ['2001:db8::/48'],
      },
      { kind: 'GlobalNetworkSet', name: 'empty', labels: {}, nets: [] },
    ]);
    expect(model.networkSets[1]?.namespace).toBeUndefined();
  });

  it('reports invalid nets and the reserved namespace label', () => {
    const { model, problems } = read({
      apiVersion: V3,
      kind: 'NetworkSet',
      metadata: { name: 'bad', namespace: 'n', labels: { 'projectcalico.org/namespace': 'other' } },
      spec: { nets: ['10.0.0.0/8', 'nope', 7] },
    });
    expect(model.networkSets).toEqual([]);
    expect(problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      'metadata.labels.projectcalico.org/namespace: is reserved: Calico sets it from the namespace of the object',
      'spec.nets[1]: invalid CIDR "nope": must be like 10.9.8.0/24, 2001:db8::/64 or one address',
      'spec.nets[2]: must be a CIDR, got 7',
    ]);
  });
});

describe('never throws', () => {
  it.each([
    ['a list spec', []],
    ['a string spec', 'spec'],
    ['rules that are not lists', { ingress: {}, egress: 3 }],
    [
      'entity rules that are not objects',
      { ingress: [{ action: 'Allow', source: 'x', destination: [] }] },
    ],
    [
      'ports that are objects',
      { ingress: [{ action: 'Allow', protocol: 'TCP', destination: { ports: [{}], nets: 'x' } }] },
    ],
    [
      'service accounts that are odd',
      { ingress: [{ action: 'Allow', source: { serviceAccounts: { names: [1, null, ''] } } }] },
    ],
  ])('reports %s', (_name, spec) => {
    const kinds = [
      'NetworkPolicy',
      'GlobalNetworkPolicy',
      'StagedNetworkPolicy',
      'StagedGlobalNetworkPolicy',
    ];
    for (const kind of [
      ...kinds,
      'StagedKubernetesNetworkPolicy',
      'Tier',
      'NetworkSet',
      'GlobalNetworkSet',
    ]) {
      const { problems } = read({
        apiVersion: V3,
        kind,
        metadata: { name: 'x', namespace: 'n' },
        spec,
      });
      if (kinds.includes(kind)) expect(problems.length).toBeGreaterThan(0);
    }
  });

  it('fails on a spec that is not an object for every kind', () => {
    for (const kind of [
      'StagedKubernetesNetworkPolicy',
      'Tier',
      'NetworkSet',
      'GlobalNetworkSet',
    ]) {
      expect(
        read({ apiVersion: V3, kind, metadata: { name: 'x', namespace: 'n' }, spec: 'x' }).problems,
      ).toEqual([
        expect.objectContaining({ field: 'spec', message: 'must be an object, got "x"' }),
      ]);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Objects from /work/research/calico/cases (Apache-2.0: projectcalico/calico@87c15906 e2e and FV
// tests, tigera/docs@f2a27624), copied as literals so the repository stands alone.

describe('objects from the upstream Calico cases', () => {
  const CASE_OBJECTS: readonly unknown[] = [
    // calico-crdv1-e2e-tier-pass-then-next-tier-allow (e2e/pkg/tests/policy/tiers.go)
    {
      apiVersion: V1,
      kind: 'Tier',
      metadata: { name: 't0' },
      spec: { order: 98, defaultAction: 'Deny' },
    },
    {
      apiVersion: V1,
      kind: 'NetworkPolicy',
      metadata: {
        name: 't0.test-pass',
        namespace: 'tiers-1',
        labels: { 'projectcalico.org/tier': 't0' },
      },
      spec: {
        tier: 't0',
        selector: "pod-name == 'server'",
        types: ['Ingress'],
        ingress: [{ action: 'Pass' }],
      },
    },
    // calico-crdv1-doc-egress-to-external-nets (external-ips-policy.mdx)
    {
      apiVersion: V1,
      kind: 'NetworkPolicy',
      metadata: {
        name: 'default.allow-egress-external',
        namespace: 'production',
        labels: { 'projectcalico.org/tier': 'default' },
      },
      spec: {
        tier: 'default',
        selector: "color == 'red'",
        types: ['Egress'],
        egress: [{ action: 'Allow', destination: { nets: ['192.0.2.0/24'] } }],
      },
    },
    // calico-doc-port-range-notports-notprotocol (_ports.mdx)
    {
      apiVersion: V3,
      kind: 'NetworkPolicy',
      metadata: { name: 'range-and-negations', namespace: 'ranges' },
      spec: {
        selector: "app == 'server'",
        types: ['Ingress'],
        ingress: [
          {
            action: 'Allow',
            protocol: 'TCP',
            destination: { ports: ['6040:6050'], notPorts: [6045] },
          },
          { action: 'Allow', notProtocol: 'TCP' },
        ],
      },
    },
    // calico-e2e-service-account-selector (e2e/pkg/tests/policy/policy.go)
    {
      apiVersion: V3,
      kind: 'NetworkPolicy',
      metadata: { name: 'allow-through-service-account', namespace: 'networkpolicy-sa1' },
      spec: {
        serviceAccountSelector: "ns-name == 'networkpolicy-sa1'",
        order: 100,
        ingress: [
          {
            action: 'Allow',
            source: { serviceAccounts: { selector: "ns-name == 'networkpolicy-sa1'" } },
          },
        ],
      },
    },
    // calico-doc-global-default-deny-except-system-namespaces (kubernetes-default-deny.mdx)
    {
      apiVersion: V3,
      kind: 'GlobalNetworkPolicy',
      metadata: { name: 'deny-app-policy' },
      spec: {
        namespaceSelector:
          'kubernetes.io/metadata.name not in {"calico-system", "kube-public", "kube-system", "tigera-operator"}',
        types: ['Ingress', 'Egress'],
        egress: [
          {
            action: 'Allow',
            protocol: 'UDP',
            destination: { selector: 'k8s-app == "kube-dns"', ports: [53] },
          },
          {
            action: 'Allow',
            protocol: 'TCP',
            destination: { selector: 'k8s-app == "kube-dns"', ports: [53] },
          },
        ],
      },
    },
    // calico-doc-global-namespace-selector-reaches-globalnetworkset (globalnetworkset.mdx)
    {
      apiVersion: V3,
      kind: 'GlobalNetworkSet',
      metadata: { name: 'partners', labels: { role: 'partner' } },
      spec: { nets: ['203.0.113.0/24'] },
    },
    {
      apiVersion: V3,
      kind: 'NetworkPolicy',
      metadata: { name: 'egress-to-partners', namespace: 'app' },
      spec: {
        selector: "role == 'client'",
        types: ['Egress'],
        egress: [
          {
            action: 'Allow',
            protocol: 'TCP',
            destination: {
              namespaceSelector: 'global()',
              selector: "role == 'partner'",
              ports: [443],
            },
          },
        ],
      },
    },
    // calico-fv-netsets-namespaced-baseline (felix/fv/netsets_test.go)
    {
      apiVersion: V3,
      kind: 'GlobalNetworkPolicy',
      metadata: { name: 'policy-1' },
      spec: {
        selector: 'all()',
        ingress: [
          {
            action: 'Allow',
            source: { selector: 'has(allow-as-source)' },
            destination: { selector: 'has(allow-as-dest)' },
          },
        ],
        egress: [{ action: 'Allow' }],
      },
    },
    {
      apiVersion: V3,
      kind: 'NetworkSet',
      metadata: { name: 'ns-1', namespace: 'default', labels: { 'allow-as-source': '' } },
      spec: { nets: ['10.64.0.0/24', '10.64.1.0/24', '10.64.2.0/24'] },
    },
    // calico-fv-tiers-default-action-pass (felix/fv/tiered_policy_test.go)
    {
      apiVersion: V3,
      kind: 'StagedNetworkPolicy',
      metadata: { name: 'tier2.np2-1', namespace: 'default' },
      spec: {
        order: 1,
        tier: 'tier2',
        selector: "name=='ep2-1'",
        types: ['Egress'],
        egress: [{ action: 'Allow' }],
      },
    },
  ];

  it('reads them all without problems', () => {
    const { model, problems } = read(...CASE_OBJECTS);
    expect(problems).toEqual([]);
    expect(model.calicoTiers).toHaveLength(1);
    expect(model.networkSets).toHaveLength(2);
    expect(model.calicoPolicies).toHaveLength(8);
    const byName = new Map(model.calicoPolicies.map((p) => [p.name, p]));

    expect(byName.get('test-pass')).toMatchObject({
      apiGroup: V1,
      tier: 't0',
      types: ['Ingress'],
      ingress: [{ action: 'Pass' }],
    });
    expect(byName.get('allow-egress-external')).toMatchObject({
      apiGroup: V1,
      tier: 'default',
      types: ['Egress'],
      egress: [{ action: 'Allow', destination: { nets: ['192.0.2.0/24'] } }],
    });
    expect(byName.get('range-and-negations')?.ingress).toEqual([
      {
        action: 'Allow',
        protocol: 'TCP',
        source: EMPTY_SIDE,
        destination: {
          ...EMPTY_SIDE,
          ports: [{ kind: 'range', from: 6040, to: 6050 }],
          notPorts: [{ kind: 'range', from: 6045, to: 6045 }],
        },
      },
      { action: 'Allow', notProtocol: 'TCP', source: EMPTY_SIDE, destination: EMPTY_SIDE },
    ]);
    const sa = byName.get('allow-through-service-account');
    expect(sa?.types).toEqual(['Ingress']);
    expect(sa?.selector.text).toBe(
      calico(
        `(projectcalico.org/namespace == 'networkpolicy-sa1') && pcsa.ns-name == "networkpolicy-sa1"`,
      ),
    );
    expect(sa?.ingress[0]?.source.selector?.text).toBe(
      calico(
        `(projectcalico.org/namespace == 'networkpolicy-sa1') && (pcsa.ns-name == "networkpolicy-sa1")`,
      ),
    );
    expect(byName.get('deny-app-policy')?.selector.text).toBe(
      'pcns.kubernetes.io/metadata.name not in {"calico-system", "kube-public", "kube-system", "tigera-operator"}',
    );
    expect(byName.get('deny-app-policy')?.egress[0]?.destination.selector?.text).toBe(
      'k8s-app == "kube-dns"',
    );
    expect(byName.get('egress-to-partners')?.egress[0]?.destination.selector?.text).toBe(
      calico(`(!has(projectcalico.org/namespace)) && (role == 'partner')`),
    );
    expect(byName.get('policy-1')).toMatchObject({
      selector: { text: 'all()' },
      types: ['Ingress', 'Egress'],
    });
    expect(byName.get('np2-1')).toMatchObject({
      kind: 'StagedNetworkPolicy',
      tier: 'tier2',
      order: 1,
      stagedAction: 'Set',
    });
  });
});
