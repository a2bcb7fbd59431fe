import type { NetworkPolicySpec } from './policies';
import { calicoPolicyOf, calicoSelector, ciliumPolicyOf } from './plugin-policies';
import { Random } from './random';

// The cross-team policy the generator writes once a namespace has more policies than apps: the
// generated clusters rarely hold one, so its translation is checked here.
const FROM_ANOTHER_TEAM: NetworkPolicySpec = {
  podSelector: { matchLabels: { app: 'orders-api' } },
  policyTypes: ['Ingress'],
  ingress: [
    {
      from: [
        {
          namespaceSelector: { matchLabels: { team: 'billing' } },
          podSelector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['api', 'gateway'] }] },
        },
      ],
      ports: [{ protocol: 'TCP', port: 'grpc' }],
    },
  ],
};

const NO_L7 = { chance: () => false } as unknown as Random;

describe('ciliumPolicyOf', () => {
  it('turns a namespace selector into the namespace labels Cilium gives pods', () => {
    expect(ciliumPolicyOf(FROM_ANOTHER_TEAM, NO_L7).spec).toEqual({
      endpointSelector: { matchLabels: { app: 'orders-api' } },
      ingress: [
        {
          fromEndpoints: [
            {
              matchLabels: { 'k8s:io.cilium.k8s.namespace.labels.team': 'billing' },
              matchExpressions: [{ key: 'tier', operator: 'In', values: ['api', 'gateway'] }],
            },
          ],
          toPorts: [{ ports: [{ port: 'grpc', protocol: 'TCP' }] }],
        },
      ],
    });
  });

  it('keeps pods and CIDRs in rules of their own, allows every peer for a rule without peers, and names every namespace for an empty namespace selector', () => {
    const spec: NetworkPolicySpec = {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        { to: [{ namespaceSelector: {} }, { ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }], ports: [{ protocol: 'UDP', port: 53 }] },
        { ports: [{ protocol: 'TCP', port: 5000, endPort: 5009 }] },
      ],
    };
    const dns = { toPorts: [{ ports: [{ port: '53', protocol: 'UDP' }] }] };
    expect(ciliumPolicyOf(spec, NO_L7).spec).toEqual({
      endpointSelector: {},
      egress: [
        { toEndpoints: [{ matchExpressions: [{ key: 'k8s:io.kubernetes.pod.namespace', operator: 'Exists' }] }], ...dns },
        { toCIDRSet: [{ cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] }], ...dns },
        { toEntities: ['all'], toPorts: [{ ports: [{ port: '5000', endPort: 5009, protocol: 'TCP' }] }] },
      ],
    });
  });

  it('gives an L7 rule only to TCP ingress rules from pods', () => {
    const always = { chance: () => true } as unknown as Random;
    expect(ciliumPolicyOf(FROM_ANOTHER_TEAM, always).spec).toMatchObject({
      ingress: [{ toPorts: [{ rules: { http: [{ method: 'GET' }] } }] }],
    });
    const udp: NetworkPolicySpec = { ...FROM_ANOTHER_TEAM, ingress: [{ ...FROM_ANOTHER_TEAM.ingress?.[0], ports: [{ protocol: 'UDP', port: 53 }] }] };
    expect(JSON.stringify(ciliumPolicyOf(udp, always).spec)).not.toContain('"rules"');
  });
});

describe('calicoPolicyOf', () => {
  it('writes selectors in Calico\'s language', () => {
    expect(calicoSelector({})).toBe('all()');
    expect(
      calicoSelector({
        matchLabels: { app: 'web' },
        matchExpressions: [
          { key: 'tier', operator: 'NotIn', values: ['db', 'cache'] },
          { key: 'debug', operator: 'DoesNotExist' },
          { key: 'team', operator: 'Exists' },
        ],
      }),
    ).toBe("app == 'web' && tier not in {'db', 'cache'} && !has(debug) && has(team)");
  });

  it('writes one rule per peer and protocol, with the peer as source', () => {
    const spec: NetworkPolicySpec = {
      ...FROM_ANOTHER_TEAM,
      ingress: [{ ...FROM_ANOTHER_TEAM.ingress?.[0], ports: [{ protocol: 'TCP', port: 'grpc' }, { protocol: 'UDP', port: 8000, endPort: 8009 }] }],
    };
    const source = { selector: "tier in {'api', 'gateway'}", namespaceSelector: "team == 'billing'" };
    expect(calicoPolicyOf(spec).spec).toEqual({
      selector: "app == 'orders-api'",
      types: ['Ingress'],
      ingress: [
        { action: 'Allow', protocol: 'TCP', source, destination: { ports: ['grpc'] } },
        { action: 'Allow', protocol: 'UDP', source, destination: { ports: ['8000:8009'] } },
      ],
    });
  });

  it('isolates a direction without rules, and puts egress peers in the destination', () => {
    const spec: NetworkPolicySpec = {
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
      egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }] }],
    };
    expect(calicoPolicyOf(spec).spec).toEqual({
      selector: 'all()',
      types: ['Ingress', 'Egress'],
      egress: [{ action: 'Allow', destination: { nets: ['0.0.0.0/0'], notNets: ['10.0.0.0/8'] } }],
    });
  });
});
