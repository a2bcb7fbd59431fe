import type pg from 'pg';
import type { ClusterSize } from './args';
import { int, log, ms } from './report';

/**
 * A year (by default) of history of one cluster, written with set-based SQL in a few seconds:
 * what the snapshot writer would have stored after `days` of snapshots every `intervalMinutes`.
 *
 * - Snapshot: one row per snapshot, aggregates drifting slowly (a daily and a yearly wave).
 *   Those older than 7 days and not their day's last are `thinned`, as RETENTION_RAW leaves them.
 * - Workloads: pods / 3 (Deployments, some StatefulSets), spread over the namespaces. 1% of them
 *   change per day (a rollout that changes their findings: new ScoreVersion, new pods), and every
 *   policy change (20 a week) changes the findings of the workload it targets.
 * - ScoreVersion: a version per workload per change, and per namespace whenever one of its
 *   workloads changed; ObjectVersion: Namespaces, Nodes, Workloads, Services, a version per policy
 *   per change, and the pods of each workload version (a rollout replaces them).
 * - ChangeEvent: POLICY_CHANGED per policy change, WORKLOAD_EXPOSED / WORKLOAD_PROTECTED where a
 *   workload's ingress isolation flipped.
 */
export interface HistoryPlan {
  readonly size: ClusterSize;
  readonly days: number;
  readonly intervalMinutes: number;
  readonly end: Date;
}

export interface SeededHistory {
  readonly clusterId: string;
  readonly snapshots: number;
  readonly workloads: number;
  readonly rows: Record<string, number>;
  readonly seedMs: number;
  /** Workloads with the most versions: their score history has the most points. */
  readonly busyWorkloads: readonly { namespace: string; kind: string; name: string; versions: number }[];
  /** A namespace name fragment that matches a few percent of the workloads, for ?q=. */
  readonly query: string;
}

const WORDS = ['orders', 'cart', 'accounts', 'users', 'auth', 'profile', 'invoices', 'stock', 'rates', 'tracking', 'emails', 'push', 'reports', 'feeds', 'images', 'sessions', 'ledger', 'refunds', 'offers', 'ranking', 'indexer', 'events', 'webhooks', 'files', 'geo', 'tax'];
const ROLES = ['api', 'web', 'worker', 'db', 'cache', 'gateway'];
const TEAMS = ['payments', 'growth', 'platform', 'search', 'identity', 'data', 'mobile', 'ops'];

const sqlArray = (items: readonly string[]) => `ARRAY[${items.map((s) => `'${s}'`).join(',')}]`;

export async function seedHistory(client: pg.Client, plan: HistoryPlan): Promise<SeededHistory> {
  const { size, days } = plan;
  const S = size.namespaces;
  const P = size.pods;
  const N = size.policies;
  const W = Math.max(1, Math.round(P / 3));
  const M = Math.round((days * 24 * 60) / plan.intervalMinutes);
  const workloadChanges = Math.round(0.01 * W * days);
  const policyChanges = Math.round((20 * days) / 7);
  const nodes = Math.ceil(P / 110);
  const end = new Date(Math.floor(plan.end.getTime() / 60_000) * 60_000).toISOString();
  const started = performance.now();

  const step = async (what: string, sql: string, params: unknown[] = []) => {
    const t = performance.now();
    const result = await client.query(sql, params);
    log(`seed: ${what}${result.rowCount != null && result.command !== 'CREATE' ? ` (${int(result.rowCount)} rows)` : ''} ${ms(performance.now() - t)} ms`);
    return result;
  };

  await client.query('SELECT setseed(0.42)');
  const [{ id: clusterId }] = (
    await step(
      'cluster',
      `INSERT INTO "Cluster" (id, name, source, status, "snapshotIntervalSeconds", "lastSeq", "lastSnapshotAt", "createdAt", "updatedAt")
       VALUES (gen_random_uuid(), $1, 'kubeconfig', 'ok', $2, $3, $4::timestamptz AT TIME ZONE 'UTC', ($4::timestamptz - make_interval(days => $5)) AT TIME ZONE 'UTC', now())
       RETURNING id`,
      [`bench-history-${Date.now()}`, plan.intervalMinutes * 60, M, end, days],
    )
  ).rows as { id: string }[];

  // Namespaces (n), workloads (w: namespace w % S), policies (p: namespace p % S; the first S are
  // the namespaces' default denies, missing in one namespace of 7; the rest allow traffic to one
  // workload each). Temporary tables of this session.
  await step(
    'plan',
    `CREATE TEMP TABLE ns AS
       SELECT n, (${sqlArray(TEAMS)})[1 + n % ${TEAMS.length}] || '-' || (${sqlArray(WORDS)})[1 + (n / ${TEAMS.length}) % ${WORDS.length}] || '-' || n AS name,
              n % 7 <> 3 AS deny
       FROM generate_series(0, ${S - 1}) n;
     CREATE TEMP TABLE wl AS
       SELECT w, w % ${S} AS n, ns.name AS namespace,
              CASE WHEN w % 10 = 7 THEN 'StatefulSet' ELSE 'Deployment' END AS kind,
              (${sqlArray(WORDS)})[1 + w % ${WORDS.length}] || '-' || (${sqlArray(ROLES)})[1 + (w / ${WORDS.length}) % ${ROLES.length}] || '-' || w AS name,
              ${Math.floor(P / W)} + CASE WHEN w < ${P % W} THEN 1 ELSE 0 END AS pods
       FROM generate_series(0, ${W - 1}) w JOIN ns ON ns.n = w % ${S};
     CREATE TEMP TABLE pol AS
       SELECT p, p % ${S} AS n, ns.name AS namespace,
              CASE WHEN p < ${S} THEN 'default-deny' ELSE 'allow-' || wl.name END AS name,
              CASE WHEN p < ${S} THEN NULL ELSE wl.w END AS target
       FROM generate_series(0, ${N - 1}) p
       JOIN ns ON ns.n = p % ${S}
       LEFT JOIN wl ON p >= ${S} AND wl.w = (p % ${S} + ${S} * (p / ${S} - 1)) % ${W}
       WHERE p >= ${S} OR ns.deny;
     CREATE TEMP TABLE polidx AS SELECT p, (row_number() OVER (ORDER BY p) - 1)::int AS i FROM pol;
     CREATE TEMP TABLE ppick AS
       SELECT floor(random() * (SELECT count(*) FROM pol))::int AS i, 2 + floor(random() * ${M - 1})::int AS seq FROM generate_series(1, ${policyChanges});
     CREATE TEMP TABLE pchange AS SELECT DISTINCT polidx.p, ppick.seq FROM ppick JOIN polidx USING (i);
     CREATE TEMP TABLE wchange AS
       SELECT DISTINCT w, seq FROM (
         SELECT w, 1 AS seq FROM wl
         UNION ALL SELECT floor(random() * ${W})::int, 2 + floor(random() * ${M - 1})::int FROM generate_series(1, ${workloadChanges})
         UNION ALL SELECT pol.target, pchange.seq FROM pchange JOIN pol USING (p) WHERE pol.target IS NOT NULL
       ) c;
     CREATE TEMP TABLE wver AS
       SELECT w, seq AS from_seq, lead(seq) OVER (PARTITION BY w ORDER BY seq) AS to_seq, row_number() OVER (PARTITION BY w ORDER BY seq) AS v
       FROM wchange;
     CREATE TEMP TABLE wstate AS
       SELECT wver.*, wl.namespace, wl.kind, wl.name, wl.pods, wl.n, ns.deny,
              random() < CASE WHEN ns.deny THEN 0.1 ELSE 0.8 END AS unprotected, random() AS r1, random() AS r2, random() AS r3
       FROM wver JOIN wl USING (w) JOIN ns ON ns.n = wl.n;
     ANALYZE ns; ANALYZE wl; ANALYZE pol; ANALYZE pchange; ANALYZE wchange; ANALYZE wstate;`,
  );

  await step(
    'Snapshot',
    `INSERT INTO "Snapshot" ("clusterId", seq, "takenAt", trigger, "durationMs", pods, workloads, namespaces, policies, score,
                             "ingressIsolatedPercent", "egressIsolatedPercent", "unprotectedWorkloads", "exposedWorkloads", changes, "objectChanges", thinned)
     SELECT $1::uuid, seq, ($2::timestamptz - make_interval(mins => (${M} - seq) * ${plan.intervalMinutes})) AT TIME ZONE 'UTC', 'schedule',
            300 + floor(random() * 200)::int, ${P}, ${W}, ${S}, ${N},
            round((64 + 6 * sin(seq * 2 * pi() / ${M}) + 1.5 * sin(seq * 2 * pi() * ${plan.intervalMinutes} / 1440) + random())::numeric, 1)::float8,
            round((81 + 4 * sin(seq * 2 * pi() / ${M}) + random())::numeric, 1)::float8,
            round((27 + 3 * sin(seq * 2 * pi() / ${M}) + random())::numeric, 1)::float8,
            ${Math.round(W * 0.2)} + floor(30 * sin(seq * 2 * pi() / ${M}) + 5 * random())::int,
            ${Math.round(W * 0.1)} + floor(15 * sin(seq * 2 * pi() / ${M}) + 3 * random())::int,
            0, 0, false
     FROM generate_series(1, ${M}) seq`,
    [clusterId, end],
  );

  await step(
    'ScoreVersion (workloads)',
    `INSERT INTO "ScoreVersion" ("clusterId", scope, namespace, kind, name, score, "ingressIsolated", "egressIsolated", "reachableFrom",
                                 "internetIngress", exposed, unprotected, details, "fromSeq", "toSeq")
     SELECT $1::uuid, 'Workload', s.namespace, s.kind, s.name,
            CASE WHEN s.unprotected THEN round((30 * s.r1)::numeric)::float8 ELSE round((60 + 40 * s.r1)::numeric)::float8 END,
            NOT s.unprotected, NOT s.unprotected AND s.r2 < 0.3,
            CASE WHEN s.unprotected THEN ${P} - s.pods ELSE floor(40 * s.r3)::int END,
            s.unprotected AND s.r2 < 0.05, s.unprotected AND s.r3 < 0.5, s.unprotected,
            jsonb_build_object('pods', s.pods, 'reachableTo', CASE WHEN s.r2 < 0.3 THEN floor(20 * s.r3)::int ELSE ${P - 1} END,
                               'internetEgress', s.r2 >= 0.3,
                               'policies', COALESCE((SELECT jsonb_agg(pol.namespace || '/' || pol.name ORDER BY pol.p) FROM pol
                                                     WHERE pol.n = s.n AND (pol.target IS NULL OR pol.target = s.w)), '[]'::jsonb)),
            s.from_seq, s.to_seq
     FROM wstate s`,
    [clusterId],
  );

  await step(
    'ScoreVersion (namespaces)',
    `INSERT INTO "ScoreVersion" ("clusterId", scope, namespace, kind, name, score, "ingressIsolated", "egressIsolated", "reachableFrom",
                                 "internetIngress", exposed, unprotected, details, "fromSeq", "toSeq")
     SELECT $1::uuid, 'Namespace', ns.name, '', '', round((CASE WHEN ns.deny THEN 70 ELSE 20 END + 20 * random())::numeric, 1)::float8,
            ns.deny AND random() < 0.7, false, 0, false, random() < 0.3, random() < 0.4,
            jsonb_build_object('pods', ${Math.round(P / S)}, 'workloads', ${Math.round(W / S)}, 'networkPolicies', ${Math.round(N / S)},
                               'defaultDenyIngress', ns.deny, 'defaultDenyEgress', false, 'ingressIsolatedPods', ${Math.round((0.8 * P) / S)},
                               'egressIsolatedPods', ${Math.round((0.25 * P) / S)}, 'unprotectedWorkloads', floor(4 * random())::int,
                               'exposedWorkloads', floor(2 * random())::int),
            v.seq, v.to_seq
     FROM (SELECT n, seq, lead(seq) OVER (PARTITION BY n ORDER BY seq) AS to_seq
           FROM (SELECT DISTINCT wl.n, c.seq FROM wchange c JOIN wl USING (w)) d) v
     JOIN ns USING (n)`,
    [clusterId],
  );

  await step(
    'ObjectVersion (namespaces, nodes, workloads, services)',
    `INSERT INTO "ObjectVersion" ("clusterId", kind, namespace, name, hash, data, "fromSeq", "toSeq")
     SELECT $1::uuid, kind, namespace, name, md5(data::text), data, 1, NULL FROM (
       SELECT 'Namespace' AS kind, '' AS namespace, ns.name,
              jsonb_build_object('labels', jsonb_build_object('kubernetes.io/metadata.name', ns.name, 'team', split_part(ns.name, '-', 1)), 'implicit', false) AS data
       FROM ns
       UNION ALL
       SELECT 'Node', '', 'node-' || i,
              jsonb_build_object('labels', jsonb_build_object('kubernetes.io/hostname', 'node-' || i, 'kubernetes.io/os', 'linux', 'topology.kubernetes.io/zone', 'eu-west-1a'),
                                 'addresses', jsonb_build_array('10.0.' || (i / 256) || '.' || (i % 256)))
       FROM generate_series(0, ${nodes - 1}) i
       UNION ALL
       SELECT 'Workload', wl.namespace, wl.kind || '/' || wl.name,
              jsonb_build_object('kind', wl.kind, 'name', wl.name, 'labels', jsonb_build_object('app', wl.name, 'team', split_part(wl.namespace, '-', 1)))
       FROM wl
       UNION ALL
       SELECT 'Service', wl.namespace, wl.name,
              jsonb_build_object('type', 'ClusterIP', 'selector', jsonb_build_object('app', wl.name),
                                 'ports', jsonb_build_array(jsonb_build_object('name', 'http', 'port', 80, 'targetPort', 'http', 'protocol', 'TCP')),
                                 'clusterIPs', jsonb_build_array('10.96.' || (wl.w / 256) || '.' || (wl.w % 256)), 'externalIPs', '[]'::jsonb, 'loadBalancerIngress', '[]'::jsonb)
       FROM wl
     ) o`,
    [clusterId],
  );

  await step(
    'ObjectVersion (policies)',
    `INSERT INTO "ObjectVersion" ("clusterId", kind, namespace, name, hash, data, "fromSeq", "toSeq")
     SELECT $1::uuid, 'NetworkPolicy', pol.namespace, pol.name, md5(d.data::text), d.data, v.seq, v.to_seq
     FROM (SELECT p, seq, lead(seq) OVER (PARTITION BY p ORDER BY seq) AS to_seq, row_number() OVER (PARTITION BY p ORDER BY seq) AS v
           FROM (SELECT p, 1 AS seq FROM pol UNION SELECT p, seq FROM pchange) c) v
     JOIN pol USING (p)
     CROSS JOIN LATERAL (SELECT jsonb_build_object(
       'apiVersion', 'networking.k8s.io/v1', 'kind', 'NetworkPolicy',
       'metadata', jsonb_build_object('name', pol.name, 'namespace', pol.namespace, 'generation', v.v, 'labels', jsonb_build_object('app.kubernetes.io/managed-by', 'helm')),
       'spec', CASE WHEN pol.target IS NULL
         THEN jsonb_build_object('podSelector', '{}'::jsonb, 'policyTypes', jsonb_build_array('Ingress'))
         ELSE jsonb_build_object('podSelector', jsonb_build_object('matchLabels', jsonb_build_object('app', substr(pol.name, 7))),
                                 'policyTypes', jsonb_build_array('Ingress'),
                                 'ingress', jsonb_build_array(jsonb_build_object(
                                   'from', jsonb_build_array(jsonb_build_object('namespaceSelector', jsonb_build_object('matchLabels', jsonb_build_object('team', split_part(pol.namespace, '-', 1))))),
                                   'ports', jsonb_build_array(jsonb_build_object('protocol', 'TCP', 'port', 8080 + v.v % 3)))))
       END) AS data) d`,
    [clusterId],
  );

  await step(
    'ObjectVersion (pods)',
    `INSERT INTO "ObjectVersion" ("clusterId", kind, namespace, name, hash, data, "fromSeq", "toSeq")
     SELECT $1::uuid, 'Pod', s.namespace, pod.name, md5(pod.data::text), pod.data, s.from_seq, s.to_seq
     FROM wstate s
     CROSS JOIN LATERAL generate_series(0, s.pods - 1) i
     CROSS JOIN LATERAL (SELECT
       CASE WHEN s.kind = 'StatefulSet' THEN s.name || '-' || i ELSE s.name || '-' || substr(md5(s.w || ':' || s.v), 1, 10) || '-' || substr(md5(s.w || ':' || s.v || ':' || i), 1, 5) END AS name,
       jsonb_build_object(
         'labels', jsonb_build_object('app', s.name, 'team', split_part(s.namespace, '-', 1), 'pod-template-hash', substr(md5(s.w || ':' || s.v), 1, 10)),
         'ips', jsonb_build_array('10.' || (100 + (s.w * 4 + i) / 65536) || '.' || ((s.w * 4 + i) / 256 % 256) || '.' || ((s.w * 4 + i) % 256)),
         'ports', jsonb_build_array(jsonb_build_object('name', 'http', 'port', 8080, 'protocol', 'TCP'), jsonb_build_object('name', 'metrics', 'port', 9090, 'protocol', 'TCP')),
         'phase', 'Running', 'hostNetwork', false, 'nodeName', 'node-' || ((s.w * 4 + i) % ${nodes}),
         'workload', jsonb_build_object('kind', s.kind, 'name', s.name), 'synthetic', false) AS data) pod`,
    [clusterId],
  );

  await step(
    'ChangeEvent',
    `INSERT INTO "ChangeEvent" ("clusterId", seq, at, kind, namespace, workload, policy, details)
     SELECT $1::uuid, e.seq, sn."takenAt", e.kind, e.namespace, e.workload, e.policy, e.details
     FROM (
       SELECT c.seq, 'POLICY_CHANGED' AS kind, pol.namespace, NULL AS workload, pol.namespace || '/' || pol.name AS policy,
              jsonb_build_object('policyKind', 'NetworkPolicy', 'affectedWorkloads',
                CASE WHEN pol.target IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(pol.namespace || '/Deployment/' || substr(pol.name, 7)) END) AS details
       FROM pchange c JOIN pol USING (p)
       UNION ALL
       SELECT s.from_seq, CASE WHEN s.unprotected THEN 'WORKLOAD_EXPOSED' ELSE 'WORKLOAD_PROTECTED' END, s.namespace, s.kind || '/' || s.name, NULL,
              CASE WHEN s.unprotected
                THEN jsonb_build_object('reasons', jsonb_build_array('lost ingress isolation'), 'scoreBefore', 80, 'score', 20, 'reachableFrom', ${P} - s.pods, 'internetIngress', false)
                ELSE jsonb_build_object('scoreBefore', 20, 'score', 80) END
       FROM (SELECT s.*, lag(s.unprotected) OVER (PARTITION BY s.w ORDER BY s.from_seq) AS was FROM wstate s) s
       WHERE s.was IS NOT NULL AND s.was <> s.unprotected
     ) e
     JOIN "Snapshot" sn ON sn."clusterId" = $1::uuid AND sn.seq = e.seq`,
    [clusterId],
  );

  await step(
    'Snapshot.changes',
    `UPDATE "Snapshot" sn SET changes = c.n FROM (SELECT seq, count(*) AS n FROM "ChangeEvent" WHERE "clusterId" = $1::uuid GROUP BY seq) c
     WHERE sn."clusterId" = $1::uuid AND sn.seq = c.seq`,
    [clusterId],
  );
  await step(
    'Snapshot.objectChanges',
    `UPDATE "Snapshot" sn SET "objectChanges" = c.n FROM (
       SELECT seq, count(*) AS n FROM (
         SELECT "fromSeq" AS seq FROM "ObjectVersion" WHERE "clusterId" = $1::uuid AND "fromSeq" > 1
         UNION ALL SELECT "toSeq" FROM "ObjectVersion" WHERE "clusterId" = $1::uuid AND "toSeq" IS NOT NULL) x GROUP BY seq) c
     WHERE sn."clusterId" = $1::uuid AND sn.seq = c.seq`,
    [clusterId],
  );
  await step(
    'Snapshot.thinned (older than 7 days, not the day\'s last)',
    `UPDATE "Snapshot" sn SET thinned = true
     WHERE sn."clusterId" = $1::uuid AND sn."takenAt" < ($2::timestamptz - interval '7 days') AT TIME ZONE 'UTC'
       AND sn.seq NOT IN (SELECT max(seq) FROM "Snapshot" WHERE "clusterId" = $1::uuid GROUP BY date_trunc('day', "takenAt"))`,
    [clusterId, end],
  );
  await step('Cluster.score', `UPDATE "Cluster" SET score = (SELECT score FROM "Snapshot" WHERE "clusterId" = $1::uuid AND seq = $2) WHERE id = $1::uuid`, [clusterId, M]);

  await step('VACUUM ANALYZE', `VACUUM ANALYZE "Cluster", "Snapshot", "ScoreVersion", "ObjectVersion", "ChangeEvent"`);

  const counts = (
    await client.query(
      `SELECT (SELECT count(*) FROM "Snapshot" WHERE "clusterId" = $1::uuid) AS "Snapshot",
              (SELECT count(*) FROM "ScoreVersion" WHERE "clusterId" = $1::uuid) AS "ScoreVersion",
              (SELECT count(*) FROM "ScoreVersion" WHERE "clusterId" = $1::uuid AND "toSeq" IS NULL) AS "ScoreVersion (current)",
              (SELECT count(*) FROM "ObjectVersion" WHERE "clusterId" = $1::uuid) AS "ObjectVersion",
              (SELECT count(*) FROM "ObjectVersion" WHERE "clusterId" = $1::uuid AND "toSeq" IS NULL) AS "ObjectVersion (current)",
              (SELECT count(*) FROM "ChangeEvent" WHERE "clusterId" = $1::uuid) AS "ChangeEvent"`,
      [clusterId],
    )
  ).rows[0] as Record<string, string>;
  const busy = (
    await client.query(
      `SELECT namespace, kind, name, count(*)::int AS versions FROM "ScoreVersion"
       WHERE "clusterId" = $1::uuid AND scope = 'Workload' GROUP BY namespace, kind, name ORDER BY count(*) DESC, name LIMIT 20`,
      [clusterId],
    )
  ).rows as { namespace: string; kind: string; name: string; versions: number }[];
  return {
    clusterId,
    snapshots: M,
    workloads: W,
    rows: Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)])),
    seedMs: performance.now() - started,
    busyWorkloads: busy,
    query: WORDS[3],
  };
}
