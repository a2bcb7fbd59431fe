import { audit, pairwiseReachability, reach, reachPairwise } from '../src';
import { all, newCluster, newNetworkPolicy, newPod, sel } from './factories';
import { randomCalicoWorld, randomCiliumWorld } from './random-cni';
import { randomWorld } from './random-world';

/**
 * The fast evaluator (classes, profiles, bit sets) against the pairwise oracle on hundreds of
 * small random clusters mixing every feature: selectors of every operator, ipBlocks with
 * except, named ports, endPort, SCTP/UDP, admin tiers with Pass, host-network pods.
 */
const SEEDS = Array.from({ length: 400 }, (_, i) => i + 1);
const PROBES = [
  { port: 80, protocol: 'TCP' as const },
  { port: 8080, protocol: 'TCP' as const },
  { port: 53, protocol: 'UDP' as const },
  { port: 81, protocol: 'SCTP' as const },
];
const EXTERNALS = ['8.8.8.8', '10.0.1.7', '1.1.1.1', '192.168.1.3'];

describe('fast evaluator agrees with the pairwise oracle', () => {
  it.each(SEEDS)('reachability matrices, world #%i', (seed) => {
    const model = randomWorld(seed);
    const options = { probes: PROBES, externals: EXTERNALS };
    expect(reach(model, options)).toEqual(reachPairwise(model, options));
  });

  it.each(SEEDS)('reach counts and internet exposure, world #%i', (seed) => {
    const model = randomWorld(seed);
    const report = audit(model, { excludeNamespaces: [] });
    const expected = pairwiseReachability(model);
    const byId = new Map(report.pods.map((p) => [`${p.namespace}/${p.name}`, p]));
    model.pods.forEach((pod, i) => {
      const found = byId.get(`${pod.namespace}/${pod.name}`)!;
      expect({
        pod: `${pod.namespace}/${pod.name}`,
        reachableFrom: found.reachableFrom,
        reachableTo: found.reachableTo,
        internetIngress: found.internetIngress,
        internetEgress: found.internetEgress,
        fromEveryNamespace: found.reachableFromEveryNamespace,
      }).toEqual({ pod: `${pod.namespace}/${pod.name}`, ...expected[i] });
    });
  });
});

describe('fast evaluator with many ports per pod', () => {
  it('agrees with the oracle when pods declare 40 ports or none, against 40 port rules', () => {
    const manyPorts = Array.from({ length: 40 }, (_, i) => ({ name: `p${i}`, port: 1000 + i, protocol: 'TCP' as const }));
    const model = newCluster({
      pods: [
        newPod('a/wide', { labels: { app: 'wide' }, ip: '10.0.0.1', ports: manyPorts }),
        newPod('a/bare', { labels: { app: 'bare' }, ip: '10.0.0.2', ports: [] }),
        newPod('b/client', { labels: { app: 'client' }, ip: '10.0.1.1', ports: [] }),
        newPod('b/other', { labels: { app: 'other' }, ip: '10.0.1.2', ports: manyPorts.slice(0, 3) }),
      ],
      networkPolicies: [
        newNetworkPolicy('a/only-odd-ports', {
          podSelector: all,
          ingress: Array.from({ length: 40 }, (_, i) => ({
            peers: [{ podSelector: sel({ app: i % 2 ? 'wide' : 'bare' }) }],
            ports: [{ protocol: 'TCP' as const, port: 1000 + 2 * i + 1 }],
          })),
        }),
        newNetworkPolicy('b/egress-named', {
          podSelector: sel({ app: 'client' }),
          policyTypes: ['Egress'],
          egress: [{ peers: [], ports: [{ protocol: 'TCP', port: 'p39' }] }],
        }),
      ],
    });
    const report = audit(model, { excludeNamespaces: [] });
    const expected = pairwiseReachability(model);
    model.pods.forEach((pod, i) => {
      const found = report.pods.find((p) => p.namespace === pod.namespace && p.name === pod.name)!;
      expect([pod.name, found.reachableFrom, found.reachableTo, found.internetIngress, found.internetEgress]).toEqual([
        pod.name,
        expected[i].reachableFrom,
        expected[i].reachableTo,
        expected[i].internetIngress,
        expected[i].internetEgress,
      ]);
    });
    const probes = [1001, 1039, 1038, 1040].map((port) => ({ port, protocol: 'TCP' as const }));
    expect(reach(model, { probes })).toEqual(reachPairwise(model, { probes }));
  });
});

describe.each([
  ['cilium', randomCiliumWorld],
  ['calico', randomCalicoWorld],
] as const)('fast evaluator agrees with the pairwise oracle under %s', (cni, world) => {
  const seeds = Array.from({ length: 250 }, (_, i) => i + 1);

  it.each(seeds)('reachability matrices (allowed, conditional, denied), world #%i', (seed) => {
    const model = world(seed);
    const options = { probes: PROBES, externals: EXTERNALS, cni };
    expect(reach(model, options)).toEqual(reachPairwise(model, options));
  });

  it.each(seeds)('reach counts, conditional counts and internet exposure, world #%i', (seed) => {
    const model = world(seed);
    const report = audit(model, { excludeNamespaces: [], cni });
    const full = pairwiseReachability(model, { cni });
    const any = pairwiseReachability(model, { cni, any: true });
    const byId = new Map(report.pods.map((p) => [`${p.namespace}/${p.name}`, p]));
    model.pods.forEach((pod, i) => {
      const found = byId.get(`${pod.namespace}/${pod.name}`)!;
      expect({
        pod: `${pod.namespace}/${pod.name}`,
        reachableFrom: found.reachableFrom,
        reachableFromConditional: found.reachableFromConditional,
        reachableTo: found.reachableTo,
        reachableToConditional: found.reachableToConditional,
        internetIngress: found.internetIngress,
        internetIngressConditional: found.internetIngressConditional,
        internetEgress: found.internetEgress,
        internetEgressConditional: found.internetEgressConditional,
        fromEveryNamespace: found.reachableFromEveryNamespace,
      }).toEqual({
        pod: `${pod.namespace}/${pod.name}`,
        reachableFrom: any[i].reachableFrom,
        reachableFromConditional: any[i].reachableFrom - full[i].reachableFrom,
        reachableTo: any[i].reachableTo,
        reachableToConditional: any[i].reachableTo - full[i].reachableTo,
        internetIngress: any[i].internetIngress,
        internetIngressConditional: any[i].internetIngress && !full[i].internetIngress,
        internetEgress: any[i].internetEgress,
        internetEgressConditional: any[i].internetEgress && !full[i].internetEgress,
        fromEveryNamespace: any[i].fromEveryNamespace,
      });
    });
  });
});
