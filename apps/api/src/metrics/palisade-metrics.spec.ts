import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ClusterFinding, NamespaceFinding } from '@palisade/policy-engine';
import { ClusterView, PalisadeMetrics } from './palisade-metrics';

const cluster = (over: Partial<ClusterFinding> = {}): ClusterFinding => ({
  score: 61.5,
  pods: 14,
  workloads: 9,
  namespaces: 4,
  ingressIsolatedPercent: 92.9,
  egressIsolatedPercent: 21.4,
  unprotectedPods: 1,
  exposedPods: 4,
  unprotectedWorkloads: 1,
  exposedWorkloads: 3,
  publishedWorkloads: 2,
  namespacesWithoutDefaultDenyIngress: 1,
  namespacesWithoutDefaultDenyEgress: 3,
  policies: { networkPolicies: 5, adminNetworkPolicies: 0, baselineAdminNetworkPolicies: 0, clusterNetworkPolicies: 0, ciliumNetworkPolicies: 0, ciliumClusterwideNetworkPolicies: 0, calicoPolicies: 0, notEnforced: 0 },
  podsInCluster: 20,
  excludedNamespaces: ['kube-system'],
  ...over,
});

const ns = (name: string, score: number | null): NamespaceFinding => ({
  name,
  pods: score === null ? 0 : 2,
  workloads: 1,
  networkPolicies: 1,
  defaultDenyIngress: true,
  defaultDenyEgress: false,
  ingressIsolatedPods: 2,
  egressIsolatedPods: 0,
  unprotectedWorkloads: 0,
  exposedWorkloads: 0,
  score,
});

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l.startsWith('palisade_'));
}

describe('Prometheus metrics', () => {
  it('exports the live evaluation and the collector of the clusters this replica collects, and only ownership for the others', async () => {
    const metrics = new PalisadeMetrics(500);
    const views: ClusterView[] = [
      { name: 'prod', owned: true, status: 'ok', up: true, evaluation: { cluster: cluster(), namespaces: [ns('shop', 40), ns('empty', null)] } },
      { name: 'staging', owned: false, status: 'connecting', up: false },
    ];
    const text = lines(await metrics.render(views));
    expect(text).toEqual(
      expect.arrayContaining([
        'palisade_cluster_score{cluster="prod"} 61.5',
        'palisade_unprotected_workloads{cluster="prod"} 1',
        'palisade_exposed_workloads{cluster="prod"} 3',
        'palisade_published_workloads{cluster="prod"} 2',
        'palisade_pods{cluster="prod"} 14',
        'palisade_ingress_isolated_percent{cluster="prod"} 92.9',
        'palisade_egress_isolated_percent{cluster="prod"} 21.4',
        'palisade_namespace_score{cluster="prod",namespace="shop"} 40',
        'palisade_collector_status{cluster="prod",status="ok"} 1',
        'palisade_collector_status{cluster="prod",status="connecting"} 0',
        'palisade_collector_up{cluster="prod"} 1',
        'palisade_cluster_owned{cluster="prod"} 1',
        'palisade_cluster_owned{cluster="staging"} 0',
      ]),
    );
    expect(text.filter((l) => l.startsWith('palisade_collector_status{cluster="prod"'))).toHaveLength(6);
    // A namespace without pods has no score; a cluster another replica collects has no gauges here.
    expect(text.some((l) => l.includes('namespace="empty"'))).toBe(false);
    expect(text.filter((l) => l.includes('cluster="staging"'))).toEqual(['palisade_cluster_owned{cluster="staging"} 0']);
  });

  it('drops the series of a cluster once this replica stops collecting it', async () => {
    const metrics = new PalisadeMetrics(500);
    await metrics.render([{ name: 'prod', owned: true, status: 'ok', up: true, evaluation: { cluster: cluster(), namespaces: [ns('shop', 40)] } }]);
    const after = lines(await metrics.render([{ name: 'prod', owned: false, status: 'ok', up: false }]));
    expect(after).toEqual(['palisade_cluster_owned{cluster="prod"} 0']);
  });

  it('exports only the lowest-scored namespaces of a cluster, up to the limit', async () => {
    const metrics = new PalisadeMetrics(2);
    const namespaces = [ns('a', 90), ns('b', 10), ns('c', 50), ns('d', 10)];
    const text = lines(await metrics.render([{ name: 'prod', owned: true, status: 'ok', up: true, evaluation: { cluster: cluster(), namespaces } }]));
    expect(text.filter((l) => l.startsWith('palisade_namespace_score'))).toEqual([
      'palisade_namespace_score{cluster="prod",namespace="b"} 10',
      'palisade_namespace_score{cluster="prod",namespace="d"} 10',
    ]);
  });

  it('counts snapshots, their failures and delivery attempts, and has the default process metrics', async () => {
    const metrics = new PalisadeMetrics(500);
    metrics.snapshotStored('prod', 120);
    metrics.snapshotFailed('prod', 'error');
    metrics.snapshotFailed('prod', 'cluster-not-synced');
    metrics.deliveryAttempted('webhook', 'delivered', true);
    metrics.deliveryAttempted('slack', 'pending', false);
    metrics.deliveryAttempted('slack', 'failed', false);
    const all = await metrics.render([]);
    expect(lines(all)).toEqual(
      expect.arrayContaining([
        'palisade_snapshot_duration_seconds_bucket{le="0.25",cluster="prod"} 1',
        'palisade_snapshot_duration_seconds_bucket{le="0.1",cluster="prod"} 0',
        'palisade_snapshot_duration_seconds_count{cluster="prod"} 1',
        'palisade_snapshot_failures_total{cluster="prod",reason="error"} 1',
        'palisade_snapshot_failures_total{cluster="prod",reason="cluster-not-synced"} 1',
        'palisade_alert_deliveries_total{channel_type="webhook",status="delivered"} 1',
        'palisade_alert_deliveries_total{channel_type="slack",status="pending"} 1',
        'palisade_alert_delivery_failures_total{channel_type="slack"} 2',
      ]),
    );
    expect(all).toMatch(/^process_cpu_seconds_total /m);
    expect(all).toMatch(/^process_resident_memory_bytes /m);
    expect(metrics.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  });
});

/** The shipped Grafana dashboard (deploy/grafana) must only query metrics Palisade exports. */
describe('Grafana dashboard', () => {
  const file = path.resolve(__dirname, '../../../../deploy/grafana/palisade-dashboard.json');
  type Target = { expr: string; datasource?: { uid?: string } };
  type Panel = { type: string; title: string; datasource?: { uid?: string }; targets?: Target[]; gridPos: { w: number; h: number } };
  const dashboard = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    title: string;
    uid: string;
    schemaVersion: number;
    panels: Panel[];
    templating: { list: { name: string; type: string; query: unknown; datasource?: { uid?: string } }[] };
  };
  const queried = dashboard.panels.filter((p) => p.type !== 'row');

  /** Identifiers of a PromQL expression that name series: not functions, keywords, labels or variables. */
  function metricNames(expr: string): string[] {
    const stripped = expr
      .replace(/"(?:[^"\\]|\\.)*"/g, '""')
      .replace(/\{[^}]*\}/g, ' ')
      .replace(/\[[^\]]*\]/g, ' ')
      .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
      .replace(/\$\w+/g, ' ');
    const keywords = new Set(['by', 'without', 'on', 'ignoring', 'bool', 'and', 'or', 'unless', 'offset', 'group_left', 'group_right']);
    return [...stripped.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)(\s*\()?/g)].filter((m) => !m[2] && !keywords.has(m[1])).map((m) => m[1]);
  }

  it('is a dashboard model with a Prometheus data source variable that every panel uses', () => {
    expect(dashboard).toMatchObject({ title: 'Palisade', uid: 'palisade-overview', schemaVersion: expect.any(Number) });
    const variable = dashboard.templating.list.find((v) => v.type === 'datasource');
    expect(variable).toMatchObject({ name: 'datasource', query: 'prometheus' });
    for (const v of dashboard.templating.list.filter((v) => v.type === 'query')) expect(v.datasource?.uid).toBe('${datasource}');
    expect(queried.length).toBeGreaterThan(10);
    for (const panel of queried) {
      expect(panel.datasource?.uid).toBe('${datasource}');
      expect(panel.targets?.length).toBeGreaterThan(0);
      for (const t of panel.targets ?? []) expect(t.datasource?.uid ?? panel.datasource?.uid).toBe('${datasource}');
      expect(panel.gridPos.w).toBeLessThanOrEqual(24);
    }
  });

  it('queries only metrics in the registry', async () => {
    const metrics = new PalisadeMetrics(500);
    const exported = new Set<string>();
    for (const m of await metrics.registry.getMetricsAsJSON()) {
      exported.add(m.name);
      if (String(m.type) === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) exported.add(m.name + suffix);
    }
    const used = new Set(queried.flatMap((p) => (p.targets ?? []).flatMap((t) => metricNames(t.expr))));
    for (const v of dashboard.templating.list) {
      const q = v.query as { query?: string } | string;
      const text = typeof q === 'string' ? q : (q.query ?? '');
      if (v.type === 'query') used.add(/label_values\(\s*([a-zA-Z_:][\w:]*)/.exec(text)?.[1] ?? text);
    }
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((name) => !exported.has(name))).toEqual([]);
    // Every Palisade metric is on the dashboard.
    const palisade = [...exported].filter((n) => n.startsWith('palisade_') && !/_(bucket|sum)$/.test(n));
    expect(palisade.filter((n) => !used.has(n) && !used.has(`${n}_bucket`) && !used.has(`${n}_count`))).toEqual([]);
  });
});
