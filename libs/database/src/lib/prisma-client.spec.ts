import { Prisma } from '@palisade/prisma-client';
import { createTestDatabase, type TestDatabase } from '../testing';

describe('createPrismaClient (pg driver adapter, WASM query compiler)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  const newCluster = (name: string) =>
    db.prisma.cluster.create({ data: { name, source: 'demo', snapshotIntervalSeconds: 300 } });

  it('creates and reads a cluster with its snapshots: uuid ids, BigInt autoincrement ids, defaults', async () => {
    const cluster = await newCluster('demo');
    expect(cluster).toMatchObject({ name: 'demo', status: 'connecting', lastSeq: 0, score: null });
    expect(cluster.id).toMatch(/^[0-9a-f-]{36}$/);

    const takenAt = new Date('2026-01-02T03:04:05.678Z');
    const snapshot = {
      takenAt,
      trigger: 'startup',
      durationMs: 12,
      pods: 3,
      workloads: 2,
      namespaces: 1,
      policies: 0,
    };
    const counts = {
      ingressIsolatedPercent: 0,
      egressIsolatedPercent: 0,
      unprotectedWorkloads: 2,
      exposedWorkloads: 1,
      changes: 0,
      objectChanges: 3,
    };
    const first = await db.prisma.snapshot.create({
      data: { ...snapshot, ...counts, clusterId: cluster.id, seq: 1 },
    });
    const second = await db.prisma.snapshot.create({
      data: { ...snapshot, ...counts, clusterId: cluster.id, seq: 2 },
    });
    expect(typeof first.id).toBe('bigint');
    expect(second.id).toBe(first.id + 1n);

    const read = await db.prisma.cluster.findUniqueOrThrow({
      where: { name: 'demo' },
      include: { snapshots: { orderBy: { seq: 'asc' } } },
    });
    expect(read.snapshots.map((s) => [s.id, s.seq])).toEqual([
      [first.id, 1],
      [second.id, 2],
    ]);
    expect(read.snapshots[0]!.takenAt).toEqual(takenAt);
    expect(await db.prisma.snapshot.findUnique({ where: { id: second.id } })).toMatchObject({
      seq: 2,
    });
  });

  it('round-trips Json columns (objects, arrays, numbers, null inside)', async () => {
    const cluster = await newCluster('json');
    const data = {
      metadata: { name: 'web', labels: { app: 'web' } },
      ports: [80, 443],
      note: null,
      ratio: 0.5,
    };
    const version = await db.prisma.objectVersion.create({
      data: {
        clusterId: cluster.id,
        kind: 'Pod',
        namespace: 'shop',
        name: 'web-1',
        hash: 'abc',
        data,
        fromSeq: 1,
      },
    });
    const read = await db.prisma.objectVersion.findUniqueOrThrow({ where: { id: version.id } });
    expect(read.data).toEqual(data);
    expect(read.toSeq).toBeNull();

    const matching = await db.prisma.objectVersion.findMany({
      where: {
        clusterId: cluster.id,
        data: { path: ['metadata', 'labels', 'app'], equals: 'web' },
      },
    });
    expect(matching.map((row) => row.id)).toEqual([version.id]);
  });

  it('rolls back an interactive transaction that throws, and a batch transaction whose statement fails', async () => {
    const failure = new Error('abort the transaction');
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.cluster.create({
          data: { name: 'rolled-back', source: 'demo', snapshotIntervalSeconds: 60 },
        });
        expect(await tx.cluster.count({ where: { name: 'rolled-back' } })).toBe(1);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await db.prisma.cluster.count({ where: { name: 'rolled-back' } })).toBe(0);

    await expect(
      db.prisma.$transaction([
        db.prisma.cluster.create({
          data: { name: 'batch-a', source: 'demo', snapshotIntervalSeconds: 60 },
        }),
        db.prisma.cluster.create({
          data: { name: 'batch-a', source: 'demo', snapshotIntervalSeconds: 60 },
        }),
      ]),
    ).rejects.toMatchObject({ code: 'P2002' });
    expect(await db.prisma.cluster.count({ where: { name: 'batch-a' } })).toBe(0);
  });

  it('reports a duplicate Cluster.name as PrismaClientKnownRequestError P2002', async () => {
    await newCluster('unique-name');
    const duplicate = await newCluster('unique-name').catch((error: unknown) => error);
    expect(duplicate).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect(duplicate).toMatchObject({ code: 'P2002' });
  });

  it('runs raw queries (a `name` column must be cast to text)', async () => {
    const rows = await db.prisma.$queryRaw<
      { database: string }[]
    >`SELECT current_database()::text AS database`;
    expect(rows).toEqual([{ database: expect.stringMatching(/^palisade_test_[0-9a-f]{12}$/) }]);
  });
});
