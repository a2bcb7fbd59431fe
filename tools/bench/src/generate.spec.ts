import { buildModel, parseManifestText, type ReadResult } from '@palisade/cluster-model';
import { audit, type AuditReport } from '@palisade/policy-engine';
import { generateClusterList, type ClusterCni, type GenerateOptions } from './generate';

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

/** The per-pod figures a plugin's kind must leave as they are when it means the same. */
function figuresByPod(report: AuditReport): Record<string, unknown> {
  return Object.fromEntries(
    report.pods.map((p) => [
      `${p.namespace}/${p.name}`,
      {
        reachableFrom: p.reachableFrom,
        reachableTo: p.reachableTo,
        ingressIsolated: p.ingressIsolated,
        egressIsolated: p.egressIsolated,
        internetIngress: p.internetIngress,
        internetEgress: p.internetEgress,
      },
    ]),
  );
}

interface KubeItem {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string };
  readonly spec: Record<string, unknown>;
}

describe('clusters written for Cilium and Calico', () => {
  // Big enough that some of the Cilium rules given an L7 rule (about 1 in 10) decide a verdict; with
  // this seed the admin policies also change some pods' figures.
  const size: GenerateOptions = { pods: 2000, policies: 200, namespaces: 30, seed: 8 };
  const generate = (cni: ClusterCni) => {
    const { text, summary } = generateClusterList({ ...size, cni });
    const items = (JSON.parse(text) as { items: KubeItem[] }).items;
    const result = read(text);
    return { items, summary, result, report: audit(result.model, { cni, excludeNamespaces: [] }) };
  };
  const generic = generate('generic');
  const cilium = generate('cilium');
  const calico = generate('calico');
  const pluginKinds = { cilium: ['cilium.io/v2', 'CiliumNetworkPolicy'], calico: ['projectcalico.org/v3', 'NetworkPolicy'] };
  const policyNamesByNamespace = (items: readonly KubeItem[], apiVersion: string, kind: string) => {
    const names = new Map<string, string[]>();
    for (const item of items.filter((i) => i.apiVersion === apiVersion && i.kind === kind)) {
      const namespace = item.metadata.namespace ?? '';
      names.set(namespace, [...(names.get(namespace) ?? []), item.metadata.name]);
    }
    return names;
  };

  it.each(['cilium', 'calico'] as const)('%s: writes a third of each namespace\'s NetworkPolicies as the plugin\'s kind, read without a problem', (cni) => {
    const { items, summary, result } = cni === 'cilium' ? cilium : calico;
    const [apiVersion, kind] = pluginKinds[cni];
    const before = policyNamesByNamespace(generic.items, 'networking.k8s.io/v1', 'NetworkPolicy');
    const kept = policyNamesByNamespace(items, 'networking.k8s.io/v1', 'NetworkPolicy');
    const written = policyNamesByNamespace(items, apiVersion, kind);
    for (const [namespace, names] of before) {
      const asPlugin = written.get(namespace) ?? [];
      expect([...(kept.get(namespace) ?? []), ...asPlugin].sort()).toEqual([...names].sort());
      expect([Math.floor(names.length / 3), Math.ceil(names.length / 3)]).toContain(asPlugin.length);
    }
    const all = generic.summary.networkPolicies;
    expect(summary.pluginPolicies / all).toBeGreaterThan(0.3);
    expect(summary.pluginPolicies / all).toBeLessThan(0.37);
    expect(summary.networkPolicies + summary.pluginPolicies).toBe(all);
    expect(cni === 'cilium' ? result.model.ciliumPolicies.length : result.model.calicoPolicies.length).toBe(summary.pluginPolicies);
    expect(result.model.networkPolicies).toHaveLength(summary.networkPolicies);
    expect(result.problems).toEqual([]);
    expect(result.skipped).toEqual({});
  });

  it('translates default deny, namespace selectors, CIDRs and port ranges on the way', () => {
    const ciliumSpecs = cilium.items.filter((i) => i.kind === 'CiliumNetworkPolicy').map((i) => JSON.stringify(i.spec));
    for (const feature of ['"ingress":[{}]', '"egress":[{}]', 'fromCIDRSet', 'toCIDRSet', '"endPort"', '"k8s:io.kubernetes.pod.namespace":']) {
      expect(ciliumSpecs.some((spec) => spec.includes(feature))).toBe(true);
    }
    const calicoSpecs = calico.items.filter((i) => i.apiVersion === 'projectcalico.org/v3').map((i) => i.spec);
    const isolatesOnly = (type: string, rules: string) => calicoSpecs.some((s) => (s['types'] as string[]).includes(type) && s[rules] === undefined);
    expect(isolatesOnly('Ingress', 'ingress')).toBe(true);
    expect(isolatesOnly('Egress', 'egress')).toBe(true);
    const calicoText = JSON.stringify(calicoSpecs);
    for (const feature of ['"notNets":["10.0.0.0/8"', "kubernetes.io/metadata.name == 'kube-system'", " in {'", '"selector":"all()"']) {
      expect(calicoText).toContain(feature);
    }
    expect(calicoText).toMatch(/"ports":\["\d+:\d+"\]/);
  });

  it('calico: every pod has the figures of the generic cluster', () => {
    expect(figuresByPod(calico.report)).toEqual(figuresByPod(generic.report));
    expect(calico.report.notEnforced).toEqual([]);
  });

  it('cilium: every pod has the figures of the generic cluster without its admin policies, which Cilium does not enforce', () => {
    const withoutAdmin = audit({ ...generic.result.model, adminPolicies: [] }, { excludeNamespaces: [] });
    expect(figuresByPod(cilium.report)).toEqual(figuresByPod(withoutAdmin));
    expect(cilium.report.notEnforced.map((n) => n.policy)).toEqual([
      'AdminNetworkPolicy/allow-cluster-dns',
      'AdminNetworkPolicy/pci-isolation',
      'BaselineAdminNetworkPolicy/default',
    ]);
    // The admin policies do change figures: the generic cluster is not the reference here.
    expect(figuresByPod(generic.report)).not.toEqual(figuresByPod(withoutAdmin));
  });

  it('cilium: L7 rules make some reachability conditional, and only there', () => {
    const withL7 = new Set(
      cilium.items.filter((i) => i.kind === 'CiliumNetworkPolicy' && JSON.stringify(i.spec).includes('"http":')).map((i) => i.metadata.namespace),
    );
    const conditional = cilium.report.pods.filter((p) => p.reachableFromConditional > 0);
    expect(conditional.length).toBeGreaterThan(0);
    expect(conditional.every((p) => withL7.has(p.namespace) && p.reachableFromConditional <= p.reachableFrom)).toBe(true);
    expect([...generic.report.pods, ...calico.report.pods].every((p) => p.reachableFromConditional === 0)).toBe(true);
  });
});
