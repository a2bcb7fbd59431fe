import { Inject, Injectable, Optional } from '@nestjs/common';
import { INTERNET_EXPOSURES, type InternetExposure } from '@palisade/api-contract';
import type { Prisma, ScoreVersion } from '@palisade/prisma-client';
import { Db, PRISMA, Tx } from '../database/prisma';
import type { ChangeDraft } from './change-detector';
import { ObjectState, ScoreState, scoreKey, stateKey } from './snapshot-state';

/** What is current (toSeq null) for a cluster: enough to diff the next state against. */
export interface CurrentState {
  readonly lastSeq: number;
  readonly clusterScore: number | null;
  readonly objects: Map<string, { readonly id: bigint; readonly state: ObjectState }>;
  readonly scores: Map<string, { readonly id: bigint; readonly state: ScoreState }>;
}

export interface SnapshotWrite {
  readonly clusterId: string;
  readonly takenAt: Date;
  readonly trigger: string;
  readonly durationMs: number;
  readonly aggregates: {
    readonly pods: number;
    readonly workloads: number;
    readonly namespaces: number;
    readonly policies: number;
    readonly score: number | null;
    readonly ingressIsolatedPercent: number;
    readonly egressIsolatedPercent: number;
    readonly unprotectedWorkloads: number;
    readonly exposedWorkloads: number;
    readonly notEnforcedPolicies: number;
    readonly cni: string;
    readonly cniEvidence: string;
  };
  readonly closeObjects: readonly bigint[];
  readonly openObjects: readonly ObjectState[];
  readonly closeScores: readonly bigint[];
  readonly openScores: readonly ScoreState[];
  readonly changes: readonly ChangeDraft[];
}

/** The change events of a snapshot, as its transaction stored them. */
export interface StoredChanges {
  readonly clusterId: string;
  readonly seq: number;
  readonly takenAt: Date;
  readonly changes: readonly ChangeDraft[];
}

/**
 * Runs inside the snapshot's transaction after its change events are stored (alerting opens its
 * pending alerts there): what it writes commits or rolls back with the snapshot.
 */
export interface SnapshotHook {
  afterChanges(tx: Tx, stored: StoredChanges): Promise<void>;
}

export const SNAPSHOT_HOOK = Symbol('SNAPSHOT_HOOK');

/** A ScoreVersion row as the state change detection compares. */
export function scoreStateOf(row: ScoreVersion): ScoreState {
  return {
    scope: row.scope as ScoreState['scope'],
    namespace: row.namespace,
    kind: row.kind,
    name: row.name,
    score: row.score,
    ingressIsolated: row.ingressIsolated,
    egressIsolated: row.egressIsolated,
    reachableFrom: row.reachableFrom,
    internetIngress: row.internetIngress,
    internetExposure: exposureOf(row.internetExposure),
    exposed: row.exposed,
    unprotected: row.unprotected,
    details: row.details as Record<string, unknown>,
  };
}

/** A stored exposure, read back; anything unexpected reads as the least exposed. */
export function exposureOf(text: string): InternetExposure {
  return INTERNET_EXPOSURES.find((e) => e === text) ?? 'none';
}

const CHUNK = 5000;
const INSERT_CHUNK = 20_000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Reads the current versions and writes a snapshot as one transaction. */
@Injectable()
export class SnapshotsRepository {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Optional() @Inject(SNAPSHOT_HOOK) private readonly hook?: SnapshotHook,
  ) {}

  async loadCurrent(clusterId: string): Promise<CurrentState> {
    const cluster = await this.db.cluster.findUniqueOrThrow({ where: { id: clusterId }, select: { lastSeq: true, score: true } });
    const objects = new Map<string, { id: bigint; state: ObjectState }>();
    const rows = await this.db.objectVersion.findMany({
      where: { clusterId, toSeq: null },
      select: { id: true, kind: true, namespace: true, name: true, hash: true },
    });
    for (const row of rows) {
      const state: ObjectState = { kind: row.kind, namespace: row.namespace, name: row.name, hash: row.hash, data: null };
      objects.set(stateKey(state), { id: row.id, state });
    }
    const scores = new Map<string, { id: bigint; state: ScoreState }>();
    for (const row of await this.db.scoreVersion.findMany({ where: { clusterId, toSeq: null } })) {
      const state = scoreStateOf(row);
      scores.set(scoreKey(state), { id: row.id, state });
    }
    return { lastSeq: cluster.lastSeq, clusterScore: cluster.score, objects, scores };
  }

  /**
   * Writes the snapshot: closes and opens versions, stores its change events and the snapshot
   * row, and moves the cluster's sequence on. All or nothing: a failure (or a crash) leaves
   * the previous history as it was. Returns the snapshot's sequence number.
   */
  async write(snapshot: SnapshotWrite, expectedLastSeq: number): Promise<{ seq: number; id: bigint }> {
    return this.db.$transaction(
      async (tx) => {
        // Lock the cluster row: a second writer (another replica) waits, then sees the new seq.
        const locked = await tx.$queryRaw<{ lastSeq: number }[]>`
          SELECT "lastSeq" FROM "Cluster" WHERE id = ${snapshot.clusterId}::uuid FOR UPDATE`;
        const lastSeq = locked[0]?.lastSeq;
        if (lastSeq !== expectedLastSeq) {
          throw new ConcurrentSnapshotError(snapshot.clusterId, expectedLastSeq, lastSeq);
        }
        const seq = lastSeq + 1;
        await this.closeVersions(tx, 'objectVersion', snapshot.closeObjects, seq);
        await this.closeVersions(tx, 'scoreVersion', snapshot.closeScores, seq);
        // One INSERT ... SELECT per chunk from a JSON parameter: Prisma's createMany builds and
        // compiles a statement per row batch, ten times slower on a first snapshot of a large cluster.
        for (const part of chunks(snapshot.openObjects, INSERT_CHUNK)) {
          const rows = JSON.stringify(part.map((o) => ({ kind: o.kind, namespace: o.namespace, name: o.name, hash: o.hash, data: o.data })));
          await tx.$executeRaw`
            INSERT INTO "ObjectVersion" ("clusterId", kind, namespace, name, hash, data, "fromSeq")
            SELECT ${snapshot.clusterId}::uuid, r.kind, r.namespace, r.name, r.hash, r.data, ${seq}
            FROM jsonb_to_recordset(${rows}::jsonb) AS r(kind text, namespace text, name text, hash text, data jsonb)`;
        }
        for (const part of chunks(snapshot.openScores, INSERT_CHUNK)) {
          const rows = JSON.stringify(part);
          await tx.$executeRaw`
            INSERT INTO "ScoreVersion" ("clusterId", scope, namespace, kind, name, score, "ingressIsolated", "egressIsolated",
                                        "reachableFrom", "internetIngress", "internetExposure", exposed, unprotected, details, "fromSeq")
            SELECT ${snapshot.clusterId}::uuid, r.scope, r.namespace, r.kind, r.name, r.score, r."ingressIsolated", r."egressIsolated",
                   r."reachableFrom", r."internetIngress", r."internetExposure", r.exposed, r.unprotected, r.details, ${seq}
            FROM jsonb_to_recordset(${rows}::jsonb) AS r(scope text, namespace text, kind text, name text, score float8,
                 "ingressIsolated" boolean, "egressIsolated" boolean, "reachableFrom" int, "internetIngress" boolean,
                 "internetExposure" text, exposed boolean, unprotected boolean, details jsonb)`;
        }
        if (snapshot.changes.length > 0) {
          await tx.changeEvent.createMany({
            data: snapshot.changes.map((c) => ({
              clusterId: snapshot.clusterId,
              seq,
              at: snapshot.takenAt,
              kind: c.kind,
              namespace: c.namespace ?? null,
              workload: c.workload ?? null,
              policy: c.policy ?? null,
              details: c.details as Prisma.InputJsonValue,
            })),
          });
          await this.hook?.afterChanges(tx, { clusterId: snapshot.clusterId, seq, takenAt: snapshot.takenAt, changes: snapshot.changes });
        }
        const row = await tx.snapshot.create({
          data: {
            clusterId: snapshot.clusterId,
            seq,
            takenAt: snapshot.takenAt,
            trigger: snapshot.trigger,
            durationMs: snapshot.durationMs,
            ...snapshot.aggregates,
            changes: snapshot.changes.length,
            objectChanges: snapshot.closeObjects.length + snapshot.openObjects.length,
          },
          select: { id: true },
        });
        await tx.cluster.update({
          where: { id: snapshot.clusterId },
          data: { lastSeq: seq, lastSnapshotAt: snapshot.takenAt, score: snapshot.aggregates.score },
        });
        return { seq, id: row.id };
      },
      { timeout: 600_000, maxWait: 60_000 },
    );
  }

  private async closeVersions(tx: Tx, table: 'objectVersion' | 'scoreVersion', ids: readonly bigint[], seq: number): Promise<void> {
    for (const part of chunks(ids, INSERT_CHUNK)) {
      const list = part.map(String);
      if (table === 'objectVersion') await tx.$executeRaw`UPDATE "ObjectVersion" SET "toSeq" = ${seq} WHERE id = ANY(${list}::bigint[])`;
      else await tx.$executeRaw`UPDATE "ScoreVersion" SET "toSeq" = ${seq} WHERE id = ANY(${list}::bigint[])`;
    }
  }
}

export class ConcurrentSnapshotError extends Error {
  constructor(clusterId: string, expected: number, found: number | undefined) {
    super(`cluster ${clusterId} moved from snapshot ${expected} to ${found ?? 'nothing'} while this snapshot was computed`);
  }
}


