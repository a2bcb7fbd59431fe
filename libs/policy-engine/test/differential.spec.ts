import { audit, pairwiseReachability, reach, reachPairwise } from '../src';
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
