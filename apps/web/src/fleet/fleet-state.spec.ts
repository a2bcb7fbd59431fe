import type { ClusterItem } from '@palisade/api-contract';
import {
  applyLiveEvent,
  fleetSummary,
  trendDelta,
  trendOf,
  type FleetCluster,
} from './fleet-state';

const base: ClusterItem = {
  id: 'a',
  name: 'prod',
  source: 'kubeconfig',
  status: 'ok',
  score: 70,
  lastSnapshotAt: '2026-01-01T00:00:00.000Z',
  snapshotIntervalSeconds: 300,
  latest: {
    seq: 5,
    pods: 10,
    workloads: 5,
    namespaces: 2,
    policies: 3,
    unprotectedWorkloads: 1,
    exposedWorkloads: 2,
    ingressIsolatedPercent: 80,
    egressIsolatedPercent: 20,
    notEnforcedPolicies: 1,
    cni: 'cilium',
    cniEvidence: 'DaemonSet kube-system/cilium',
  },
};

const fleet = (...clusters: ClusterItem[]): FleetCluster[] =>
  clusters.map((cluster) => ({ cluster, trend: [{ t: 0, score: cluster.score }] }));

describe('the fleet board state', () => {
  it('takes a pushed score into the figures of that cluster only', () => {
    const other = { ...base, id: 'b', name: 'staging' };
    const next = applyLiveEvent(fleet(base, other), {
      name: 'cluster:score',
      event: {
        clusterId: 'a',
        at: '2026-01-01T00:01:00.000Z',
        score: 55,
        pods: 12,
        workloads: 6,
        unprotectedWorkloads: 2,
        exposedWorkloads: 3,
        ingressIsolatedPercent: 70,
        egressIsolatedPercent: 10,
        changedWorkloads: [],
        removedWorkloads: [],
      },
    });

    expect(next[0]!.cluster.score).toBe(55);
    expect(next[0]!.cluster.latest).toEqual({
      ...base.latest,
      pods: 12,
      workloads: 6,
      unprotectedWorkloads: 2,
      exposedWorkloads: 3,
      ingressIsolatedPercent: 70,
      egressIsolatedPercent: 10,
    });
    expect(next[1]!.cluster).toEqual(other);
  });

  it('shows a new collector status with its reason, and drops the reason once it is ok again', () => {
    const down = applyLiveEvent(fleet(base), {
      name: 'cluster:status',
      event: {
        clusterId: 'a',
        status: 'unreachable',
        statusReason: 'connect ECONNREFUSED 10.0.0.1:6443',
      },
    });
    expect(down[0]!.cluster).toMatchObject({
      status: 'unreachable',
      statusReason: 'connect ECONNREFUSED 10.0.0.1:6443',
    });

    const up = applyLiveEvent(down, {
      name: 'cluster:status',
      event: { clusterId: 'a', status: 'ok' },
    });
    expect(up[0]!.cluster.status).toBe('ok');
    expect('statusReason' in up[0]!.cluster).toBe(false);
  });

  it('adds a stored snapshot to the trend and as the last snapshot', () => {
    const next = applyLiveEvent(fleet(base), {
      name: 'snapshot:stored',
      event: { clusterId: 'a', seq: 6, at: '2026-01-01T00:05:00.000Z', score: 72, changes: 1 },
    });

    expect(next[0]!.trend).toEqual([
      { t: 0, score: 70 },
      { t: Date.parse('2026-01-01T00:05:00.000Z'), score: 72 },
    ]);
    expect(next[0]!.cluster).toMatchObject({
      score: 72,
      lastSnapshotAt: '2026-01-01T00:05:00.000Z',
    });
    expect(next[0]!.cluster.latest?.seq).toBe(6);
  });

  it('ignores events of clusters it does not show', () => {
    const board = fleet(base);
    expect(
      applyLiveEvent(board, {
        name: 'cluster:status',
        event: { clusterId: 'zzz', status: 'forbidden' },
      }),
    ).toBe(board);
  });

  it('measures the trend from the first to the last score, skipping gaps', () => {
    expect(
      trendDelta([
        { t: 0, score: null },
        { t: 1, score: 60.25 },
        { t: 2, score: null },
        { t: 3, score: 71.5 },
      ]),
    ).toBe(11.3);
    expect(trendDelta([{ t: 0, score: 60 }])).toBeNull();
    expect(trendOf(undefined)).toEqual([]);
  });

  it('sums the fleet and names the lowest-scoring cluster', () => {
    const summary = fleetSummary(
      fleet(
        base,
        { ...base, id: 'b', name: 'edge', score: 40, status: 'forbidden' },
        { ...base, id: 'c', name: 'new', score: null, latest: null, status: 'connecting' },
      ),
    );
    expect(summary).toEqual({
      clusters: 3,
      failing: 1,
      unprotectedWorkloads: 2,
      exposedWorkloads: 4,
      lowest: { name: 'edge', score: 40 },
    });
  });
});
