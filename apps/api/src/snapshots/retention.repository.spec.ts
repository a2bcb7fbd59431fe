import { createTestDatabase, TestDatabase } from '@palisade/database/testing';

import { RetentionRepository } from './retention.repository';
import { hashOf, ObjectState } from './snapshot-state';
import { SnapshotsRepository, SnapshotWrite } from './snapshots.repository';

/** Against a real PostgreSQL: the snapshot writer and the thinning of old history. */
let db: TestDatabase;
let clusterId: string;

const DAY = 86_400_000;
const start = new Date('2026-01-01T00:00:00Z').getTime();

function pod(name: string, version: number): ObjectState {
  const data = { labels: { app: name }, version };
  return { kind: 'Pod', namespace: 'shop', name, hash: hashOf(data), data };
}

function write(takenAt: Date, open: ObjectState[], close: bigint[]): Omit<SnapshotWrite, 'clusterId'> {
  return {
    takenAt,
    trigger: 'schedule',
    durationMs: 1,
    aggregates: { pods: 1, workloads: 1, namespaces: 1, policies: 0, score: 50, ingressIsolatedPercent: 0, egressIsolatedPercent: 0, unprotectedWorkloads: 1, exposedWorkloads: 0, notEnforcedPolicies: 0, cni: 'generic', cniEvidence: 'test' },
    closeObjects: close,
    openObjects: open,
    closeScores: [],
    openScores: [],
    changes: [],
  };
}

beforeAll(async () => {
  db = await createTestDatabase();
  clusterId = (await db.prisma.cluster.create({ data: { name: 'c', source: 'demo', snapshotIntervalSeconds: 300 } })).id;
});

afterAll(async () => {
  await db.drop();
});

describe('snapshots and retention', () => {
  it('writes versions so each snapshot sees its own state, and thins old days to their last snapshot', async () => {
    const snapshots = new SnapshotsRepository(db.prisma);
    // Day 0: web v1 at 00:00, v2 at 06:00, v3 at 12:00 (the day's last). Day 1: v4. Today: v5.
    const times = [0, 0.25 * DAY, 0.5 * DAY, 1.2 * DAY, 30 * DAY].map((t) => new Date(start + t));
    for (let i = 0; i < times.length; i++) {
      const current = await snapshots.loadCurrent(clusterId);
      const existing = [...current.objects.values()].map((o) => o.id);
      await snapshots.write({ clusterId, ...write(times[i], [pod('web', i + 1)], existing) }, current.lastSeq);
    }

    expect(await db.prisma.objectVersion.count({ where: { clusterId } })).toBe(5);

    const versionAt = async (seq: number) => ((await db.prisma.objectVersion.findFirst({ where: { clusterId, fromSeq: { lte: seq }, OR: [{ toSeq: null }, { toSeq: { gt: seq } }] } }))?.data);
    expect(await versionAt(2)).toEqual({ labels: { app: 'web' }, version: 2 });

    const retention = new RetentionRepository(db.prisma);
    const result = await retention.thin(clusterId, new Date(start + 10 * DAY));
    // Snapshots 1 and 2 are thinned (3 is day 0's last, 4 day 1's); their versions go.
    expect(result).toEqual({ thinnedSnapshots: 2, objectVersionsDeleted: 2, scoreVersionsDeleted: 0 });
    const rows = await db.prisma.snapshot.findMany({ where: { clusterId }, orderBy: { seq: 'asc' } });
    expect(rows.map((r) => [r.seq, r.thinned])).toEqual([[1, true], [2, true], [3, false], [4, false], [5, false]]);
    expect(await versionAt(3)).toEqual({ labels: { app: 'web' }, version: 3 });
    expect(await versionAt(4)).toEqual({ labels: { app: 'web' }, version: 4 });
    expect(await versionAt(5)).toEqual({ labels: { app: 'web' }, version: 5 });
    // Idempotent.
    expect(await retention.thin(clusterId, new Date(start + 10 * DAY))).toEqual({ thinnedSnapshots: 0, objectVersionsDeleted: 0, scoreVersionsDeleted: 0 });
  });

  it('refuses a write computed against a sequence another writer has moved past', async () => {
    const snapshots = new SnapshotsRepository(db.prisma);
    const current = await snapshots.loadCurrent(clusterId);
    await snapshots.write({ clusterId, ...write(new Date(), [], []) }, current.lastSeq);
    await expect(snapshots.write({ clusterId, ...write(new Date(), [], []) }, current.lastSeq)).rejects.toThrow(/moved from snapshot/);
  });

  it('leaves the previous history intact when a write fails half-way', async () => {
    const snapshots = new SnapshotsRepository(db.prisma);
    const before = { versions: await db.prisma.objectVersion.count(), snapshots: await db.prisma.snapshot.count() };
    const current = await snapshots.loadCurrent(clusterId);
    const broken = write(new Date(), [pod('api', 1), { ...pod('bad', 1), name: null as unknown as string }], [...current.objects.values()].map((o) => o.id));
    await expect(snapshots.write({ clusterId, ...broken }, current.lastSeq)).rejects.toThrow();
    expect({ versions: await db.prisma.objectVersion.count(), snapshots: await db.prisma.snapshot.count() }).toEqual(before);
    expect((await snapshots.loadCurrent(clusterId)).lastSeq).toBe(current.lastSeq);
  });
});
