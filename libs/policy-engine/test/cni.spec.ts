import { buildModel } from '@palisade/cluster-model';
import { assumeCni, audit, detectCni, notEnforcedReason } from '../src';

const ns = (name: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
const pod = (namespace: string, name: string, labels: Record<string, string> = { app: name }) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { namespace, name, labels },
  spec: { containers: [{ name: 'c', ports: [{ containerPort: 80 }] }] },
  status: { phase: 'Running', podIP: `10.0.0.${name.length}` },
});
const daemonSet = (namespace: string, name: string) => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { namespace, name },
  spec: { selector: { matchLabels: { k8s: name } }, template: { metadata: { labels: { k8s: name } }, spec: { containers: [{ name: 'c' }] } } },
});
const node = (name: string, annotations: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, annotations },
  status: { addresses: [{ type: 'InternalIP', address: '192.168.1.10' }] },
});
const cnp = (namespace: string, name: string, spec: Record<string, unknown>) => ({
  apiVersion: 'cilium.io/v2',
  kind: 'CiliumNetworkPolicy',
  metadata: { namespace, name },
  spec,
});
const calicoPolicy = (namespace: string, name: string, spec: Record<string, unknown>) => ({
  apiVersion: 'projectcalico.org/v3',
  kind: 'NetworkPolicy',
  metadata: { namespace, name },
  spec,
});
const model = (objects: unknown[]) => buildModel(objects.map((obj) => ({ obj })), { synthesizePods: false }).model;

describe('detectCni', () => {
  it('names the plugin from its agent DaemonSet first', () => {
    const m = model([ns('kube-system'), daemonSet('kube-system', 'kube-flannel-ds'), daemonSet('kube-system', 'calico-node'), node('n1', { 'io.cilium.network.ipv4-cilium-host': '10.0.0.1' })]);
    expect(detectCni(m, ['cilium.io/v2'])).toEqual({ cni: 'calico', evidence: 'DaemonSet kube-system/calico-node' });
  });

  it('reads the annotations the agents write on nodes when no DaemonSet was read', () => {
    expect(detectCni(model([node('n1', { 'io.cilium.network.ipv4-cilium-host': '10.0.0.1' })]))).toEqual({
      cni: 'cilium',
      evidence: 'node n1 has annotation io.cilium.network.ipv4-cilium-host',
    });
    expect(detectCni(model([node('n2', { 'projectcalico.org/IPv4Address': '192.168.1.10/24' })]))?.cni).toBe('calico');
  });

  it('falls back on the API groups served, and says nothing when nothing tells', () => {
    expect(detectCni(model([]), ['apps/v1', 'crd.projectcalico.org/v1'])).toEqual({ cni: 'calico', evidence: 'the cluster serves crd.projectcalico.org/v1' });
    expect(detectCni(model([]), ['cilium.io/v2alpha1'])?.cni).toBe('cilium');
    expect(detectCni(model([node('n1', { 'unrelated.example/x': 'y' })]), ['apps/v1'])).toBeUndefined();
  });

  it('flannel alone enforces nothing', () => {
    expect(detectCni(model([daemonSet('kube-system', 'kube-flannel-ds')]))?.cni).toBe('none');
  });
});

describe('assumeCni', () => {
  it('assumes the plugin whose policies the input holds, generic when both or neither', () => {
    expect(assumeCni(model([cnp('a', 'p', { endpointSelector: {} })])).cni).toBe('cilium');
    expect(assumeCni(model([calicoPolicy('a', 'p', { selector: 'all()' })])).cni).toBe('calico');
    expect(assumeCni(model([])).cni).toBe('generic');
    const both = assumeCni(model([cnp('a', 'p', { endpointSelector: {} }), calicoPolicy('a', 'q', { selector: 'all()' })]));
    expect(both.cni).toBe('generic');
    expect(both.evidence).toMatch(/pass the CNI/);
  });
});

describe('notEnforcedReason', () => {
  it('finds policies of another plugin, admin policies on Cilium, and everything on a plugin without policy', () => {
    expect(notEnforcedReason('CiliumNetworkPolicy', {}, 'calico')).toMatch(/does not run Cilium/);
    expect(notEnforcedReason('CalicoNetworkPolicy', {}, 'cilium')).toMatch(/does not run Calico/);
    expect(notEnforcedReason('AdminNetworkPolicy', {}, 'cilium')).toBe('Cilium does not implement AdminNetworkPolicy');
    expect(notEnforcedReason('NetworkPolicy', {}, 'none')).toMatch(/enforces no network policy/);
    expect(notEnforcedReason('NetworkPolicy', {}, 'cilium')).toBeUndefined();
    expect(notEnforcedReason('AdminNetworkPolicy', {}, 'calico')).toBeUndefined();
  });

  it('finds host policies, staged policies and Calico policies for host endpoints only', () => {
    expect(notEnforcedReason('CiliumClusterwideNetworkPolicy', { spec: { nodeSelector: {} } }, 'cilium')).toMatch(/host policy/);
    expect(notEnforcedReason('CiliumClusterwideNetworkPolicy', { spec: { endpointSelector: {} } }, 'cilium')).toBeUndefined();
    expect(notEnforcedReason('CalicoStagedNetworkPolicy', { spec: { stagedAction: 'Delete' } }, 'calico')).toBe('staged policy (stagedAction Delete): shown, never enforced');
    expect(notEnforcedReason('CalicoGlobalNetworkPolicy', { spec: { doNotTrack: true } }, 'calico')).toMatch(/doNotTrack/);
    expect(notEnforcedReason('CalicoGlobalNetworkPolicy', { spec: { preDNAT: true } }, 'calico')).toMatch(/preDNAT/);
  });
});

describe('audit on a plugin that does not enforce a kind', () => {
  const objects = [
    ns('shop'),
    pod('shop', 'web'),
    pod('shop', 'db', { app: 'db' }),
    cnp('shop', 'db-only-web', { endpointSelector: { matchLabels: { app: 'db' } }, ingress: [{ fromEndpoints: [{ matchLabels: { app: 'web' } }] }] }),
  ];

  it('lists the Cilium policy as not enforced on Calico and leaves the pod unprotected', () => {
    const report = audit(model(objects), { cni: 'calico' });
    expect(report.cni).toBe('calico');
    expect(report.notEnforced).toEqual([{ policy: 'CiliumNetworkPolicy/shop/db-only-web', kind: 'CiliumNetworkPolicy', reason: expect.stringMatching(/does not run Cilium/) }]);
    expect(report.cluster.policies.notEnforced).toBe(1);
    expect(report.workloads.find((w) => w.name === 'db')?.unprotected).toBe(true);
  });

  it('enforces it on Cilium', () => {
    const report = audit(model(objects), { cni: 'cilium' });
    expect(report.notEnforced).toEqual([]);
    const db = report.workloads.find((w) => w.name === 'db');
    expect(db?.unprotected).toBe(false);
    expect(db?.reachableFrom).toBe(1);
  });
});

