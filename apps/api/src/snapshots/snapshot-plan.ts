import type { AuditReport, CniDetection } from '@palisade/policy-engine';
import { ChangeDraft, detectChanges, isPolicyKind } from './change-detector';
import { ObjectState, sameScore, scoreKey, ScoreState, stateKey } from './snapshot-state';
import type { CurrentState, SnapshotWrite } from './snapshots.repository';

/** What a snapshot writes: versions to close and open, and the change events. */
export interface SnapshotPlan {
  readonly closeObjects: bigint[];
  readonly openObjects: ObjectState[];
  readonly closeScores: bigint[];
  readonly openScores: ScoreState[];
  readonly changes: ChangeDraft[];
}

function versionDiff<T, S>(
  current: ReadonlyMap<string, { readonly id: bigint; readonly state: S }>,
  next: readonly T[],
  key: (state: T) => string,
  same: (stored: S, state: T) => boolean,
): { close: bigint[]; open: T[] } {
  const close: bigint[] = [];
  const open: T[] = [];
  const seen = new Set<string>();
  for (const state of next) {
    const k = key(state);
    seen.add(k);
    const existing = current.get(k);
    if (existing && same(existing.state, state)) continue;
    if (existing) close.push(existing.id);
    open.push(state);
  }
  for (const [k, existing] of current) if (!seen.has(k)) close.push(existing.id);
  return { close, open };
}

/**
 * Compares the stored current state with the newly computed one. Pure; the snapshot service
 * and the storage benchmark both use it. The first snapshot is the baseline: no events.
 */
export function planSnapshot(
  current: CurrentState,
  objects: readonly ObjectState[],
  scores: readonly ScoreState[],
  clusterScore: number | null,
  scoreChangeThreshold: number,
): SnapshotPlan {
  const objectDiff = versionDiff(current.objects, objects, stateKey, (stored, state) => stored.hash === state.hash);
  const scoreDiff = versionDiff(current.scores, scores, scoreKey, sameScore);
  const changes =
    current.lastSeq === 0
      ? []
      : detectChanges(
          {
            scores: new Map([...current.scores].map(([k, v]) => [k, v.state])),
            policies: new Map([...current.objects].filter(([, v]) => isPolicyKind(v.state.kind)).map(([k, v]) => [k, v.state])),
            clusterScore: current.clusterScore,
          },
          {
            scores: new Map(scores.map((s) => [scoreKey(s), s])),
            policies: new Map(objects.filter((o) => isPolicyKind(o.kind)).map((o) => [stateKey(o), o])),
            clusterScore,
          },
          scoreChangeThreshold,
        );
  return { closeObjects: objectDiff.close, openObjects: objectDiff.open, closeScores: scoreDiff.close, openScores: scoreDiff.open, changes };
}

/** The cluster figures a Snapshot row keeps. */
export function snapshotAggregates(report: AuditReport, cni: CniDetection): SnapshotWrite['aggregates'] {
  const c = report.cluster;
  const p = c.policies;
  const read =
    p.networkPolicies + p.adminNetworkPolicies + p.baselineAdminNetworkPolicies + p.clusterNetworkPolicies + p.ciliumNetworkPolicies + p.ciliumClusterwideNetworkPolicies + p.calicoPolicies;
  return {
    pods: c.pods,
    workloads: c.workloads,
    namespaces: c.namespaces,
    policies: read - p.notEnforced,
    notEnforcedPolicies: p.notEnforced,
    score: c.score,
    ingressIsolatedPercent: c.ingressIsolatedPercent,
    egressIsolatedPercent: c.egressIsolatedPercent,
    unprotectedWorkloads: c.unprotectedWorkloads,
    exposedWorkloads: c.exposedWorkloads,
    cni: cni.cni,
    cniEvidence: cni.evidence,
  };
}
