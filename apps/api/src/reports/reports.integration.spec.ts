import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { ReportData } from '@palisade/api-contract';
import { createTestDatabase, TestDatabase } from '@palisade/database/testing';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '../config/app-config';
import { planSnapshot } from '../snapshots/snapshot-plan';
import { hashOf, ObjectState, ScoreState } from '../snapshots/snapshot-state';
import { SnapshotsRepository } from '../snapshots/snapshots.repository';
import type { ReportClock } from './clock';
import { ReportMailer } from './report-mailer';
import { pdfText } from './report.fixtures';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';
import { WeeklyReportJob } from './weekly-report.job';


/**
 * Reports against a real PostgreSQL: a cluster history written through the snapshot writer (so
 * its change events are the ones production derives), reports generated for a period, and the
 * weekly job emailing a local SMTP server.
 */
const FROM = new Date('2026-03-02T00:00:00Z');
const TO = new Date('2026-03-09T00:00:00Z');

interface WorkloadSpec {
  readonly namespace: string;
  readonly name: string;
  readonly unprotected?: boolean;
  readonly exposed?: boolean;
  readonly labels?: Record<string, string>;
}

interface ClusterState {
  readonly score: number;
  readonly workloads: readonly WorkloadSpec[];
  /** namespace -> NetworkPolicy names (a namespace with any policy denies both directions here). */
  readonly policies: Readonly<Record<string, readonly string[]>>;
}

class FakeClock implements ReportClock {
  constructor(public t: Date) {}
  now(): Date {
    return this.t;
  }
}

let db: TestDatabase;
const clock = new FakeClock(new Date('2026-03-09T08:00:00Z'));
const mails: { to: string[]; raw: string }[] = [];
let smtp: SMTPServer;
let smtpPort: number;

async function snapshot(clusterId: string, takenAt: Date, state: ClusterState): Promise<void> {
  const snapshots = new SnapshotsRepository(db.prisma);
  const current = await snapshots.loadCurrent(clusterId);
  const namespaces = [...new Set([...state.workloads.map((w) => w.namespace), ...Object.keys(state.policies)])];
  const objects: ObjectState[] = [];
  const scores: ScoreState[] = [];
  for (const ns of namespaces) {
    const data = { labels: { 'kubernetes.io/metadata.name': ns } };
    objects.push({ kind: 'Namespace', namespace: '', name: ns, hash: hashOf(data), data });
    const policies = state.policies[ns] ?? [];
    for (const p of policies) {
      const raw = { metadata: { name: p, namespace: ns }, spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } };
      objects.push({ kind: 'NetworkPolicy', namespace: ns, name: p, hash: hashOf(raw), data: raw });
    }
    const inNs = state.workloads.filter((w) => w.namespace === ns);
    scores.push({
      scope: 'Namespace',
      namespace: ns,
      kind: '',
      name: '',
      score: state.score,
      ingressIsolated: policies.length > 0,
      egressIsolated: policies.length > 0,
      reachableFrom: 0,
      internetIngress: false,
      internetExposure: 'none',
      exposed: inNs.some((w) => w.exposed),
      unprotected: inNs.some((w) => w.unprotected),
      details: {
        pods: inNs.length,
        workloads: inNs.length,
        networkPolicies: policies.length,
        defaultDenyIngress: policies.length > 0,
        defaultDenyEgress: policies.length > 0,
        ingressIsolatedPods: 0,
        egressIsolatedPods: 0,
        unprotectedWorkloads: inNs.filter((w) => w.unprotected).length,
        exposedWorkloads: inNs.filter((w) => w.exposed).length,
      },
    });
  }
  for (const w of state.workloads) {
    const data = { kind: 'Deployment', name: w.name, labels: w.labels ?? {} };
    objects.push({ kind: 'Workload', namespace: w.namespace, name: `Deployment/${w.name}`, hash: hashOf(data), data });
    scores.push({
      scope: 'Workload',
      namespace: w.namespace,
      kind: 'Deployment',
      name: w.name,
      score: w.unprotected ? 0 : 90,
      ingressIsolated: !w.unprotected,
      egressIsolated: !w.unprotected,
      reachableFrom: w.unprotected ? 5 : 0,
      internetIngress: w.exposed === true,
      internetExposure: w.exposed === true ? 'published' : 'none',
      exposed: w.exposed === true,
      unprotected: w.unprotected === true,
      details: { pods: 1, reachableTo: 0, internetEgress: false, policies: (state.policies[w.namespace] ?? []).map((p) => `${w.namespace}/${p}`) },
    });
  }
  const plan = planSnapshot(current, objects, scores, state.score, 5);
  const unprotected = state.workloads.filter((w) => w.unprotected).length;
  await snapshots.write(
    {
      clusterId,
      takenAt,
      trigger: 'schedule',
      durationMs: 1,
      aggregates: {
        pods: 4,
        workloads: state.workloads.length,
        namespaces: namespaces.length,
        policies: Object.values(state.policies).flat().length,
        score: state.score,
        ingressIsolatedPercent: 100 - unprotected * 25,
        egressIsolatedPercent: 100 - unprotected * 25,
        unprotectedWorkloads: unprotected,
        exposedWorkloads: state.workloads.filter((w) => w.exposed).length,
        notEnforcedPolicies: 0,
        cni: 'generic',
        cniEvidence: 'no CNI-specific policy in the input',
      },
      ...plan,
    },
    current.lastSeq,
  );
}

function world(env: Record<string, string> = {}) {
  const config = loadConfig({ LOG_LEVEL: 'silent', SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, REPORT_RECIPIENTS: 'audit@example.com', SMTP_FROM: 'palisade@example.com', ...env });
  const repository = new ReportsRepository(db.prisma);
  const service = new ReportsService(config, clock, repository);
  const job = new WeeklyReportJob(config, clock, service, repository, new ReportMailer(config), new SchedulerRegistry());
  return { service, job, repository };
}

let prodId: string;
let stagingId: string;

beforeAll(async () => {
  Logger.overrideLogger(false);
  db = await createTestDatabase();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 20 * 1024 * 1024,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (d: Buffer) => (raw += d.toString('latin1')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  smtpPort = (smtp.server.address() as AddressInfo).port;

  prodId = (await db.prisma.cluster.create({ data: { name: 'prod', source: 'demo', snapshotIntervalSeconds: 300 } })).id;
  stagingId = (await db.prisma.cluster.create({ data: { name: 'staging', source: 'demo', snapshotIntervalSeconds: 300 } })).id;
  const admin = { namespace: 'legacy', name: 'admin', labels: { team: '<script>alert(1)</script>' } };
  const api = { namespace: 'shop', name: 'api', labels: { owner: 'payments' } };
  // Before the period: api unprotected, legacy guarded by one policy.
  await snapshot(prodId, new Date('2026-03-01T00:00:00Z'), { score: 30, workloads: [{ ...api, unprotected: true }, admin], policies: { legacy: ['allow-admin'] } });
  // In the period: shop gets a default deny (api protected), then legacy loses its policy (admin exposed).
  await snapshot(prodId, new Date('2026-03-03T00:00:00Z'), { score: 55, workloads: [api, admin], policies: { legacy: ['allow-admin'], shop: ['default-deny'] } });
  await snapshot(prodId, new Date('2026-03-05T00:00:00Z'), { score: 50, workloads: [api, { ...admin, unprotected: true, exposed: true }], policies: { shop: ['default-deny'] } });
  // After the period: must not show.
  await snapshot(prodId, new Date('2026-03-10T00:00:00Z'), { score: 90, workloads: [api, admin], policies: { legacy: ['again'], shop: ['default-deny'] } });
  await snapshot(stagingId, new Date('2026-03-04T00:00:00Z'), { score: 80, workloads: [{ namespace: 'web', name: 'site' }], policies: { web: ['deny'] } });
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await db.drop();
});

describe('report generation from the history', () => {
  it('reports a cluster over a period: score then and at the end, what became exposed or protected, policy changes, controls', async () => {
    const { service } = world();
    const report = await service.create({ clusterId: prodId, from: FROM, to: TO });
    expect(report).toMatchObject({ scope: 'cluster', clusterId: prodId, clusterName: 'prod', status: 'ready', trigger: 'manual', from: FROM.toISOString(), to: TO.toISOString() });
    const data = report.data as ReportData;
    expect(data.clusters[0]).toMatchObject({ name: 'prod', scoreStart: 30, scoreEnd: 50, snapshotAt: '2026-03-05T00:00:00.000Z', startSnapshotAt: '2026-03-01T00:00:00.000Z' });
    expect(data.clusters[0]?.series.map((p) => p.score)).toEqual([55, 50]);
    expect(data.summary).toMatchObject({ scoreStart: 30, scoreEnd: 50, workloads: 2, unprotectedWorkloads: 1, exposedWorkloads: 1, becameExposed: 1, becameProtected: 1, policyChanges: 2 });
    expect(data.changes.becameExposed.map((c) => [c.kind, c.namespace, c.workload])).toEqual([['WORKLOAD_EXPOSED', 'legacy', 'Deployment/admin']]);
    expect(data.changes.becameProtected.map((c) => [c.namespace, c.workload])).toEqual([['shop', 'Deployment/api']]);
    expect(data.changes.policyChanges.map((c) => [c.kind, c.policy])).toEqual([
      ['POLICY_ADDED', 'shop/default-deny'],
      ['POLICY_REMOVED', 'legacy/allow-admin'],
    ]);
    expect(data.workloads.map((w) => [w.namespace, w.name, w.owner])).toEqual([
      ['legacy', 'admin', 'team=<script>alert(1)</script>'],
      ['shop', 'api', 'owner=payments'],
    ]);
    const cis = data.controls.find((c) => c.id === 'CIS 5.3.2');
    expect(cis).toMatchObject({ status: 'fail', evidence: { failing: 1, assessed: 2, examples: ['prod/legacy'] } });
  });

  it('reports the fleet with pod-weighted scores over every cluster', async () => {
    const { service } = world();
    const report = await service.create({ from: FROM, to: TO });
    const data = report.data as ReportData;
    expect(report).toMatchObject({ scope: 'fleet', clusterId: null });
    expect(data.clusters.map((c) => [c.name, c.scoreStart, c.scoreEnd])).toEqual([
      ['prod', 30, 50],
      ['staging', 80, 80],
    ]);
    expect([data.summary.scoreStart, data.summary.scoreEnd]).toEqual([55, 65]);
    expect(data.workloads.map((w) => `${w.cluster}/${w.namespace}/${w.name}`)).toEqual(['prod/legacy/admin', 'prod/shop/api', 'staging/web/site']);
  });

  it('lists an active exception and does not count its workload; counts it once the exception expired', async () => {
    const { service } = world();
    const exception = await db.prisma.alertException.create({
      data: { clusterId: prodId, namespace: 'legacy', kind: 'Deployment', name: 'admin', reason: 'public admin portal', owner: 'sec', expiresAt: new Date('2026-03-20T00:00:00Z'), createdAt: new Date('2026-03-01T00:00:00Z') },
    });
    const active = (await service.create({ clusterId: prodId, from: FROM, to: TO })).data as ReportData;
    expect(active.exceptions.map((e) => e.id)).toEqual([exception.id]);
    expect(active.summary).toMatchObject({ unprotectedWorkloads: 0, exposedWorkloads: 0, exceptedWorkloads: 1 });
    expect(active.controls.find((c) => c.id === 'SOC 2 CC6.6')?.status).toBe('pass');

    await db.prisma.alertException.update({ where: { id: exception.id }, data: { expiresAt: new Date('2026-03-08T00:00:00Z') } });
    const expired = (await service.create({ clusterId: prodId, from: FROM, to: TO })).data as ReportData;
    expect(expired.exceptions).toEqual([]);
    expect(expired.summary).toMatchObject({ unprotectedWorkloads: 1, exposedWorkloads: 1, exceptedWorkloads: 0 });
    expect(expired.controls.find((c) => c.id === 'SOC 2 CC6.6')?.status).toBe('fail');
    await db.prisma.alertException.delete({ where: { id: exception.id } });
  });

  it('answers cluster-not-found for an unknown cluster and invalid-request for an empty period', async () => {
    const { service } = world();
    await expect(service.create({ clusterId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'cluster-not-found' });
    await expect(service.create({ from: TO, to: TO })).rejects.toMatchObject({ code: 'invalid-request' });
  });
});

/** The text of a MIME part, decoded (base64 or quoted-printable). */
function parts(raw: string): { type: string; body: Buffer }[] {
  const boundaries = [...raw.matchAll(/boundary="?([^";\r\n]+)"?/g)].map((m) => m[1] as string);
  const out: { type: string; body: Buffer }[] = [];
  for (const b of boundaries) {
    for (const chunk of raw.split(`--${b}`).slice(1)) {
      const split = chunk.indexOf('\r\n\r\n');
      if (split < 0) continue;
      const headers = chunk.slice(0, split);
      const type = /Content-Type:\s*([^;\r\n]+)/i.exec(headers)?.[1]?.trim() ?? '';
      if (type.startsWith('multipart/')) continue;
      const body = chunk.slice(split + 4);
      const encoding = /Content-Transfer-Encoding:\s*(\S+)/i.exec(headers)?.[1]?.toLowerCase();
      if (encoding === 'base64') out.push({ type, body: Buffer.from(body.replace(/\s+/g, ''), 'base64') });
      else if (encoding === 'quoted-printable') {
        const text = body.replace(/=\r\n/g, '');
        const bytes: number[] = [];
        for (let i = 0; i < text.length; i++) {
          if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
            bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
            i += 2;
          } else bytes.push(text.charCodeAt(i));
        }
        out.push({ type, body: Buffer.from(bytes) });
      } else out.push({ type, body: Buffer.from(body, 'latin1') });
    }
  }
  return out;
}

describe('weekly report job', () => {
  it('generates the fleet and each cluster report for the last whole week once, and emails them once with the PDFs attached', async () => {
    const { job } = world();
    mails.length = 0;
    const first = await job.run(new Date('2026-03-09T08:00:00Z'));
    expect([first.from, first.to]).toEqual([FROM, TO]);
    expect(first.reports.map((r) => [r.scope, r.clusterName, r.status])).toEqual([
      ['fleet', null, 'ready'],
      ['cluster', 'prod', 'ready'],
      ['cluster', 'staging', 'ready'],
    ]);
    expect(first.emailed).toBe(true);

    // Twice for the same period (a second replica, a restart later that day): nothing new.
    const second = await job.run(new Date('2026-03-09T17:30:00Z'));
    expect(second.reports.map((r) => r.id)).toEqual(first.reports.map((r) => r.id));
    expect(second.emailed).toBe(false);
    expect(await db.prisma.report.count({ where: { trigger: 'schedule' } })).toBe(3);
    expect(await db.prisma.report.count({ where: { trigger: 'schedule', emailedAt: null } })).toBe(0);

    expect(mails).toHaveLength(1);
    expect(mails[0]?.to).toEqual(['audit@example.com']);
    expect(mails[0]?.raw).toMatch(/Subject: Palisade fleet compliance report, 2026-03-02 to 2026-03-09/);
    const mime = parts(mails[0]?.raw ?? '');
    const html = mime.find((p) => p.type === 'text/html')?.body.toString('utf8') ?? '';
    expect(html).toContain('team=&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script');
    const pdfs = mime.filter((p) => p.type === 'application/pdf');
    expect(pdfs).toHaveLength(3);
    expect(pdfs[0]?.body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdfs[0]?.body as Buffer);
    expect(text).toContain('Palisade fleet compliance report');
    expect(text).toContain('CIS 5.3.2');

    // The next week is a new period.
    const next = await job.run(new Date('2026-03-16T08:00:00Z'));
    expect(next.reports.every((r) => !first.reports.some((f) => f.id === r.id))).toBe(true);
    expect(mails).toHaveLength(2);
  });

  it('stores the reports without emailing when no recipient is configured', async () => {
    const { job } = world({ REPORT_RECIPIENTS: '' });
    mails.length = 0;
    const run = await job.run(new Date('2026-03-23T08:00:00Z'));
    expect(run.reports).toHaveLength(3);
    expect(run.emailed).toBe(false);
    expect(mails).toHaveLength(0);
  });

  it('generates again a scheduled report whose run failed, or died generating more than an hour ago, but not one still generating', async () => {
    const { job } = world({ REPORT_RECIPIENTS: '' });
    const from = new Date('2026-03-23T00:00:00Z');
    const to = new Date('2026-03-30T00:00:00Z');
    const key = (scope: string) => (scope === 'fleet' ? `fleet:${from.toISOString()}:${to.toISOString()}` : `cluster:${scope}:${from.toISOString()}:${to.toISOString()}`);
    const base = { from, to, trigger: 'schedule', summary: {} };
    const failed = await db.prisma.report.create({ data: { ...base, scope: 'fleet', status: 'failed', error: 'boom', periodKey: key('fleet'), createdAt: new Date('2026-03-30T08:00:00Z') } });
    const abandoned = await db.prisma.report.create({
      data: { ...base, scope: 'cluster', clusterId: prodId, clusterName: 'prod', status: 'generating', periodKey: key(prodId), createdAt: new Date('2026-03-30T08:00:00Z') },
    });
    const running = await db.prisma.report.create({
      data: { ...base, scope: 'cluster', clusterId: stagingId, clusterName: 'staging', status: 'generating', periodKey: key(stagingId), createdAt: new Date('2026-03-30T09:10:00Z') },
    });
    // The service judges staleness by its clock: move it to the run's time.
    const before = clock.t;
    clock.t = new Date('2026-03-30T09:30:00Z');
    const run = await job.run().finally(() => (clock.t = before));
    expect(run.reports.map((r) => [r.clusterName, r.status])).toEqual([
      [null, 'ready'],
      ['prod', 'ready'],
      ['staging', 'generating'],
    ]);
    expect(run.reports[0]?.id).not.toBe(failed.id);
    expect(run.reports[1]?.id).not.toBe(abandoned.id);
    expect(run.reports[2]?.id).toBe(running.id);
    expect(await db.prisma.report.count({ where: { from, to } })).toBe(3);
  });

  it('keeps the reports when the email fails, and emails them on a later run for the same period', async () => {
    mails.length = 0;
    const now = new Date('2026-04-06T08:00:00Z');
    const down = await world({ SMTP_URL: 'smtp://127.0.0.1:1' }).job.run(now);
    expect(down.emailed).toBe(false);
    expect(down.reports.map((r) => r.status)).toEqual(['ready', 'ready', 'ready']);
    expect(await db.prisma.report.count({ where: { from: down.from, to: down.to, emailedAt: null } })).toBe(3);
    const up = await world().job.run(now);
    expect(up.emailed).toBe(true);
    expect(up.reports.map((r) => r.id)).toEqual(down.reports.map((r) => r.id));
    expect(mails).toHaveLength(1);
  });
});
