import type { ClusterModel } from '@palisade/cluster-model';
import { ALL_ADDRESSES, AddressRange, cidrRange, internetBoundaries, isInternetAddress } from './addresses';
import { outsideEndpoint, podEndpoints } from './endpoints';
import { evaluateConnection } from './pairwise';
import type { CniMode } from './cni';
import { compilePolicies, EndpointView, peerRanges } from './policy-set';
import { MAX_PORT, MIN_PORT, PortRef } from './ports';

export interface PairwiseReach {
  readonly reachableFrom: number;
  readonly reachableTo: number;
  readonly internetIngress: boolean;
  readonly internetEgress: boolean;
  readonly fromEveryNamespace: boolean;
}

export interface PairwiseOptions {
  readonly clusterCidrs?: readonly string[];
  readonly cni?: CniMode;
  /** Count connections allowed only for some requests as reaching. */
  readonly any?: boolean;
}

/**
 * Reachability figures by brute force: every pair of pods, every port, every policy. Quadratic
 * and slow by design: it is the reference the fast path is tested against and the baseline
 * the benchmark compares with.
 */
export function pairwiseReachability(model: ClusterModel, options: PairwiseOptions = {}): PairwiseReach[] {
  const policies = compilePolicies(model, options.cni ? { cni: options.cni } : {});
  const reaches = (source: EndpointView, destination: EndpointView, port: PortRef) => {
    const verdict = evaluateConnection(policies, source, destination, port).verdict;
    return verdict === 'allowed' || (options.any === true && verdict === 'conditional');
  };
  const views = podEndpoints(model);
  const clusterRanges = (options.clusterCidrs ?? []).map((c) => cidrRange(c)).filter((r): r is AddressRange => !!r);

  // Every port any rule mentions, and the ports just past them, stand for all ports.
  const anyPorts: PortRef[] = [];
  const seen = new Set<string>();
  const addPort = (port: number, protocol: PortRef['protocol']) => {
    if (port < MIN_PORT || port > MAX_PORT || seen.has(`${port}/${protocol}`)) return;
    seen.add(`${port}/${protocol}`);
    anyPorts.push({ port, protocol });
  };
  const addresses = new Set<bigint>(internetBoundaries(clusterRanges));
  for (const policy of policies.all) {
    for (const rule of [...(policy.ingress ?? []), ...(policy.egress ?? [])]) {
      for (const peer of [...rule.peers, ...(rule.subjectSide ? [rule.subjectSide] : [])]) {
        for (const r of peerRanges(peer)) addresses.add(r.lo).add(r.hi);
      }
      for (const spec of [rule.ports, rule.notPorts]) {
        if (spec === undefined || spec === 'all') continue;
        for (const m of spec) {
          if (m.kind !== 'range') continue;
          addPort(m.from, m.protocol);
          addPort(m.to + 1, m.protocol);
        }
      }
    }
  }
  for (const protocol of ['TCP', 'UDP', 'SCTP'] as const) addPort(MIN_PORT, protocol);
  const internet: EndpointView[] = [...addresses]
    .filter((a) => ALL_ADDRESSES.some((r) => a >= r.lo && a < r.hi) && isInternetAddress(a, clusterRanges))
    .map(outsideEndpoint);

  const portsOf = (view: EndpointView): PortRef[] =>
    view.ports.length ? view.ports.map((p) => ({ port: p.port, protocol: p.protocol })) : anyPorts;
  const namespaces = [...new Set(model.pods.map((p) => p.namespace))];

  return views.map((target, t) => {
    let reachableFrom = 0;
    let reachableTo = 0;
    const reachedFrom = new Set<string>();
    views.forEach((other, o) => {
      if (o === t) return;
      if (portsOf(target).some((port) => reaches(other, target, port))) {
        reachableFrom++;
        reachedFrom.add(model.pods[o].namespace);
      }
      if (portsOf(other).some((port) => reaches(target, other, port))) reachableTo++;
    });
    const own = model.pods[t].namespace;
    const others = namespaces.filter((n) => n !== own);
    return {
      reachableFrom,
      reachableTo,
      internetIngress: internet.some((x) => portsOf(target).some((port) => reaches(x, target, port))),
      internetEgress: internet.some((x) => anyPorts.some((port) => reaches(target, x, port))),
      fromEveryNamespace: others.length > 0 && others.every((n) => reachedFrom.has(n)),
    };
  });
}
