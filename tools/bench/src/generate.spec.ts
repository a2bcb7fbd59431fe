import { buildModel, parseManifestText, type ReadResult } from '@palisade/cluster-model';
import { audit } from '@palisade/policy-engine';
import { generateClusterList, type GenerateOptions } from './generate';

const SIZE: GenerateOptions = { pods: 600, policies: 80, namespaces: 12, seed: 7 };

function read(text: string): ReadResult {
  const parsed = parseManifestText(text, 'cluster.json');
  expect(parsed.problems).toEqual([]);
  return buildModel(parsed.objects);
}

describe('generateClusterList', () => {
  const { text, summary } = generateClusterList(SIZE);
  const result = read(text);
  const { model } = result;

  it('writes the same cluster for the same seed, and another for another seed', () => {
    expect(generateClusterList(SIZE).text).toBe(text);
    expect(generateClusterList({ ...SIZE, seed: 8 }).text).not.toBe(text);
  });

  it('has exactly the requested pods, namespaces and policies', () => {
    expect(summary).toMatchObject({ pods: 600, namespaces: 12 });
    expect(model.pods).toHaveLength(600);
    expect(model.pods.every((pod) => !pod.synthetic && pod.phase === 'Running')).toBe(true);
    expect(model.namespaces.map((ns) => ns.name)).toEqual(expect.arrayContaining(['kube-system', 'monitoring']));
    expect(model.namespaces).toHaveLength(12);
    expect(model.networkPolicies.length + model.adminPolicies.length).toBe(80);
  });

  it('reads back without a single problem and resolves every pod to its Deployment', () => {
    expect(result.problems).toEqual([]);
    expect(result.skipped).toEqual({});
    expect(result.counts['Deployment']).toBe(summary.deployments);
    expect(result.counts['ReplicaSet']).toBe(summary.deployments);
    expect(model.pods.every((pod) => pod.workload.kind === 'Deployment')).toBe(true);
  });

  it('gives every pod its own address in the pod network', () => {
    const ips = model.pods.map((pod) => pod.ips[0]);
    expect(new Set(ips).size).toBe(model.pods.length);
    expect(ips.every((ip) => /^10\.24[4-9]\.\d+\.\d+$/.test(ip))).toBe(true);
  });

  it('uses the policy features real clusters use', () => {
    const ports = model.networkPolicies.flatMap((p) => [...p.ingress, ...p.egress]).flatMap((r) => r.ports);
    const peers = model.networkPolicies.flatMap((p) => [...p.ingress, ...p.egress]).flatMap((r) => r.peers);
    expect(ports.some((p) => typeof p.port === 'string')).toBe(true);
    expect(ports.some((p) => p.endPort !== undefined)).toBe(true);
    expect(peers.some((p) => p.ipBlock?.except.includes('10.0.0.0/8'))).toBe(true);
    expect(peers.some((p) => p.namespaceSelector?.matchLabels['kubernetes.io/metadata.name'] === 'monitoring')).toBe(true);
    expect(model.networkPolicies.some((p) => p.name === 'default-deny-egress')).toBe(true);
    expect(model.adminPolicies.map((p) => p.kind).sort()).toEqual([
      'AdminNetworkPolicy',
      'AdminNetworkPolicy',
      'BaselineAdminNetworkPolicy',
    ]);
    expect(model.pods.filter((p) => p.labels['k8s-app'] === 'kube-dns').every((p) => p.namespace === 'kube-system')).toBe(true);
  });

  it('leaves some namespaces unprotected and isolates others', () => {
    const report = audit(model);
    const unprotected = report.namespaces.filter((ns) => ns.pods > 0 && ns.ingressIsolatedPods === 0);
    const isolated = report.namespaces.filter((ns) => ns.pods > 0 && ns.ingressIsolatedPods === ns.pods && ns.defaultDenyIngress);
    expect(unprotected.map((ns) => ns.name)).toEqual(expect.arrayContaining(summary.namespacesByProtection.unprotected));
    expect(summary.namespacesByProtection.unprotected.length).toBeGreaterThan(0);
    expect(isolated.length).toBeGreaterThan(0);
    expect(report.cluster.score).not.toBeNull();
  });

  it('refuses sizes it cannot honour', () => {
    expect(() => generateClusterList({ pods: 10, policies: 5, namespaces: 2 })).toThrow(/namespaces/);
    expect(() => generateClusterList({ pods: 10, policies: 5, namespaces: 20 })).toThrow(/pods/);
  });
});
