import type { ClusterFigures, ClusterItem, ClusterScoreSeries } from '@palisade/api-contract';
import type { LiveEvent } from '../live/live-socket';

/** A point of a cluster's trend: epoch milliseconds and the score (null: nothing to score). */
export interface TrendPoint {
  readonly t: number;
  readonly score: number | null;
}

/** What the fleet board shows of one cluster, kept current by live events. */
export interface FleetCluster {
  readonly cluster: ClusterItem;
  /** The last week of scores, oldest first; empty when the history could not be read. */
  readonly trend: readonly TrendPoint[];
}

export function trendOf(series: ClusterScoreSeries | undefined): TrendPoint[] {
  return (series?.points ?? []).map((p) => ({ t: Date.parse(p.at), score: p.score }));
}

/** The latest score minus the first of the trend; null when either is missing. */
export function trendDelta(trend: readonly TrendPoint[]): number | null {
  const scores = trend.flatMap((p) => (p.score === null ? [] : [p.score]));
  if (scores.length < 2) return null;
  const [first = 0, last = 0] = [scores[0], scores[scores.length - 1]];
  return Math.round((last - first) * 10) / 10;
}

/** The board after one pushed event; events of clusters not on the board change nothing. */
export function applyLiveEvent(
  fleet: readonly FleetCluster[],
  live: LiveEvent,
): readonly FleetCluster[] {
  const index = fleet.findIndex((f) => f.cluster.id === live.event.clusterId);
  if (index < 0) return fleet;
  const current = fleet[index];
  const next = current && applyTo(current, live);
  if (!current || !next) return fleet;
  if (next === current) return fleet;
  return fleet.map((f, i) => (i === index ? next : f));
}

function applyTo(entry: FleetCluster, live: LiveEvent): FleetCluster {
  const { cluster } = entry;
  switch (live.name) {
    case 'cluster:status': {
      const { status, statusReason } = live.event;
      const { statusReason: _previous, ...rest } = cluster;
      return { ...entry, cluster: { ...rest, status, ...(statusReason ? { statusReason } : {}) } };
    }
    case 'cluster:score': {
      const e = live.event;
      const latest: ClusterFigures = {
        seq: cluster.latest?.seq ?? 0,
        namespaces: cluster.latest?.namespaces ?? 0,
        policies: cluster.latest?.policies ?? 0,
        notEnforcedPolicies: cluster.latest?.notEnforcedPolicies ?? 0,
        cni: cluster.latest?.cni ?? null,
        cniEvidence: cluster.latest?.cniEvidence ?? null,
        pods: e.pods,
        workloads: e.workloads,
        unprotectedWorkloads: e.unprotectedWorkloads,
        exposedWorkloads: e.exposedWorkloads,
        ingressIsolatedPercent: e.ingressIsolatedPercent,
        egressIsolatedPercent: e.egressIsolatedPercent,
      };
      return { ...entry, cluster: { ...cluster, score: e.score, latest } };
    }
    case 'snapshot:stored': {
      const e = live.event;
      return {
        cluster: {
          ...cluster,
          score: e.score,
          lastSnapshotAt: e.at,
          ...(cluster.latest ? { latest: { ...cluster.latest, seq: e.seq } } : {}),
        },
        trend: [...entry.trend, { t: Date.parse(e.at), score: e.score }],
      };
    }
    case 'cluster:changes':
      return entry;
  }
}

export interface FleetSummary {
  readonly clusters: number;
  /** Clusters whose collector cannot read them now. */
  readonly failing: number;
  readonly unprotectedWorkloads: number;
  readonly exposedWorkloads: number;
  /** The lowest score: the cluster that needs attention first. */
  readonly lowest: { readonly name: string; readonly score: number } | null;
}

export function fleetSummary(fleet: readonly FleetCluster[]): FleetSummary {
  let lowest: FleetSummary['lowest'] = null;
  let unprotected = 0;
  let exposed = 0;
  let failing = 0;
  for (const { cluster } of fleet) {
    if (['unreachable', 'unauthorized', 'forbidden'].includes(cluster.status)) failing += 1;
    unprotected += cluster.latest?.unprotectedWorkloads ?? 0;
    exposed += cluster.latest?.exposedWorkloads ?? 0;
    if (cluster.score !== null && (lowest === null || cluster.score < lowest.score)) {
      lowest = { name: cluster.name, score: cluster.score };
    }
  }
  return {
    clusters: fleet.length,
    failing,
    unprotectedWorkloads: unprotected,
    exposedWorkloads: exposed,
    lowest,
  };
}
