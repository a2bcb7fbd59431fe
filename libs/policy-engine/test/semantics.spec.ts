import { audit } from '../src';
import { adminRule, all, newAdminPolicy, newCluster, newNamespace, newNetworkPolicy, newPod, sel } from './factories';
import { allowed } from './verdict';

/** One block per rule of docs/semantics.md; each test fails if its rule is broken. */

const web = newPod('prod/web', { labels: { app: 'web' }, ip: '10.0.0.1' });
const db = newPod('prod/db', { labels: { app: 'db' }, ip: '10.0.0.2', ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }] });
const client = newPod('dev/client', { labels: { app: 'client' }, ip: '10.0.1.1' });

describe('isolation', () => {
  it('a pod no policy selects accepts everything', () => {
    const model = newCluster({ pods: [web, client] });
    expect(allowed(model, 'dev/client', 'prod/web')).toBe(true);
    expect(allowed(model, '8.8.8.8', 'prod/web')).toBe(true);
  });

  it('a policy selecting the pod with Ingress isolates it; without rules nothing gets in', () => {
    const model = newCluster({ pods: [web, client], networkPolicies: [newNetworkPolicy('prod/deny', { podSelector: all })] });
    expect(allowed(model, 'dev/client', 'prod/web')).toBe(false);
    expect(allowed(model, 'prod/web', 'dev/client')).toBe(true); // egress untouched
  });

  it('policyTypes defaults to Ingress, plus Egress when the policy has egress rules', () => {
    const egressOnly = newNetworkPolicy('prod/egress', {
      podSelector: sel({ app: 'web' }),
      egress: [{ peers: [{ podSelector: sel({ app: 'db' }) }], ports: [] }],
    });
    expect(egressOnly.policyTypes).toEqual(['Ingress', 'Egress']);
    const model = newCluster({ pods: [web, db, client], networkPolicies: [egressOnly] });
    // Ingress is isolated too (the default Ingress type) and has no rule: nothing gets in.
    expect(allowed(model, 'dev/client', 'prod/web')).toBe(false);
    expect(allowed(model, 'prod/web', 'prod/db', '5432/TCP')).toBe(true);
    expect(allowed(model, 'prod/web', 'dev/client')).toBe(false);
  });

  it('rules of every policy selecting the pod are OR-ed', () => {
    const model = newCluster({
      pods: [web, db, client],
      networkPolicies: [
        newNetworkPolicy('prod/from-db', { podSelector: sel({ app: 'web' }), ingress: [{ peers: [{ podSelector: sel({ app: 'db' }) }], ports: [] }] }),
        newNetworkPolicy('prod/from-dev', {
          podSelector: sel({ app: 'web' }),
          ingress: [{ peers: [{ namespaceSelector: sel({ 'kubernetes.io/metadata.name': 'dev' }) }], ports: [] }],
        }),
      ],
    });
    expect(allowed(model, 'prod/db', 'prod/web')).toBe(true);
    expect(allowed(model, 'dev/client', 'prod/web')).toBe(true);
  });

  it('an Egress-only policy does not isolate ingress', () => {
    const model = newCluster({
      pods: [web, client],
      networkPolicies: [newNetworkPolicy('prod/egress-deny', { podSelector: all, policyTypes: ['Egress'] })],
    });
    expect(allowed(model, 'dev/client', 'prod/web')).toBe(true);
    expect(allowed(model, 'prod/web', 'dev/client')).toBe(false);
  });
});

describe('a connection needs both ends', () => {
  it('egress of the source and ingress of the destination must both allow it', () => {
    const ingressAllows = newNetworkPolicy('prod/allow-dev', {
      podSelector: sel({ app: 'web' }),
      ingress: [{ peers: [{ namespaceSelector: all }], ports: [] }],
    });
    const egressDenies = newNetworkPolicy('dev/deny-egress', { podSelector: all, policyTypes: ['Egress'] });
    expect(allowed(newCluster({ pods: [web, client], networkPolicies: [ingressAllows] }), 'dev/client', 'prod/web')).toBe(true);
    expect(allowed(newCluster({ pods: [web, client], networkPolicies: [ingressAllows, egressDenies] }), 'dev/client', 'prod/web')).toBe(false);
  });

  it('on that port and protocol only (endPort ranges and SCTP included)', () => {
    const model = newCluster({
      pods: [web, client],
      networkPolicies: [
        newNetworkPolicy('prod/ports', {
          podSelector: all,
          ingress: [{ peers: [], ports: [{ protocol: 'TCP', port: 8000, endPort: 8080 }, { protocol: 'SCTP', port: 80 }] }],
        }),
      ],
    });
    expect(allowed(model, 'dev/client', 'prod/web', '8000/TCP')).toBe(true);
    expect(allowed(model, 'dev/client', 'prod/web', '8080/TCP')).toBe(true);
    expect(allowed(model, 'dev/client', 'prod/web', '8081/TCP')).toBe(false);
    expect(allowed(model, 'dev/client', 'prod/web', '80/TCP')).toBe(false);
    expect(allowed(model, 'dev/client', 'prod/web', '80/SCTP')).toBe(true);
    expect(allowed(model, 'dev/client', 'prod/web', '8000/UDP')).toBe(false);
  });

  it('a port clause with only a protocol allows every port of that protocol', () => {
    const model = newCluster({
      pods: [web, client],
      networkPolicies: [newNetworkPolicy('prod/udp', { podSelector: all, ingress: [{ peers: [], ports: [{ protocol: 'UDP' }] }] })],
    });
    expect(allowed(model, 'dev/client', 'prod/web', '9999/UDP')).toBe(true);
    expect(allowed(model, 'dev/client', 'prod/web', '9999/TCP')).toBe(false);
  });
});

describe('named ports', () => {
  const namedDb = newPod('prod/db', {
    labels: { app: 'db' },
    ip: '10.0.0.2',
    ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }, { name: 'stats', port: 9000, protocol: 'UDP' }],
  });
  const otherDb = newPod('prod/db2', { labels: { app: 'db' }, ip: '10.0.0.3', ports: [{ name: 'pg', port: 6432, protocol: 'TCP' }] });

  it('resolve against the destination pod: name and protocol', () => {
    const model = newCluster({
      pods: [namedDb, otherDb, client],
      networkPolicies: [
        newNetworkPolicy('prod/pg', { podSelector: sel({ app: 'db' }), ingress: [{ peers: [], ports: [{ protocol: 'TCP', port: 'pg' }] }] }),
      ],
    });
    expect(allowed(model, 'dev/client', 'prod/db', '5432/TCP')).toBe(true);
    expect(allowed(model, 'dev/client', 'prod/db', '6432/TCP')).toBe(false);
    expect(allowed(model, 'dev/client', 'prod/db2', '6432/TCP')).toBe(true);
    expect(allowed(model, 'dev/client', 'prod/db2', '5432/TCP')).toBe(false);
  });

  it('a named port with the wrong protocol does not match', () => {
    const model = newCluster({
      pods: [namedDb, client],
      networkPolicies: [
        newNetworkPolicy('prod/stats', { podSelector: all, ingress: [{ peers: [], ports: [{ protocol: 'TCP', port: 'stats' }] }] }),
      ],
    });
    expect(allowed(model, 'dev/client', 'prod/db', '9000/UDP')).toBe(false);
    expect(allowed(model, 'dev/client', 'prod/db', '9000/TCP')).toBe(false);
  });

  it('in egress rules resolve against the destination, never against an outside address', () => {
    const model = newCluster({
      pods: [namedDb, client],
      networkPolicies: [
        newNetworkPolicy('dev/egress-pg', { podSelector: all, policyTypes: ['Egress'], egress: [{ peers: [], ports: [{ protocol: 'TCP', port: 'pg' }] }] }),
      ],
    });
    expect(allowed(model, 'dev/client', 'prod/db', '5432/TCP')).toBe(true);
    expect(allowed(model, 'dev/client', '8.8.8.8', '5432/TCP')).toBe(false);
  });
});

describe('ipBlock', () => {
  it('matches pod IPs as well as outside addresses; except carves holes', () => {
    const model = newCluster({
      pods: [web, client, newPod('dev/other', { ip: '10.0.2.1' })],
      networkPolicies: [
        newNetworkPolicy('prod/cidr', {
          podSelector: all,
          ingress: [{ peers: [{ ipBlock: { cidr: '10.0.0.0/16', except: ['10.0.2.0/24'] } }], ports: [] }],
        }),
      ],
    });
    expect(allowed(model, 'dev/client', 'prod/web')).toBe(true);
    expect(allowed(model, 'dev/other', 'prod/web')).toBe(false);
    expect(allowed(model, '10.0.9.9', 'prod/web')).toBe(true);
    expect(allowed(model, '10.1.0.1', 'prod/web')).toBe(false);
  });

  it('keeps IPv4 and IPv6 apart and matches dual-stack pods by either address', () => {
    const dual = newPod('dev/dual', { ips: ['10.9.0.1', 'fd00::1'] });
    const v4 = newNetworkPolicy('prod/v6-only', {
      podSelector: all,
      ingress: [{ peers: [{ ipBlock: { cidr: '::/0', except: [] } }], ports: [] }],
    });
    const model = newCluster({ pods: [web, dual, client], networkPolicies: [v4] });
    expect(allowed(model, 'dev/dual', 'prod/web')).toBe(true);
    expect(allowed(model, 'dev/client', 'prod/web')).toBe(false);
    expect(allowed(model, '2001:4860::8888', 'prod/web')).toBe(true);
    expect(allowed(model, '8.8.8.8', 'prod/web')).toBe(false);
  });
});

describe('namespaces', () => {
  it('carry kubernetes.io/metadata.name even when the manifest has no labels', () => {
    const bare = { name: 'dev', labels: {}, implicit: false };
    const model = newCluster({
      namespaces: [bare, newNamespace('prod')],
      pods: [web, client],
      networkPolicies: [
        newNetworkPolicy('prod/from-dev', {
          podSelector: all,
          ingress: [{ peers: [{ namespaceSelector: sel({ 'kubernetes.io/metadata.name': 'dev' }) }], ports: [] }],
        }),
      ],
    });
    expect(allowed(model, 'dev/client', 'prod/web')).toBe(true);
  });

  it('a podSelector without namespaceSelector means the policy\u2019s own namespace', () => {
    const intruder = newPod('dev/web-lookalike', { labels: { app: 'db' }, ip: '10.0.1.2' });
    const model = newCluster({
      pods: [web, db, intruder],
      networkPolicies: [newNetworkPolicy('prod/from-db', { podSelector: sel({ app: 'web' }), ingress: [{ peers: [{ podSelector: sel({ app: 'db' }) }], ports: [] }] })],
    });
    expect(allowed(model, 'prod/db', 'prod/web')).toBe(true);
    expect(allowed(model, 'dev/web-lookalike', 'prod/web')).toBe(false);
  });
});

describe('tiers: AdminNetworkPolicy -> NetworkPolicy -> BaselineAdminNetworkPolicy', () => {
  const denyAllNp = newNetworkPolicy('prod/deny', { podSelector: all });
  const fromDev = { kind: 'namespaces' as const, namespaceSelector: sel({ 'kubernetes.io/metadata.name': 'dev' }) };

  it('an admin Allow is final: NetworkPolicy cannot deny it', () => {
    const anp = newAdminPolicy('AdminNetworkPolicy', 'allow-dev', { ingress: [adminRule('Allow', [fromDev])] });
    expect(allowed(newCluster({ pods: [web, client], networkPolicies: [denyAllNp], adminPolicies: [anp] }), 'dev/client', 'prod/web')).toBe(true);
  });

  it('an admin Deny is final: NetworkPolicy cannot allow it', () => {
    const allowAll = newNetworkPolicy('prod/allow', { podSelector: all, ingress: [{ peers: [], ports: [] }] });
    const anp = newAdminPolicy('AdminNetworkPolicy', 'deny-dev', { ingress: [adminRule('Deny', [fromDev])] });
    expect(allowed(newCluster({ pods: [web, client], networkPolicies: [allowAll], adminPolicies: [anp] }), 'dev/client', 'prod/web')).toBe(false);
  });

  it('lower priority numbers win; rules apply in order inside a policy', () => {
    const deny = newAdminPolicy('AdminNetworkPolicy', 'deny', { priority: 20, ingress: [adminRule('Deny', [fromDev])] });
    const allow = newAdminPolicy('AdminNetworkPolicy', 'allow', { priority: 10, ingress: [adminRule('Allow', [fromDev])] });
    expect(allowed(newCluster({ pods: [web, client], adminPolicies: [deny, allow] }), 'dev/client', 'prod/web')).toBe(true);
    const ordered = newAdminPolicy('AdminNetworkPolicy', 'ordered', {
      ingress: [adminRule('Deny', [fromDev], [{ kind: 'number', protocol: 'TCP', port: 80 }]), adminRule('Allow', [fromDev])],
    });
    const model = newCluster({ pods: [web, client], adminPolicies: [ordered] });
    expect(allowed(model, 'dev/client', 'prod/web', '80/TCP')).toBe(false);
    expect(allowed(model, 'dev/client', 'prod/web', '81/TCP')).toBe(true);
  });

  it('Pass skips the rest of the admin tier and hands the decision to NetworkPolicy', () => {
    const pass = newAdminPolicy('AdminNetworkPolicy', 'pass', { priority: 1, ingress: [adminRule('Pass', [fromDev])] });
    const deny = newAdminPolicy('AdminNetworkPolicy', 'deny', { priority: 2, ingress: [adminRule('Deny', [fromDev])] });
    expect(allowed(newCluster({ pods: [web, client], adminPolicies: [pass, deny] }), 'dev/client', 'prod/web')).toBe(true);
    expect(allowed(newCluster({ pods: [web, client], adminPolicies: [pass, deny], networkPolicies: [denyAllNp] }), 'dev/client', 'prod/web')).toBe(false);
  });

  it('the baseline applies only where no NetworkPolicy isolates the pod in that direction', () => {
    const banp = newAdminPolicy('BaselineAdminNetworkPolicy', 'default', { ingress: [adminRule('Deny', [fromDev])] });
    expect(allowed(newCluster({ pods: [web, client], adminPolicies: [banp] }), 'dev/client', 'prod/web')).toBe(false);
    const allowDev = newNetworkPolicy('prod/allow-dev', { podSelector: all, ingress: [{ peers: [{ namespaceSelector: all }], ports: [] }] });
    expect(allowed(newCluster({ pods: [web, client], adminPolicies: [banp], networkPolicies: [allowDev] }), 'dev/client', 'prod/web')).toBe(true);
    // An egress-only NetworkPolicy does not take the ingress direction away from the baseline.
    const egressOnly = newNetworkPolicy('prod/egress', { podSelector: all, policyTypes: ['Egress'] });
    expect(allowed(newCluster({ pods: [web, client], adminPolicies: [banp], networkPolicies: [egressOnly] }), 'dev/client', 'prod/web')).toBe(false);
  });

  it('ClusterNetworkPolicy tiers: Admin before NetworkPolicy, Baseline after; a baseline Pass falls to the default allow', () => {
    const adminCnp = newAdminPolicy('ClusterNetworkPolicy', 'admin', { tier: 'Admin', priority: 5, ingress: [adminRule('Allow', [fromDev])] });
    expect(allowed(newCluster({ pods: [web, client], adminPolicies: [adminCnp], networkPolicies: [denyAllNp] }), 'dev/client', 'prod/web')).toBe(true);
    const basePass = newAdminPolicy('ClusterNetworkPolicy', 'base-pass', { tier: 'Baseline', priority: 1, ingress: [adminRule('Pass', [fromDev])] });
    const baseDeny = newAdminPolicy('ClusterNetworkPolicy', 'base-deny', { tier: 'Baseline', priority: 2, ingress: [adminRule('Deny', [fromDev])] });
    expect(allowed(newCluster({ pods: [web, client], adminPolicies: [baseDeny] }), 'dev/client', 'prod/web')).toBe(false);
    expect(allowed(newCluster({ pods: [web, client], adminPolicies: [basePass, baseDeny] }), 'dev/client', 'prod/web')).toBe(true);
  });

  it('admin namedPort resolves on the destination, with the container port\u2019s protocol', () => {
    const anp = newAdminPolicy('AdminNetworkPolicy', 'pg', {
      ingress: [adminRule('Deny', [fromDev], [{ kind: 'named', name: 'pg' }])],
    });
    const model = newCluster({ pods: [db, client], adminPolicies: [anp] });
    expect(allowed(model, 'dev/client', 'prod/db', '5432/TCP')).toBe(false);
    expect(allowed(model, 'dev/client', 'prod/db', '5432/UDP')).toBe(true);
  });

  it('admin egress networks peers match outside addresses and pod IPs', () => {
    const anp = newAdminPolicy('AdminNetworkPolicy', 'no-internet', {
      subject: { kind: 'namespaces', namespaceSelector: sel({ 'kubernetes.io/metadata.name': 'dev' }) },
      egress: [adminRule('Deny', [{ kind: 'networks', cidrs: ['0.0.0.0/0'] }])],
    });
    const model = newCluster({ pods: [web, client], adminPolicies: [anp] });
    expect(allowed(model, 'dev/client', '8.8.8.8')).toBe(false);
    expect(allowed(model, 'dev/client', 'prod/web')).toBe(false);
    expect(allowed(model, 'prod/web', '8.8.8.8')).toBe(true);
  });

  it('equal priorities are ordered by kind and name so results are deterministic', () => {
    const a = newAdminPolicy('AdminNetworkPolicy', 'a-allow', { priority: 3, ingress: [adminRule('Allow', [fromDev])] });
    const b = newAdminPolicy('AdminNetworkPolicy', 'b-deny', { priority: 3, ingress: [adminRule('Deny', [fromDev])] });
    expect(allowed(newCluster({ pods: [web, client], adminPolicies: [b, a] }), 'dev/client', 'prod/web')).toBe(true);
  });
});

describe('host-network pods', () => {
  it('are never selected by policies and match only ipBlock or node peers', () => {
    const node = { name: 'n1', labels: { role: 'worker' }, addresses: ['10.1.0.1'] };
    const agent = newPod('kube-system/agent', { labels: { app: 'agent' }, ip: '10.1.0.1', hostNetwork: true, nodeName: 'n1' });
    const model = newCluster({
      pods: [web, agent],
      nodes: [node],
      networkPolicies: [
        newNetworkPolicy('kube-system/deny', { podSelector: all }),
        newNetworkPolicy('prod/from-agents', { podSelector: all, ingress: [{ peers: [{ namespaceSelector: all }], ports: [] }] }),
      ],
    });
    expect(allowed(model, 'prod/web', 'kube-system/agent')).toBe(true); // not isolated by kube-system/deny
    expect(allowed(model, 'kube-system/agent', 'prod/web')).toBe(false); // selectors never match it
    const nodesAnp = newAdminPolicy('AdminNetworkPolicy', 'to-nodes', {
      egress: [adminRule('Deny', [{ kind: 'nodes', nodeSelector: sel({ role: 'worker' }) }])],
    });
    expect(allowed(newCluster({ pods: [web, agent], nodes: [node], adminPolicies: [nodesAnp] }), 'prod/web', 'kube-system/agent')).toBe(false);
  });
});

describe('a pod and itself', () => {
  it('is not judged: always reported allowed, never counted', () => {
    const model = newCluster({ pods: [web, client], networkPolicies: [newNetworkPolicy('prod/deny', { podSelector: all })] });
    expect(allowed(model, 'prod/web', 'prod/web')).toBe(true);
    const open = newCluster({ pods: [web, client] });
    const report = audit(open, { excludeNamespaces: [] });
    expect(report.pods.find((p) => p.name === 'web')!.reachableFrom).toBe(1);
  });
});
