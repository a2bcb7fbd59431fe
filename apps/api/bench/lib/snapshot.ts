import type { ClusterModel } from '@palisade/cluster-model';
import type { AuditReport } from '@palisade/policy-engine';
import { planSnapshot, snapshotAggregates } from '../../src/snapshots/snapshot-plan';
import { objectStates, scoreStates } from '../../src/snapshots/snapshot-state';
import type { SnapshotsRepository } from '../../src/snapshots/snapshots.repository';

/** The default SCORE_CHANGE_THRESHOLD. */
const SCORE_CHANGE_THRESHOLD = 5;

export interface SnapshotTiming {
  readonly seq: number;
  /** repository.loadCurrent: the open versions (ids and hashes, scores) of the cluster. */
  readonly loadMs: number;
  /** objectStates + scoreStates: canonical JSON and a SHA-1 per object. */
  readonly statesMs: number;
  /** Comparing with what is current, and the change events. */
  readonly diffMs: number;
  /** repository.write: one transaction. */
  readonly writeMs: number;
  readonly totalMs: number;
  readonly objects: number;
  readonly scores: number;
  readonly openedObjects: number;
  readonly closedObjects: number;
  readonly openedScores: number;
  readonly closedScores: number;
  readonly changes: number;
}

/**
 * SnapshotsService.snapshot without Nest, the evaluation and the socket.io push: the same
 * calls in the same order (loadCurrent, objectStates, scoreStates, the diff, detectChanges,
 * write). Keep it in step with apps/api/src/snapshots/snapshots.service.ts.
 */
export async function storeSnapshot(
  repository: SnapshotsRepository,
  clusterId: string,
  model: ClusterModel,
  report: AuditReport,
  takenAt: Date,
): Promise<SnapshotTiming> {
  const started = performance.now();
  const current = await repository.loadCurrent(clusterId);
  const loaded = performance.now();
  const objects = objectStates(model);
  const scores = scoreStates(report);
  const stated = performance.now();

  const { closeObjects, openObjects, closeScores, openScores, changes } = planSnapshot(
    current,
    objects,
    scores,
    report.cluster.score,
    SCORE_CHANGE_THRESHOLD,
  );
  const diffed = performance.now();

  const { seq } = await repository.write(
    {
      clusterId,
      takenAt,
      trigger: 'schedule',
      durationMs: Math.round(diffed - started),
      aggregates: snapshotAggregates(report, { cni: report.cni, evidence: 'synthetic cluster' }),
      closeObjects,
      openObjects,
      closeScores,
      openScores,
      changes,
    },
    current.lastSeq,
  );
  const written = performance.now();
  return {
    seq,
    loadMs: loaded - started,
    statesMs: stated - loaded,
    diffMs: diffed - stated,
    writeMs: written - diffed,
    totalMs: written - started,
    objects: objects.length,
    scores: scores.length,
    openedObjects: openObjects.length,
    closedObjects: closeObjects.length,
    openedScores: openScores.length,
    closedScores: closeScores.length,
    changes: changes.length,
  };
}
