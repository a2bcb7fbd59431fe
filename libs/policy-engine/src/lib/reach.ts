import type { ClusterModel } from '@palisade/cluster-model';
import { analyze } from './analysis';
import type { CniMode } from './cni';
import { externalEndpoint, podEndpoints, podId } from './endpoints';
import { evaluateConnection, type Verdict } from './pairwise';
import { compilePolicies, EndpointView } from './policy-set';
import type { PortRef } from './ports';

export interface ReachOptions {
  readonly probes: readonly PortRef[];
  /** Addresses outside the cluster to include as peers, named `ext:<ip>`. */
  readonly externals?: readonly string[];
  readonly clusterCidrs?: readonly string[];
  readonly cni?: CniMode;
}

export interface ReachProbe {
  readonly port: number;
  readonly protocol: PortRef['protocol'];
  /** Pods as `namespace/name` (sorted), then `ext:<ip>` in the order given. */
  readonly peers: readonly string[];
  /**
   * Row = source, column = destination: '1' allowed, '0' denied, 'c' allowed only for some
   * requests or names (L7 rules, DNS names). The diagonal is '1'.
   */
  readonly allowed: readonly string[];
}

export interface ReachReport {
  readonly probes: readonly ReachProbe[];
}

const CELL: Record<Verdict, string> = { allowed: '1', conditional: 'c', denied: '0' };

function podOrder(model: ClusterModel): number[] {
  return model.pods
    .map((_, i) => i)
    .sort((a, b) => {
      const x = podId(model.pods[a]);
      const y = podId(model.pods[b]);
      return x < y ? -1 : x > y ? 1 : 0;
    });
}

function validExternals(externals: readonly string[] | undefined): string[] {
  return [...new Set(externals ?? [])].filter((ip) => externalEndpoint(ip) !== undefined);
}

/**
 * The reachability matrix for each probe port. A pod's traffic to itself is not judged by
 * network policy (it never leaves the pod), so the diagonal always reads allowed.
 */
export function reach(model: ClusterModel, options: ReachOptions): ReachReport {
  const externals = validExternals(options.externals);
  const { universe, evaluator } = analyze(model, { externals, clusterCidrs: options.clusterCidrs ?? [], ...(options.cni ? { cni: options.cni } : {}) });
  const order = podOrder(model);
  const classes = [...order.map((i) => universe.podClassOf[i]), ...externals.map((ip) => universe.externalClassOf.get(ip) ?? -1)];
  const peers = [...order.map((i) => podId(model.pods[i])), ...externals.map((ip) => `ext:${ip}`)];
  return {
    probes: options.probes.map((port) => ({
      port: port.port,
      protocol: port.protocol,
      peers,
      allowed: classes.map((source, i) =>
        classes.map((destination, j) => (i === j ? '1' : CELL[evaluator.verdict(source, destination, port)])).join(''),
      ),
    })),
  };
}

/** The same matrix from the pairwise evaluator: the oracle tests hold the fast path to. */
export function reachPairwise(model: ClusterModel, options: ReachOptions): ReachReport {
  const externals = validExternals(options.externals);
  const policies = compilePolicies(model, options.cni ? { cni: options.cni } : {});
  const views = podEndpoints(model);
  const order = podOrder(model);
  const endpoints: EndpointView[] = [...order.map((i) => views[i]), ...externals.flatMap((ip) => externalEndpoint(ip) ?? [])];
  const peers = [...order.map((i) => podId(model.pods[i])), ...externals.map((ip) => `ext:${ip}`)];
  return {
    probes: options.probes.map((port) => ({
      port: port.port,
      protocol: port.protocol,
      peers,
      allowed: endpoints.map((source, i) =>
        endpoints
          .map((destination, j) => (i === j ? '1' : CELL[evaluateConnection(policies, source, destination, port).verdict]))
          .join(''),
      ),
    })),
  };
}
