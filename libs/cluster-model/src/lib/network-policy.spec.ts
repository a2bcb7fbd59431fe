import { readYaml } from '../../test/read-manifest';
import type { NetworkPolicy } from './types';

function policy(spec: string): NetworkPolicy {
  const { model, problems } = readYaml(`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: {name: p, namespace: shop}
    spec: ${spec}
  `);
  expect(problems).toEqual([]);
  const [read] = model.networkPolicies;
  if (read === undefined) throw new Error('policy was not read');
  return read;
}

const EVERYTHING = { matchLabels: {}, matchExpressions: [] };

describe('NetworkPolicy defaulting', () => {
  it.each([
    ['no rules', '{podSelector: {}}', ['Ingress']],
    ['ingress rules only', '{ingress: [{}]}', ['Ingress']],
    ['egress rules', '{egress: [{}]}', ['Ingress', 'Egress']],
    ['an empty egress list', '{egress: []}', ['Ingress']],
    ['an empty policyTypes list', '{policyTypes: [], egress: [{}]}', ['Ingress', 'Egress']],
    ['explicit Egress only', '{policyTypes: [Egress]}', ['Egress']],
    [
      'explicit Egress only despite ingress rules',
      '{policyTypes: [Egress], ingress: [{}]}',
      ['Egress'],
    ],
    ['a repeated type', '{policyTypes: [Ingress, Ingress]}', ['Ingress']],
  ])('sets policyTypes for %s as the API server does', (_name, spec, types) => {
    expect(policy(spec).policyTypes).toEqual(types);
  });

  it.each([
    ['absent', '{policyTypes: [Ingress]}'],
    ['null', '{podSelector: null}'],
    ['empty', '{podSelector: {}}'],
  ])('selects every pod when podSelector is %s', (_name, spec) => {
    expect(policy(spec).podSelector).toEqual(EVERYTHING);
  });

  it('selects every pod when there is no spec at all', () => {
    const { model } = readYaml(
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: n}\n',
    );
    expect(model.networkPolicies[0]).toMatchObject({
      podSelector: EVERYTHING,
      policyTypes: ['Ingress'],
      ingress: [],
      egress: [],
    });
  });

  it('defaults the protocol of every port to TCP and keeps ports, names and ranges', () => {
    const read = policy(
      '{ingress: [{ports: [{port: 80}, {protocol: UDP, port: 53}, {port: web}, {port: 8000, endPort: 8080}, {protocol: SCTP}, {}]}]}',
    );
    expect(read.ingress[0]?.ports).toEqual([
      { protocol: 'TCP', port: 80 },
      { protocol: 'UDP', port: 53 },
      { protocol: 'TCP', port: 'web' },
      { protocol: 'TCP', port: 8000, endPort: 8080 },
      { protocol: 'SCTP' },
      { protocol: 'TCP' },
    ]);
  });

  it.each([
    ['absent from and ports', '{ingress: [{}]}'],
    ['empty from and ports', '{ingress: [{from: [], ports: []}]}'],
    ['a null rule', '{ingress: [null]}'],
  ])('reads %s as a rule that allows every peer on every port', (_name, spec) => {
    expect(policy(spec).ingress).toEqual([{ peers: [], ports: [] }]);
  });

  it('keeps the three kinds of peer apart', () => {
    const { model } = readYaml(`
      kind: NetworkPolicy
      metadata: {name: p}
      spec:
        egress:
          - to:
              - podSelector: {matchLabels: {app: db}}
              - namespaceSelector: {matchExpressions: [{key: team, operator: In, values: [a, b]}]}
              - podSelector: {}
                namespaceSelector: {matchLabels: {env: prod}}
              - ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}
    `);
    const [read] = model.networkPolicies;
    expect(read.egress[0]?.peers).toEqual([
      { podSelector: { matchLabels: { app: 'db' }, matchExpressions: [] } },
      {
        namespaceSelector: {
          matchLabels: {},
          matchExpressions: [{ key: 'team', operator: 'In', values: ['a', 'b'] }],
        },
      },
      {
        podSelector: EVERYTHING,
        namespaceSelector: { matchLabels: { env: 'prod' }, matchExpressions: [] },
      },
      { ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } },
    ]);
  });

  it('keeps the object as read for display, without status, server noise or the last-applied copy', () => {
    const { model } = readYaml(`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: p
        labels: {team: a}
        annotations:
          note: why
          kubectl.kubernetes.io/last-applied-configuration: '{"huge": true}'
        creationTimestamp: "2024-01-01T00:00:00Z"
        uid: 1234
        resourceVersion: "99"
        managedFields: [{manager: kubectl}]
      spec: {podSelector: {}}
      status: {}
    `);
    expect(model.networkPolicies[0]?.raw).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: {
        name: 'p',
        namespace: 'default',
        labels: { team: 'a' },
        annotations: { note: 'why' },
        creationTimestamp: '2024-01-01T00:00:00Z',
      },
      spec: { podSelector: {} },
    });
  });

  it('records where the policy was read from', () => {
    expect(policy('{}').source).toEqual({ file: 'manifest.yaml', document: 0 });
  });
});
