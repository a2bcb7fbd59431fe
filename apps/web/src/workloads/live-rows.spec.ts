import type { WorkloadItem } from '@palisade/api-contract';
import { applyScoreEvent } from './live-rows';
import { parseWorkloadsQuery } from './workloads-url';

function workload(name: string, overrides: Partial<WorkloadItem> = {}): WorkloadItem {
  return {
    namespace: 'shop',
    name,
    kind: 'Deployment',
    ingressIsolated: false,
    egressIsolated: false,
    reachableFrom: 3,
    internetIngress: false,
    reachableFromConditional: 0,
    internetIngressConditional: false,
    internetExposure: 'none',
    entryPoints: [],
    exposed: false,
    unprotected: true,
    score: 0,
    pods: 1,
    ...overrides,
  };
}

const unprotectedByScore = parseWorkloadsQuery({ unprotected: 'true' });
const names = (page: { rows: readonly WorkloadItem[] }) => page.rows.map((r) => r.name);

describe('applying a live evaluation to the table on screen', () => {
  it('adds a new workload that matches the filters in its sorted place and counts it', () => {
    const page = { rows: [workload('a', { score: 0 }), workload('c', { score: 20 })], total: 2 };

    const next = applyScoreEvent(
      page,
      { changedWorkloads: [workload('b', { score: 10 })], removedWorkloads: [] },
      unprotectedByScore,
    );

    expect(names(next)).toEqual(['a', 'b', 'c']);
    expect(next.total).toBe(3);
  });

  it('updates a shown workload in place and drops it when it no longer matches', () => {
    const page = { rows: [workload('a'), workload('b')], total: 2 };

    const next = applyScoreEvent(
      page,
      {
        changedWorkloads: [
          workload('a', { reachableFrom: 9 }),
          workload('b', { unprotected: false, ingressIsolated: true, score: 70 }),
        ],
        removedWorkloads: [],
      },
      unprotectedByScore,
    );

    expect(names(next)).toEqual(['a']);
    expect(next.rows[0]?.reachableFrom).toBe(9);
    expect(next.total).toBe(1);
  });

  it('removes deleted workloads', () => {
    const page = { rows: [workload('a'), workload('b')], total: 2 };

    const next = applyScoreEvent(
      page,
      {
        changedWorkloads: [],
        removedWorkloads: [{ namespace: 'shop', kind: 'Deployment', name: 'a' }],
      },
      unprotectedByScore,
    );

    expect(names(next)).toEqual(['b']);
    expect(next.total).toBe(1);
  });

  it('counts but does not show a new workload that sorts after a full page', () => {
    const query = parseWorkloadsQuery({ limit: '2' });
    const page = { rows: [workload('a', { score: 0 }), workload('b', { score: 5 })], total: 2 };

    const next = applyScoreEvent(
      page,
      { changedWorkloads: [workload('z', { score: 90 })], removedWorkloads: [] },
      query,
    );

    expect(names(next)).toEqual(['a', 'b']);
    expect(next.total).toBe(3);
  });
});
