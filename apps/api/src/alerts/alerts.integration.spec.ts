import { Logger } from '@nestjs/common';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '@palisade/database/testing';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '../config/app-config';
import { planSnapshot } from '../snapshots/snapshot-plan';
import { hashOf, ObjectState, ScoreState } from '../snapshots/snapshot-state';
import { SnapshotsRepository } from '../snapshots/snapshots.repository';
import { AlertEvaluator } from './alert-evaluator';
import { AlertIntake } from './alert-intake';
import { AlertsRepository } from './alerts.repository';
import { AlertmanagerRefreshJob } from './deliveries/alertmanager-refresh.job';
import { ChannelResolver } from './channels/channel-resolver';
import { ChannelSender } from './channels/channel-sender';
import { ChannelsRepository } from './channels/channels.repository';
import { ChannelsService } from './channels/channels.service';
import { SecretBox } from '../secrets/secret-box';
import { signBody } from './channels/formats/webhook.format';
import type { Clock } from '../common/clock';
import { DeliveriesRepository } from './deliveries/deliveries.repository';
import { DeliveriesService } from './deliveries/deliveries.service';
import { DeliveryWorker } from './deliveries/delivery.worker';
import { ExceptionsRepository } from './exceptions/exceptions.repository';
import { ExceptionsService } from './exceptions/exceptions.service';
import { RulesRepository } from './rules/rules.repository';
import { RulesService } from './rules/rules.service';

/**
 * Alerting against a real PostgreSQL and real receivers (node:http, smtp-server): snapshots are
 * written through the snapshot repository, alerts opened in its transaction, moved on by the
 * evaluator and delivered by the worker. Time is a fake clock; "a restart" is a new set of
 * services on the same database.
 */
const KEY = randomBytes(32);
const HMAC = 'webhook-hmac-secret';
const START = Date.parse('2026-03-01T00:00:00Z');
const GRACE = 60_000;

const config = loadConfig({
  ALERT_GRACE: '60s',
  ALERT_RETRY_BASE: '1s',
  ALERT_DELIVERY_ATTEMPTS: '3',
  ALERT_DELIVERY_TIMEOUT: '2s',
  // The receivers of these tests listen on loopback.
  ALERT_ALLOW_PRIVATE_TARGETS: '127.0.0.0/8',
  PALISADE_SECRET_KEY: KEY.toString('hex'),
  PALISADE_PUBLIC_URL: 'http://palisade.example',
  LOG_LEVEL: 'silent',
});

class FakeClock implements Clock {
  constructor(public t: number) {}
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

let db: TestDatabase;
const clock = new FakeClock(START);

/** Every service as the module wires it; a new call is a restarted process. */
function world() {
  const deliveries = new DeliveriesRepository(db.prisma);
  const alerts = new AlertsRepository(db.prisma, deliveries);
  const exceptions = new ExceptionsRepository(db.prisma);
  const intake = new AlertIntake(config, clock, alerts, exceptions);
  const box = new SecretBox(() => KEY);
  const channelsRepo = new ChannelsRepository(db.prisma);
  const resolver = new ChannelResolver(config, box, channelsRepo);
  const sender = new ChannelSender(config, clock);
  const worker = new DeliveryWorker(config, clock, deliveries, resolver, sender);
  return {
    refresh: new AlertmanagerRefreshJob(channelsRepo, deliveries, resolver, sender),
    snapshots: new SnapshotsRepository(db.prisma, intake),
    evaluator: new AlertEvaluator(config, clock, alerts, exceptions),
    worker,
    channels: new ChannelsService(config, clock, box, channelsRepo, deliveries, worker),
    rules: new RulesService(config, new RulesRepository(db.prisma), channelsRepo),
    exceptions: new ExceptionsService(clock, exceptions),
    deliveries: new DeliveriesService(deliveries),
  };
}
type World = ReturnType<typeof world>;

/** One workload of the fake cluster state. */
interface W {
  readonly name: string;
  readonly namespace?: string;
  readonly unprotected?: boolean;
  readonly labels?: Record<string, string>;
}

/** NetworkPolicies of namespace shop, and whether shop has a default-deny ingress policy. */
interface Extra {
  readonly policies?: readonly string[];
  readonly defaultDeny?: boolean;
}

function states(workloads: readonly W[], extra: Extra = {}): { objects: ObjectState[]; scores: ScoreState[] } {
  const objects: ObjectState[] = [];
  const scores: ScoreState[] = [];
  for (const name of extra.policies ?? []) {
    const data = { metadata: { namespace: 'shop', name }, spec: { podSelector: {} } };
    objects.push({ kind: 'NetworkPolicy', namespace: 'shop', name, hash: hashOf(data), data });
  }
  if (extra.defaultDeny !== undefined) {
    scores.push({ scope: 'Namespace', namespace: 'shop', kind: '', name: '', score: 50, ingressIsolated: false, egressIsolated: false, reachableFrom: 0, internetIngress: false, internetExposure: 'none', exposed: false, unprotected: false, details: { defaultDenyIngress: extra.defaultDeny, defaultDenyEgress: false } });
  }
  for (const w of workloads) {
    const namespace = w.namespace ?? 'shop';
    const data = { kind: 'Deployment', name: w.name, labels: { app: w.name, ...(w.labels ?? {}) } };
    objects.push({ kind: 'Workload', namespace, name: `Deployment/${w.name}`, hash: hashOf(data), data });
    const unprotected = w.unprotected ?? false;
    scores.push({
      scope: 'Workload',
      namespace,
      kind: 'Deployment',
      name: w.name,
      score: unprotected ? 0 : 100,
      ingressIsolated: !unprotected,
      egressIsolated: false,
      reachableFrom: unprotected ? 10 : 0,
      internetIngress: false,
      internetExposure: 'none',
      exposed: unprotected,
      unprotected,
      details: { policies: [] },
    });
  }
  return { objects, scores };
}

/** Stores a snapshot of the given workloads, as the snapshot service does. */
async function snapshot(w: World, clusterId: string, workloads: readonly W[], extra: Extra = {}): Promise<string[]> {
  const current = await w.snapshots.loadCurrent(clusterId);
  const { objects, scores } = states(workloads, extra);
  const plan = planSnapshot(current, objects, scores, 80, 5);
  await w.snapshots.write(
    {
      clusterId,
      takenAt: clock.now(),
      trigger: 'schedule',
      durationMs: 1,
      aggregates: { pods: 1, workloads: workloads.length, namespaces: 1, policies: 0, score: 80, ingressIsolatedPercent: 0, egressIsolatedPercent: 0, unprotectedWorkloads: 0, exposedWorkloads: 0, notEnforcedPolicies: 0, cni: 'generic', cniEvidence: 'test' },
      ...plan,
    },
    current.lastSeq,
  );
  return plan.changes.map((c) => `${c.kind} ${c.workload ?? ''}`.trim());
}

interface Received {
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
  readonly status: number;
}

/** A webhook receiver: answers the queued statuses in turn, then 200; `delays` (ms) slow answers down. */
class Receiver {
  readonly requests: Received[] = [];
  readonly delays: number[] = [];
  private constructor(private readonly server: http.Server, readonly statuses: number[]) {}

  static start(port = 0, statuses: number[] = []): Promise<Receiver> {
    return new Promise((resolve) => {
      const server = http.createServer((req, res) => {
        let body = '';
        req.on('data', (d: Buffer) => (body += d.toString()));
        req.on('end', () => {
          const status = receiver.statuses.shift() ?? 200;
          const answer = () => {
            // A request counts once it is answered while the sender still waits.
            if (res.destroyed) return;
            receiver.requests.push({ path: req.url ?? '', headers: req.headers, body, status });
            res.writeHead(status, { 'Content-Type': 'application/json' }).end('{}');
          };
          const delay = receiver.delays.shift() ?? 0;
          if (delay > 0) setTimeout(answer, delay);
          else answer();
        });
      });
      const receiver = new Receiver(server, statuses);
      server.listen(port, '127.0.0.1', () => resolve(receiver));
    });
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook?token=url-token-s3cret`;
  }

  /** Bodies of the requests it accepted (2xx). */
  accepted(): Record<string, unknown>[] {
    return this.requests.filter((r) => r.status < 300).map((r) => JSON.parse(r.body) as Record<string, unknown>);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }
}

async function freePort(): Promise<number> {
  const r = await Receiver.start();
  const port = Number(new URL(r.url).port);
  await r.close();
  return port;
}

let counter = 0;
async function newCluster(): Promise<string> {
  return (await db.prisma.cluster.create({ data: { name: `c${++counter}`, source: 'demo', snapshotIntervalSeconds: 300 } })).id;
}

/** A cluster with a baseline snapshot, a webhook channel to `url` and a rule sending to it. */
async function setup(w: World, url: string, rule: { kinds?: string[]; matchLabels?: Record<string, string> } = {}) {
  const clusterId = await newCluster();
  await snapshot(w, clusterId, [{ name: 'db' }]);
  const channel = await w.channels.create({ type: 'webhook', name: 'hook', url, secret: HMAC });
  await w.rules.create({
    name: 'unprotected workloads',
    enabled: true,
    kinds: (rule.kinds ?? ['WORKLOAD_ADDED_UNPROTECTED']) as never,
    clusterId,
    namespace: null,
    matchLabels: rule.matchLabels ?? null,
    severity: 'critical',
    channelIds: [channel.id],
  });
  return { clusterId, channelId: channel.id };
}

const alertsOf = (clusterId: string) => db.prisma.alert.findMany({ where: { clusterId }, orderBy: { openedAt: 'asc' } });

/** The evaluator, then the worker: one tick of both jobs. */
async function tick(w: World): Promise<void> {
  await w.evaluator.evaluate();
  await w.worker.runOnce();
}

beforeAll(async () => {
  Logger.overrideLogger(false);
  db = await createTestDatabase();
});

afterEach(async () => {
  // Each test's alerts stay its own: what is left open would be moved on by the next test's ticks.
  await db.prisma.alert.deleteMany();
  await db.prisma.alertDelivery.deleteMany();
});

afterAll(async () => {
  await db?.drop();
});

describe('alerts with a grace period', () => {
  it('sends nothing for an exposure that is fixed within the grace period', async () => {
    const w = world();
    const receiver = await Receiver.start();
    const { clusterId } = await setup(w, receiver.url);
    expect(await snapshot(w, clusterId, [{ name: 'db' }, { name: 'web', unprotected: true }])).toEqual(['WORKLOAD_ADDED_UNPROTECTED Deployment/web']);
    expect((await alertsOf(clusterId)).map((a) => a.status)).toEqual(['pending']);

    clock.advance(GRACE / 2);
    await tick(w);
    expect((await alertsOf(clusterId)).map((a) => a.status)).toEqual(['pending']);
    await snapshot(w, clusterId, [{ name: 'db' }, { name: 'web' }]);
    clock.advance(GRACE);
    await tick(w);

    expect((await alertsOf(clusterId)).map((a) => a.status)).toEqual(['cancelled']);
    expect(receiver.requests).toEqual([]);
    expect(await db.prisma.alertDelivery.count({ where: { alert: { clusterId } } })).toBe(0);
    await receiver.close();
  });

  it('fires once for an exposure that lasts, signed, not again when seen again, and resolves once when fixed', async () => {
    const w = world();
    const receiver = await Receiver.start();
    const { clusterId, channelId } = await setup(w, receiver.url);
    await snapshot(w, clusterId, [{ name: 'db' }, { name: 'web', unprotected: true, labels: { team: '<script>x</script>' } }]);
    // The workload goes and comes back unprotected before the grace ends: still one open alert.
    await snapshot(w, clusterId, [{ name: 'db' }]);
    await snapshot(w, clusterId, [{ name: 'db' }, { name: 'web', unprotected: true, labels: { team: '<script>x</script>' } }]);
    expect(await alertsOf(clusterId)).toHaveLength(1);

    clock.advance(GRACE + 1);
    await tick(w);
    await tick(w);
    expect((await alertsOf(clusterId)).map((a) => a.status)).toEqual(['firing']);
    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request.headers['x-palisade-signature']).toBe(signBody(request.body, HMAC));
    const alertId = (await alertsOf(clusterId))[0].id;
    expect(request.headers['idempotency-key']).toBe(`${alertId}:firing:${channelId}`);
    expect(JSON.parse(request.body)).toMatchObject({ id: alertId, status: 'firing', kind: 'WORKLOAD_ADDED_UNPROTECTED', severity: 'critical', cluster: expect.any(String), namespace: 'shop', workload: 'Deployment/web', url: expect.stringContaining('http://palisade.example/clusters/') });

    // Seen again while firing (another event for the same subject): no second alert, no second message.
    await snapshot(w, clusterId, [{ name: 'db' }, { name: 'web', unprotected: true, labels: { team: 'other' } }]);
    await w.snapshots.write({ clusterId, takenAt: clock.now(), trigger: 'manual', durationMs: 1, aggregates: { pods: 1, workloads: 2, namespaces: 1, policies: 0, score: 80, ingressIsolatedPercent: 0, egressIsolatedPercent: 0, unprotectedWorkloads: 1, exposedWorkloads: 1, notEnforcedPolicies: 0, cni: 'generic', cniEvidence: 'test' }, closeObjects: [], openObjects: [], closeScores: [], openScores: [], changes: [{ kind: 'WORKLOAD_ADDED_UNPROTECTED', namespace: 'shop', workload: 'Deployment/web', details: {} }] }, (await w.snapshots.loadCurrent(clusterId)).lastSeq);
    clock.advance(GRACE + 1);
    await tick(w);
    expect(await alertsOf(clusterId)).toHaveLength(1);
    expect(receiver.requests).toHaveLength(1);

    await snapshot(w, clusterId, [{ name: 'db' }, { name: 'web' }]);
    await tick(w);
    await tick(w);
    expect((await alertsOf(clusterId)).map((a) => a.status)).toEqual(['resolved']);
    expect(receiver.accepted().map((b) => b['status'])).toEqual(['firing', 'resolved']);
    expect(receiver.requests[1].headers['x-palisade-signature']).toBe(signBody(receiver.requests[1].body, HMAC));
    await receiver.close();
  });

  it('holds alerts about a workload under an active exception, fires them if it expires first, and alerts only on workloads the rule selects by label', async () => {
    const w = world();
    const receiver = await Receiver.start();
    const { clusterId } = await setup(w, receiver.url, { matchLabels: { team: 'payments' } });
    await w.exceptions.create({ clusterId, namespace: 'shop', kind: 'Deployment', name: 'public', reason: 'the storefront is public', owner: 'web-team', expiresAt: new Date(clock.t + 3 * GRACE).toISOString() });
    await w.exceptions.create({ clusterId: null, namespace: 'shop', kind: 'Deployment', name: 'old', reason: 'expired', owner: 'x', expiresAt: new Date(clock.t - 1000).toISOString() });
    await snapshot(w, clusterId, [
      { name: 'db' },
      { name: 'public', unprotected: true, labels: { team: 'payments' } },
      { name: 'old', unprotected: true, labels: { team: 'payments' } },
      { name: 'other', unprotected: true, labels: { team: 'search' } },
    ]);
    const statuses = async () => Object.fromEntries((await alertsOf(clusterId)).map((a) => [a.workload, a.status]));
    expect(await statuses()).toEqual({ 'Deployment/public': 'suppressed', 'Deployment/old': 'pending' });
    expect((await w.exceptions.list(true, 50, 0)).items.map((e) => e.name)).toContain('public');
    expect((await w.exceptions.list(false, 50, 0)).items.map((e) => e.name)).toEqual(['old']);

    clock.advance(GRACE + 1);
    await tick(w);
    expect(await statuses()).toEqual({ 'Deployment/public': 'suppressed', 'Deployment/old': 'firing' });
    expect(receiver.accepted().map((b) => b['workload'])).toEqual(['Deployment/old']);

    // The exception expires while the workload is still unprotected: now it is alerted on.
    clock.advance(2 * GRACE);
    await tick(w);
    expect(await statuses()).toEqual({ 'Deployment/public': 'firing', 'Deployment/old': 'firing' });
    expect(receiver.accepted().map((b) => b['workload'])).toEqual(['Deployment/old', 'Deployment/public']);
    await receiver.close();
  });
});

describe('an exception made during the grace period', () => {
  it('keeps the pending alert from firing', async () => {
    const w = world();
    const receiver = await Receiver.start();
    const { clusterId } = await setup(w, receiver.url);
    await snapshot(w, clusterId, [{ name: 'db' }, { name: 'web', unprotected: true }]);
    const exception = await w.exceptions.create({ clusterId, namespace: 'shop', kind: 'Deployment', name: 'web', reason: 'demo', owner: 'me', expiresAt: null });
    clock.advance(GRACE + 1);
    await tick(w);
    expect((await alertsOf(clusterId)).map((a) => a.status)).toEqual(['suppressed']);
    expect(receiver.requests).toHaveLength(0);
    // Removed while the workload is still unprotected: the alert fires.
    await w.exceptions.remove(exception.id);
    await tick(w);
    expect(receiver.accepted().map((b) => b['status'])).toEqual(['firing']);
    await receiver.close();
  });
});

describe('alerts about namespaces and policies', () => {
  it('fires when a namespace loses its default deny and a policy is removed, and resolves both when they are back', async () => {
    const w = world();
    const receiver = await Receiver.start();
    const clusterId = await newCluster();
    const both = { policies: ['default-deny', 'allow-web'], defaultDeny: true };
    await snapshot(w, clusterId, [{ name: 'db' }], both);
    const channel = await w.channels.create({ type: 'webhook', name: 'hook', url: receiver.url });
    await w.rules.create({ name: 'guard rails', enabled: true, kinds: ['NAMESPACE_LOST_DEFAULT_DENY', 'POLICY_REMOVED'], clusterId, namespace: 'shop', matchLabels: null, severity: 'warning', channelIds: [channel.id] });

    expect(await snapshot(w, clusterId, [{ name: 'db' }], { policies: ['allow-web'], defaultDeny: false })).toEqual(
      expect.arrayContaining(['NAMESPACE_LOST_DEFAULT_DENY', 'POLICY_REMOVED']),
    );
    clock.advance(GRACE + 1);
    await tick(w);
    expect(receiver.accepted().map((b) => `${b['status']} ${b['kind']}`).sort()).toEqual(['firing NAMESPACE_LOST_DEFAULT_DENY', 'firing POLICY_REMOVED']);

    await snapshot(w, clusterId, [{ name: 'db' }], both);
    await tick(w);
    expect((await alertsOf(clusterId)).map((a) => a.status)).toEqual(['resolved', 'resolved']);
    expect(receiver.accepted().filter((b) => b['status'] === 'resolved')).toHaveLength(2);

    // Deleting the channel takes it out of the rule.
    await w.channels.remove(channel.id);
    expect((await db.prisma.alertRule.findFirstOrThrow({ where: { clusterId } })).channelIds).toEqual([]);
    await receiver.close();
  });
});

describe('Alertmanager', () => {
  it('posts to /api/v2/alerts, re-sends while firing (so resolve_timeout does not end it), and ends it with endsAt', async () => {
    const w = world();
    const receiver = await Receiver.start();
    const clusterId = await newCluster();
    await snapshot(w, clusterId, [{ name: 'db' }]);
    const base = new URL(receiver.url).origin;
    const channel = await w.channels.create({ type: 'alertmanager', name: 'am', url: base });
    await w.rules.create({ name: 'am', enabled: true, kinds: ['WORKLOAD_ADDED_UNPROTECTED'], clusterId, namespace: null, matchLabels: null, severity: 'critical', channelIds: [channel.id] });
    await snapshot(w, clusterId, [{ name: 'db' }, { name: 'web', unprotected: true }]);
    clock.advance(GRACE + 1);
    await tick(w);
    expect(await w.refresh.run()).toBe(1);
    await snapshot(w, clusterId, [{ name: 'db' }, { name: 'web' }]);
    await tick(w);
    expect(await w.refresh.run()).toBe(0);

    expect(receiver.requests.map((r) => r.path)).toEqual(['/api/v2/alerts', '/api/v2/alerts', '/api/v2/alerts']);
    const alerts = receiver.requests.map((r) => (JSON.parse(r.body) as Record<string, unknown>[])[0]);
    expect(alerts.map((a) => 'endsAt' in a)).toEqual([false, false, true]);
    expect(new Set(alerts.map((a) => JSON.stringify([a['labels'], a['startsAt']]))).size).toBe(1);
    expect(alerts[0]['labels']).toMatchObject({ alertname: 'PalisadeWorkloadAddedUnprotected', severity: 'critical', namespace: 'shop', workload: 'Deployment/web' });
    await receiver.close();
  });
});

describe('chat channels over HTTP', () => {
  it('posts Slack and Teams messages their receivers accept, with the cluster\'s text escaped', async () => {
    const w = world();
    const slack = await Receiver.start();
    const teams = await Receiver.start();
    const clusterId = await newCluster();
    await snapshot(w, clusterId, [{ name: 'db' }]);
    const channels = [
      await w.channels.create({ type: 'slack', name: 'slack', url: slack.url }),
      await w.channels.create({ type: 'teams', name: 'teams', url: teams.url }),
    ];
    await w.rules.create({ name: 'chat', enabled: true, kinds: ['WORKLOAD_ADDED_UNPROTECTED'], clusterId, namespace: null, matchLabels: null, severity: 'warning', channelIds: channels.map((c) => c.id) });
    await snapshot(w, clusterId, [{ name: 'db' }, { name: 'web', unprotected: true, labels: { owner: '<script>alert(1)</script>' } }]);
    clock.advance(GRACE + 1);
    await tick(w);

    expect(slack.requests).toHaveLength(1);
    const slackBody = JSON.parse(slack.requests[0].body) as { text: string; blocks: { type: string }[] };
    expect(slack.requests[0].headers['content-type']).toBe('application/json');
    expect(typeof slackBody.text).toBe('string');
    expect(slackBody.blocks.map((b) => b.type)).toEqual(['section', 'section', 'context']);
    expect(slack.requests[0].body).toContain('&lt;script&gt;');
    expect(slack.requests[0].body).not.toContain('<script>');

    expect(teams.requests).toHaveLength(1);
    const teamsBody = JSON.parse(teams.requests[0].body) as Record<string, unknown>;
    expect(teamsBody).toMatchObject({ '@type': 'MessageCard', '@context': 'https://schema.org/extensions' });
    expect(teams.requests[0].body).not.toContain('<script>');
    for (const r of [slack, teams]) expect(r.requests[0].headers['idempotency-key']).toMatch(/:firing:/);
    await slack.close();
    await teams.close();
  });
});

describe('a slow receiver', () => {
  it('times out the slow attempt, retries, and the receiver gets the alert once', async () => {
    const w = world();
    const receiver = await Receiver.start();
    // Slower than ALERT_DELIVERY_TIMEOUT (2 s) once, then quick.
    receiver.delays.push(3_000);
    const { clusterId, channelId } = await setup(w, receiver.url);
    await snapshot(w, clusterId, [{ name: 'db' }, { name: 'web', unprotected: true }]);
    clock.advance(GRACE + 1);
    await tick(w);
    const [pending] = (await w.deliveries.list({ channelId, limit: 10, offset: 0 })).items;
    expect(pending).toMatchObject({ status: 'pending', attempts: 1 });
    expect(pending.log[0]).toMatchObject({ ok: false, statusCode: null });
    expect(pending.log[0].error).toBe('could not connect');

    // The late answer to the abandoned attempt is not a delivery.
    await new Promise((r) => setTimeout(r, 1_200));
    expect(receiver.requests).toHaveLength(0);
    clock.advance(2_000);
    await w.worker.runOnce();
    expect(receiver.accepted()).toHaveLength(1);
    const [delivered] = (await w.deliveries.list({ channelId, limit: 10, offset: 0 })).items;
    expect(delivered).toMatchObject({ status: 'delivered', attempts: 2 });
    await receiver.close();
  }, 20_000);
});

describe('the delivery outbox', () => {
  it('retries a receiver answering 503 until it accepts: one accepted delivery, every attempt logged', async () => {
    const w = world();
    const receiver = await Receiver.start(0, [503]);
    const { clusterId, channelId } = await setup(w, receiver.url);
    await snapshot(w, clusterId, [{ name: 'db' }, { name: 'web', unprotected: true }]);
    clock.advance(GRACE + 1);
    await tick(w);
    expect(receiver.requests.map((r) => r.status)).toEqual([503]);
    const [pending] = (await w.deliveries.list({ channelId, limit: 10, offset: 0 })).items;
    expect(pending).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 503' });
    // Not due before its backoff (0.5 to 1 s after the first failure).
    await w.worker.runOnce();
    expect(receiver.requests).toHaveLength(1);

    clock.advance(1001);
    await w.worker.runOnce();
    clock.advance(60_000);
    await tick(w);
    expect(receiver.requests.map((r) => r.status)).toEqual([503, 200]);
    expect(new Set(receiver.requests.map((r) => r.headers['idempotency-key'])).size).toBe(1);
    expect(receiver.accepted()).toHaveLength(1);
    const [delivered] = (await w.deliveries.list({ channelId, limit: 10, offset: 0 })).items;
    expect(delivered).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(delivered.log.map((a) => [a.attempt, a.ok, a.statusCode])).toEqual([
      [1, false, 503],
      [2, true, 200],
    ]);
    await receiver.close();
  });

  it('gives up as failed after ALERT_DELIVERY_ATTEMPTS, and does not retry a 4xx other than 429', async () => {
    const w = world();
    const receiver = await Receiver.start(0, [500, 500, 500]);
    const { clusterId, channelId } = await setup(w, receiver.url);
    await snapshot(w, clusterId, [{ name: 'db' }, { name: 'web', unprotected: true }]);
    clock.advance(GRACE + 1);
    for (let i = 0; i < 5; i++) {
      await tick(w);
      clock.advance(10_000);
    }
    expect(receiver.requests.map((r) => r.status)).toEqual([500, 500, 500]);
    const [failed] = (await w.deliveries.list({ channelId, status: 'failed', limit: 10, offset: 0 })).items;
    expect(failed.log.map((a) => a.statusCode)).toEqual([500, 500, 500]);

    // A 404 is a misconfiguration, not an outage: failed at once.
    receiver.statuses.push(404);
    await snapshot(w, clusterId, [{ name: 'db' }, { name: 'web', unprotected: true }, { name: 'api', unprotected: true }]);
    clock.advance(GRACE + 1);
    for (let i = 0; i < 3; i++) {
      await tick(w);
      clock.advance(10_000);
    }
    expect(receiver.requests.map((r) => r.status)).toEqual([500, 500, 500, 404]);
    expect((await w.deliveries.list({ channelId, status: 'failed', limit: 10, offset: 0 })).items.map((d) => d.attempts)).toEqual([1, 3]);
    await receiver.close();
  });

  it('loses nothing across restarts and while the receiver is down: delivered once when it comes back', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/hook`;
    const first = world();
    const { clusterId, channelId } = await setup(first, url);
    await snapshot(first, clusterId, [{ name: 'db' }, { name: 'web', unprotected: true }]);

    // Restart during the grace period: the pending alert is in the database.
    const second = world();
    clock.advance(GRACE + 1);
    await tick(second);
    expect((await alertsOf(clusterId)).map((a) => a.status)).toEqual(['firing']);
    const [down] = (await second.deliveries.list({ channelId, limit: 10, offset: 0 })).items;
    expect(down).toMatchObject({ status: 'pending', attempts: 1 });
    expect(down.log[0].error).toBe('could not connect');

    // Restart while the receiver is down; it comes back on the same port.
    const third = world();
    const receiver = await Receiver.start(port);
    clock.advance(5_000);
    await tick(third);
    await tick(third);
    clock.advance(60_000);
    await tick(third);
    expect(receiver.accepted().map((b) => b['status'])).toEqual(['firing']);
    expect((await third.deliveries.list({ channelId, limit: 10, offset: 0 })).items[0]).toMatchObject({ status: 'delivered', attempts: 2 });
    await receiver.close();
  });

  it('two workers on the same outbox deliver each notification once', async () => {
    const receiver = await Receiver.start();
    const a = world();
    const b = world();
    const { clusterId } = await setup(a, receiver.url);
    await snapshot(a, clusterId, [{ name: 'db' }, ...['w1', 'w2', 'w3', 'w4', 'w5'].map((name) => ({ name, unprotected: true }))]);
    clock.advance(GRACE + 1);
    await Promise.all([a.evaluator.evaluate(), b.evaluator.evaluate()]);
    await Promise.all([a.worker.runOnce(), b.worker.runOnce()]);
    expect(receiver.requests).toHaveLength(5);
    expect(new Set(receiver.requests.map((r) => r.headers['idempotency-key'])).size).toBe(5);
    await receiver.close();
  });
});

describe('channels', () => {
  it('never answers a secret: URL host only, hasSecret, sealed in the database', async () => {
    const w = world();
    const receiver = await Receiver.start();
    const created = await w.channels.create({ type: 'webhook', name: 'hook', url: receiver.url, secret: 'hmac-s3cret-value' });
    const answers = [created, await w.channels.get(created.id), (await w.channels.list(100, 0)).items];
    for (const answer of answers) {
      const text = JSON.stringify(answer);
      expect(text).not.toContain('url-token-s3cret');
      expect(text).not.toContain('hmac-s3cret-value');
      expect(text).not.toContain('/hook');
    }
    expect(created).toMatchObject({ type: 'webhook', target: new URL(receiver.url).host, hasSecret: true });
    const row = await db.prisma.alertChannel.findUniqueOrThrow({ where: { id: created.id } });
    expect(JSON.stringify(row)).not.toContain('s3cret');

    // A PUT without the secrets keeps them: the test send still reaches the receiver, signed.
    await w.channels.update(created.id, { type: 'webhook', name: 'renamed' });
    expect(await w.channels.test(created.id)).toMatchObject({ ok: true, statusCode: 200 });
    expect(receiver.requests[0].headers['x-palisade-signature']).toBe(signBody(receiver.requests[0].body, 'hmac-s3cret-value'));
    await receiver.close();
  });

  it('emails through SMTP with the sealed password', async () => {
    const mails: { to: string[]; raw: string }[] = [];
    const smtp = new SMTPServer({
      authOptional: false,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === 'alerts' && auth.password === 'smtp-pa55') callback(null, { user: 'alerts' });
        else callback(new Error('invalid credentials'));
      },
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (d: Buffer) => (raw += d.toString()));
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    const port = (smtp.server.address() as AddressInfo).port;
    const w = world();
    const channel = await w.channels.create({ type: 'email', name: 'ops mail', host: '127.0.0.1', port, secure: false, user: 'alerts', password: 'smtp-pa55', from: 'palisade@example.com', to: ['ops@example.com'] });
    expect(JSON.stringify(channel)).not.toContain('smtp-pa55');
    expect(channel).toMatchObject({ target: '127.0.0.1', hasSecret: true });

    const clusterId = await newCluster();
    await snapshot(w, clusterId, [{ name: 'db' }]);
    await w.rules.create({ name: 'mail', enabled: true, kinds: ['WORKLOAD_ADDED_UNPROTECTED'], clusterId, namespace: 'sh*', matchLabels: null, severity: 'warning', channelIds: [channel.id] });
    await snapshot(w, clusterId, [{ name: 'db' }, { name: 'web', unprotected: true, labels: { owner: '<b>mallory</b>' } }]);
    clock.advance(GRACE + 1);
    await tick(w);
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toEqual(['ops@example.com']);
    expect(mails[0].raw).toMatch(/Subject: \[Palisade\] WARNING: WORKLOAD_ADDED_UNPROTECTED/);
    expect(mails[0].raw).toContain('X-Palisade-Delivery:');
    expect(mails[0].raw).toContain('&lt;b&gt;mallory&lt;/b&gt;');

    // A wrong password fails the delivery instead of sending.
    const wrong = await w.channels.create({ type: 'email', name: 'bad', host: '127.0.0.1', port, user: 'alerts', password: 'nope', from: 'palisade@example.com', to: ['ops@example.com'] });
    expect((await w.channels.test(wrong.id)).ok).toBe(false);
    expect(mails).toHaveLength(1);
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });
});
