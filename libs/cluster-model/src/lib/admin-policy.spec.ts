import { readYaml } from '../../test/read-manifest';
import type { AdminPolicy } from './types';

function onlyPolicy(text: string): AdminPolicy {
  const { model, problems } = readYaml(text);
  expect(problems).toEqual([]);
  const [policy] = model.adminPolicies;
  if (policy === undefined) throw new Error('no admin policy read');
  return policy;
}

const ALL = { matchLabels: {}, matchExpressions: [] };
const labels = (matchLabels: Record<string, string>) => ({ matchLabels, matchExpressions: [] });

describe('AdminNetworkPolicy (v1alpha1)', () => {
  it('reads priority, subject, rules, peers and ports', () => {
    const policy = onlyPolicy(`
      apiVersion: policy.networking.k8s.io/v1alpha1
      kind: AdminNetworkPolicy
      metadata: {name: cluster-control}
      spec:
        priority: 20
        subject:
          pods:
            namespaceSelector: {matchLabels: {env: prod}}
            podSelector: {matchLabels: {app: db}}
        ingress:
          - name: allow-monitoring
            action: Allow
            from: [{namespaces: {matchLabels: {team: monitoring}}}]
            ports:
              - portNumber: {protocol: TCP, port: 9090}
              - portRange: {start: 8000, end: 8100}
              - namedPort: metrics
          - action: Pass
            from: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: api}}}}]
        egress:
          - action: Deny
            to: [{networks: [0.0.0.0/0, "::/0"]}, {nodes: {matchLabels: {role: control-plane}}}]
    `);
    expect(policy).toMatchObject({
      kind: 'AdminNetworkPolicy',
      name: 'cluster-control',
      tier: 'Admin',
      priority: 20,
      subject: {
        kind: 'pods',
        namespaceSelector: labels({ env: 'prod' }),
        podSelector: labels({ app: 'db' }),
      },
      ingress: [
        {
          name: 'allow-monitoring',
          action: 'Allow',
          peers: [{ kind: 'namespaces', namespaceSelector: labels({ team: 'monitoring' }) }],
          ports: [
            { kind: 'number', protocol: 'TCP', port: 9090 },
            { kind: 'range', protocol: 'TCP', start: 8000, end: 8100 },
            { kind: 'named', name: 'metrics' },
          ],
        },
        {
          action: 'Pass',
          peers: [{ kind: 'pods', namespaceSelector: ALL, podSelector: labels({ app: 'api' }) }],
          ports: null,
        },
      ],
      egress: [
        {
          action: 'Deny',
          peers: [
            { kind: 'networks', cidrs: ['0.0.0.0/0', '::/0'] },
            { kind: 'nodes', nodeSelector: labels({ role: 'control-plane' }) },
          ],
          ports: null,
        },
      ],
    });
    expect(policy.ingress[1]).not.toHaveProperty('name');
  });

  it('reads a BaselineAdminNetworkPolicy as the Baseline tier without priority', () => {
    const policy = onlyPolicy(`
      apiVersion: policy.networking.k8s.io/v1alpha1
      kind: BaselineAdminNetworkPolicy
      metadata: {name: default}
      spec:
        subject: {namespaces: {}}
        ingress: [{action: Deny, from: [{namespaces: {}}], ports: []}]
    `);
    expect(policy).toMatchObject({
      kind: 'BaselineAdminNetworkPolicy',
      name: 'default',
      tier: 'Baseline',
      priority: null,
      subject: { kind: 'namespaces', namespaceSelector: ALL },
      ingress: [
        { action: 'Deny', peers: [{ kind: 'namespaces', namespaceSelector: ALL }], ports: null },
      ],
      egress: [],
    });
  });
});

describe('admin policies as Go tools decode them', () => {
  it('reads a pods peer without podSelector as every pod, as upstream analyzer tests expect', () => {
    const policy = onlyPolicy(`
      apiVersion: policy.networking.k8s.io/v1alpha1
      kind: AdminNetworkPolicy
      metadata: {name: a}
      spec:
        priority: 1
        subject: {namespaces: {}}
        ingress: [{action: Allow, from: [{pods: {namespaceSelector: {matchLabels: {team: x}}}}]}]
    `);
    expect(policy.ingress[0]?.peers).toEqual([
      { kind: 'pods', namespaceSelector: labels({ team: 'x' }), podSelector: ALL },
    ]);
  });

  it('keeps a named port next to a networks peer: the name just matches no external address', () => {
    const policy = onlyPolicy(`
      apiVersion: policy.networking.k8s.io/v1alpha1
      kind: AdminNetworkPolicy
      metadata: {name: a}
      spec:
        priority: 1
        subject: {namespaces: {}}
        egress: [{action: Allow, to: [{networks: [104.154.164.170/32]}], ports: [{namedPort: dns}]}]
    `);
    expect(policy.egress[0]?.ports).toEqual([{ kind: 'named', name: 'dns' }]);
  });
});

describe('ClusterNetworkPolicy (v1alpha2)', () => {
  it('normalizes Accept to Allow and reads tier and priority', () => {
    const policy = onlyPolicy(`
      apiVersion: policy.networking.k8s.io/v1alpha2
      kind: ClusterNetworkPolicy
      metadata: {name: baseline}
      spec:
        tier: Baseline
        priority: 5
        subject: {pods: {podSelector: {matchLabels: {app: web}}}}
        ingress:
          - {action: Accept, from: [{namespaces: {}}]}
          - {action: Deny, from: [{namespaces: {}}]}
          - {action: Pass, from: [{namespaces: {}}]}
    `);
    expect(policy).toMatchObject({
      kind: 'ClusterNetworkPolicy',
      tier: 'Baseline',
      priority: 5,
      // v1alpha2 lets namespaceSelector out: every namespace.
      subject: { kind: 'pods', namespaceSelector: ALL, podSelector: labels({ app: 'web' }) },
    });
    expect(policy.ingress.map((rule) => rule.action)).toEqual(['Allow', 'Deny', 'Pass']);
    expect(policy.ingress.map((rule) => rule.ports)).toEqual([null, null, null]);
  });

  it('reads protocols into ports: numbers, ranges (range or portRange) and named ports', () => {
    const policy = onlyPolicy(`
      apiVersion: policy.networking.k8s.io/v1alpha2
      kind: ClusterNetworkPolicy
      metadata: {name: ports}
      spec:
        tier: Admin
        priority: 0
        subject: {namespaces: {}}
        egress:
          - action: Accept
            to: [{pods: {namespaceSelector: {}, podSelector: {}}}]
            protocols:
              - tcp: {destinationPort: {number: 443}}
              - udp: {destinationPort: {range: {start: 5000, end: 5010}}}
              - sctp: {destinationPort: {portRange: {start: 9000, end: 9005}}}
              - destinationNamedPort: dns
          - action: Deny
            to: [{networks: [10.0.0.0/8]}, {domainNames: ["*.example.com", kubernetes.io]}]
    `);
    expect(policy.egress[0]?.ports).toEqual([
      { kind: 'number', protocol: 'TCP', port: 443 },
      { kind: 'range', protocol: 'UDP', start: 5000, end: 5010 },
      { kind: 'range', protocol: 'SCTP', start: 9000, end: 9005 },
      { kind: 'named', name: 'dns' },
    ]);
    expect(policy.egress[1]?.peers).toEqual([
      { kind: 'networks', cidrs: ['10.0.0.0/8'] },
      { kind: 'domainNames', domainNames: ['*.example.com', 'kubernetes.io'] },
    ]);
  });

  it('keeps the policy as read, trimmed to metadata and spec', () => {
    const policy = onlyPolicy(`
      apiVersion: policy.networking.k8s.io/v1alpha2
      kind: ClusterNetworkPolicy
      metadata: {name: raw, uid: x, generation: 3}
      spec: {tier: Admin, priority: 1, subject: {namespaces: {}}}
      status: {conditions: []}
    `);
    expect(policy.raw).toEqual({
      apiVersion: 'policy.networking.k8s.io/v1alpha2',
      kind: 'ClusterNetworkPolicy',
      metadata: { name: 'raw' },
      spec: { tier: 'Admin', priority: 1, subject: { namespaces: {} } },
    });
  });
});
