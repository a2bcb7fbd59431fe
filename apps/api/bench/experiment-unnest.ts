import 'reflect-metadata';
import { createPrismaClient } from '@palisade/database';
import { objectStates, scoreStates } from '../src/snapshots/snapshot-state';
import { openBenchDatabase, rowCounts } from './lib/database';
import { syntheticCluster } from './lib/synthetic';

async function main() {
  const pods = Number(process.argv[2] ?? 150000);
  const db = await openBenchDatabase(false);
  const prisma = createPrismaClient(db.url);
  const { model, report } = syntheticCluster({ pods, policies: pods / 15, namespaces: Math.round(pods / 75) });
  const objects = objectStates(model);
  const scores = scoreStates(report);
  const cluster = await prisma.cluster.create({ data: { name: 'x', source: 'kubeconfig', snapshotIntervalSeconds: 300 } });
  const t0 = performance.now();
  await prisma.$transaction(async (tx) => {
    const CH = 50_000;
    for (let i = 0; i < objects.length; i += CH) {
      const part = objects.slice(i, i + CH);
      await tx.$executeRawUnsafe(
        `INSERT INTO "ObjectVersion" ("clusterId", kind, namespace, name, hash, data, "fromSeq")
         SELECT $1::uuid, k, ns, n, h, d, $7 FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[]) AS u(k, ns, n, h, d)`,
        cluster.id, part.map((o) => o.kind), part.map((o) => o.namespace), part.map((o) => o.name), part.map((o) => o.hash), part.map((o) => JSON.stringify(o.data)), 1,
      );
    }
    for (let i = 0; i < scores.length; i += CH) {
      const p = scores.slice(i, i + CH);
      await tx.$executeRawUnsafe(
        `INSERT INTO "ScoreVersion" ("clusterId", scope, namespace, kind, name, score, "ingressIsolated", "egressIsolated", "reachableFrom", "internetIngress", exposed, unprotected, details, "fromSeq")
         SELECT $1::uuid, a, b, c, d, e, f, g, h, i, j, k, l, $14 FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::bool[], $8::bool[], $9::int[], $10::bool[], $11::bool[], $12::bool[], $13::jsonb[]) AS u(a,b,c,d,e,f,g,h,i,j,k,l)`,
        cluster.id, p.map((s) => s.scope), p.map((s) => s.namespace), p.map((s) => s.kind), p.map((s) => s.name), p.map((s) => s.score), p.map((s) => s.ingressIsolated), p.map((s) => s.egressIsolated), p.map((s) => s.reachableFrom), p.map((s) => s.internetIngress), p.map((s) => s.exposed), p.map((s) => s.unprotected), p.map((s) => JSON.stringify(s.details)), 1,
      );
    }
  }, { timeout: 600_000 });
  const t1 = performance.now();
  process.stderr.write(`unnest write of ${objects.length} objects + ${scores.length} scores: ${Math.round(t1 - t0)} ms; rows ${JSON.stringify(await rowCounts(db.url, cluster.id))}\n`);
  {
    const { withClient } = await import('./lib/database');
    const c2 = await prisma.cluster.create({ data: { name: 'y', source: 'kubeconfig', snapshotIntervalSeconds: 300 } });
    const t2 = performance.now();
    await withClient(db.url, async (client) => {
      await client.query('BEGIN');
      const CH = 50_000;
      for (let i = 0; i < objects.length; i += CH) {
        const part = objects.slice(i, i + CH);
        await client.query(`INSERT INTO "ObjectVersion" ("clusterId", kind, namespace, name, hash, data, "fromSeq")
         SELECT $1::uuid, k, ns, n, h, d, $7 FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[]) AS u(k, ns, n, h, d)`,
        [c2.id, part.map((o) => o.kind), part.map((o) => o.namespace), part.map((o) => o.name), part.map((o) => o.hash), part.map((o) => JSON.stringify(o.data)), 1]);
      }
      await client.query('COMMIT');
    });
    process.stderr.write(`raw pg unnest objects only: ${Math.round(performance.now() - t2)} ms\n`);
  }
  // Load current via raw SQL vs Prisma findMany
  let t = performance.now();
  const a = await prisma.objectVersion.findMany({ where: { clusterId: cluster.id, toSeq: null }, select: { id: true, kind: true, namespace: true, name: true, hash: true } });
  process.stderr.write(`prisma findMany objects ${a.length}: ${Math.round(performance.now() - t)} ms\n`);
  t = performance.now();
  const b = await prisma.$queryRawUnsafe<unknown[]>(`SELECT id, kind, namespace, name, hash FROM "ObjectVersion" WHERE "clusterId" = $1::uuid AND "toSeq" IS NULL`, cluster.id);
  process.stderr.write(`prisma queryRaw objects ${b.length}: ${Math.round(performance.now() - t)} ms\n`);
  t = performance.now();
  const c = await prisma.scoreVersion.findMany({ where: { clusterId: cluster.id, toSeq: null } });
  process.stderr.write(`prisma findMany scores ${c.length}: ${Math.round(performance.now() - t)} ms\n`);
  await prisma.$disconnect();
  await db.close();
}
main().catch((e) => { process.stderr.write(String(e?.stack ?? e) + '\n'); process.exitCode = 1; });
