import { explain, workloadPeers } from '../src';
import { adminRule, all, newAdminPolicy, newCluster, newNetworkPolicy, newPod, sel } from './factories';

const web = newPod('prod/web', { labels: { app: 'web' }, ip: '10.0.0.1' });
const client = newPod('dev/client', { labels: { app: 'client' }, ip: '10.0.1.1' });
const fromDev = { kind: 'namespaces' as const, namespaceSelector: sel({ 'kubernetes.io/metadata.name': 'dev' }) };
const port = { port: 80, protocol: 'TCP' as const };

function lines(model: ReturnType<typeof newCluster>, from: string, to: string) {
  const result = explain(model, from, to, port);
  if (!result.ok) throw new Error(result.message);
  return result.explanation;
}

describe('explain', () => {
  it('names the admin rule that decides, its action and that it is final', () => {
    const anp = newAdminPolicy('AdminNetworkPolicy', 'block-dev', { priority: 7, ingress: [adminRule('Deny', [fromDev], null, 'no-dev')] });
    const e = lines(newCluster({ pods: [web, client], adminPolicies: [anp] }), 'dev/client', 'prod/web');
    expect(e.allowed).toBe(false);
    expect(e.lines[0]).toBe('DENIED: dev/client -> prod/web on 80/TCP');
    expect(e.lines).toContainEqual(expect.stringContaining('Ingress to prod/web: DENIED by AdminNetworkPolicy/block-dev ingress[0] "no-dev" (Admin tier, action Deny'));
    expect(e.ingress).toEqual({
      allowed: false,
      verdict: 'denied',
      decidedBy: 'admin',
      tier: 'admin',
      endOfTier: false,
      rules: [{ policy: 'AdminNetworkPolicy/block-dev', direction: 'Ingress', index: 0, name: 'no-dev', action: 'Deny' }],
      isolatedBy: [],
      passedBy: [],
      conditionalBy: [],
    });
  });

  it('records a Pass and the NetworkPolicy that then decides', () => {
    const anp = newAdminPolicy('AdminNetworkPolicy', 'delegate', { ingress: [adminRule('Pass', [fromDev], null, 'to-teams')] });
    const np = newNetworkPolicy('prod/allow-dev', { podSelector: all, ingress: [{ peers: [{ namespaceSelector: all }], ports: [] }] });
    const e = lines(newCluster({ pods: [web, client], adminPolicies: [anp], networkPolicies: [np] }), 'dev/client', 'prod/web');
    expect(e.allowed).toBe(true);
    expect(e.ingress?.passedBy.map((r) => r.policy)).toEqual(['AdminNetworkPolicy/delegate']);
    expect(e.ingress?.rules).toEqual([{ policy: 'prod/allow-dev', direction: 'Ingress', index: 0, action: 'Allow' }]);
    expect(e.lines).toContainEqual(expect.stringContaining('(Pass) matched and handed the decision to the next tier'));
  });

  it('explains an egress denial on the source side', () => {
    const np = newNetworkPolicy('dev/no-egress', { podSelector: all, policyTypes: ['Egress'] });
    const e = lines(newCluster({ pods: [web, client], networkPolicies: [np] }), 'dev/client', 'prod/web');
    expect(e.allowed).toBe(false);
    expect(e.egress).toMatchObject({ allowed: false, decidedBy: 'networkPolicy', isolatedBy: ['dev/no-egress'] });
    expect(e.ingress).toMatchObject({ allowed: true, decidedBy: 'default' });
  });

  it('treats an IP that belongs to a pod as that pod', () => {
    const np = newNetworkPolicy('prod/from-client', { podSelector: all, ingress: [{ peers: [{ namespaceSelector: sel({ 'kubernetes.io/metadata.name': 'dev' }) }], ports: [] }] });
    const e = lines(newCluster({ pods: [web, client], networkPolicies: [np] }), '10.0.1.1', 'prod/web');
    expect(e.from).toBe('dev/client (10.0.1.1)');
    expect(e.allowed).toBe(true);
  });

  it('answers a clear error for an unknown pod or a malformed peer', () => {
    const model = newCluster({ pods: [web] });
    expect(explain(model, 'prod/nope', 'prod/web', port)).toEqual({ ok: false, error: 'unknown-peer', message: '--from: no pod prod/nope in the input' });
    expect(explain(model, 'prod/web', 'garbage', port)).toMatchObject({ ok: false, message: expect.stringContaining('neither namespace/pod nor an IP address') });
  });
});

describe('workloadPeers', () => {
  it('lists the workloads that can reach a workload and those it reaches', () => {
    const np = newNetworkPolicy('prod/from-dev', {
      podSelector: sel({ app: 'web' }),
      ingress: [{ peers: [{ namespaceSelector: sel({ 'kubernetes.io/metadata.name': 'dev' }) }], ports: [] }],
    });
    const db = newPod('prod/db', { labels: { app: 'db' }, ip: '10.0.0.2' });
    const model = newCluster({ pods: [web, client, db], networkPolicies: [np] });
    const peers = workloadPeers(model, { namespace: 'prod', kind: 'Pod', name: 'web' });
    expect(peers.from).toEqual([{ namespace: 'dev', kind: 'Pod', name: 'client', pods: 1 }]);
    expect(peers.to.map((p) => p.name)).toEqual(['client', 'db']);
  });
});
