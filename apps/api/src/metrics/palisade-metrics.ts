import type { ClusterFinding, NamespaceFinding } from '@palisade/policy-engine';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ClusterStatus } from '../collectors/cluster-status';

export const COLLECTOR_STATUSES: readonly ClusterStatus[] = ['connecting', 'ok', 'degraded', 'unreachable', 'unauthorized', 'forbidden'];

/** What this replica knows about one cluster when Prometheus scrapes it. */
export interface ClusterView {
  readonly name: string;
  /** This replica collects it: only then are the collector and evaluation series exported. */
  readonly owned: boolean;
  readonly status: ClusterStatus;
  /** Listed and connected (see ClusterCollector.isHealthy). */
  readonly up: boolean;
  /** The latest live evaluation, when there is one. */
  readonly evaluation?: { readonly cluster: ClusterFinding; readonly namespaces: readonly NamespaceFinding[] };
}

/**
 * Palisade's Prometheus metrics in their own registry. Gauges are set from the live state at
 * scrape time (refresh), counters and the histogram as things happen. Only the replica that
 * collects a cluster exports its gauges, so summing over replicas never counts a cluster twice.
 *
 * Cardinality: one series per cluster for the cluster gauges, one per status for
 * palisade_collector_status, and at most `namespaceLimit` namespaces per cluster (the lowest
 * scores) for palisade_namespace_score.
 */
export class PalisadeMetrics {
  readonly registry = new Registry();
  private readonly clusterScore = this.gauge('palisade_cluster_score', 'Cluster isolation score (0-100), from the live evaluation', ['cluster']);
  private readonly unprotected = this.gauge('palisade_unprotected_workloads', 'Workloads whose pods nothing isolates for ingress', ['cluster']);
  private readonly exposed = this.gauge('palisade_exposed_workloads', 'Workloads published to the internet or reachable from every namespace', ['cluster']);
  private readonly published = this.gauge('palisade_published_workloads', 'Workloads the internet reaches through an entry point the policies admit', ['cluster']);
  private readonly workloads = this.gauge('palisade_workloads', 'Workloads scored', ['cluster']);
  private readonly pods = this.gauge('palisade_pods', 'Pods scored (excluded namespaces left out)', ['cluster']);
  private readonly ingressIsolated = this.gauge('palisade_ingress_isolated_percent', 'Percent of scored pods isolated for ingress', ['cluster']);
  private readonly egressIsolated = this.gauge('palisade_egress_isolated_percent', 'Percent of scored pods isolated for egress', ['cluster']);
  private readonly namespaceScore = this.gauge(
    'palisade_namespace_score',
    'Namespace isolation score (0-100); only the lowest-scored namespaces of each cluster (METRICS_NAMESPACE_LIMIT)',
    ['cluster', 'namespace'],
  );
  private readonly collectorStatus = this.gauge('palisade_collector_status', 'Collector status: 1 for the current status, 0 for the others', ['cluster', 'status']);
  private readonly collectorUp = this.gauge('palisade_collector_up', '1 when the collector has listed its cluster and is watching it', ['cluster']);
  private readonly owned = this.gauge('palisade_cluster_owned', '1 when this replica collects the cluster (holds its lock), else 0', ['cluster']);
  private readonly snapshotDuration = new Histogram({
    name: 'palisade_snapshot_duration_seconds',
    help: 'Time to plan and store a snapshot',
    labelNames: ['cluster'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });
  private readonly snapshotFailures = new Counter({
    name: 'palisade_snapshot_failures_total',
    help: 'Snapshots not stored: error (the write failed) or cluster-not-synced (not listed yet)',
    labelNames: ['cluster', 'reason'],
    registers: [this.registry],
  });
  private readonly deliveries = new Counter({
    name: 'palisade_alert_deliveries_total',
    help: 'Alert delivery attempts by channel type and the state they left the delivery in (delivered, pending: retried later, failed)',
    labelNames: ['channel_type', 'status'],
    registers: [this.registry],
  });
  private readonly deliveryFailures = new Counter({
    name: 'palisade_alert_delivery_failures_total',
    help: 'Alert delivery attempts that did not deliver (retried or given up)',
    labelNames: ['channel_type'],
    registers: [this.registry],
  });

  constructor(private readonly namespaceLimit: number) {
    collectDefaultMetrics({ register: this.registry });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  snapshotStored(cluster: string, durationMs: number): void {
    this.snapshotDuration.observe({ cluster }, durationMs / 1000);
  }

  snapshotFailed(cluster: string, reason: 'error' | 'cluster-not-synced'): void {
    this.snapshotFailures.inc({ cluster, reason });
  }

  deliveryAttempted(channelType: string, status: string, ok: boolean): void {
    this.deliveries.inc({ channel_type: channelType, status });
    if (!ok) this.deliveryFailures.inc({ channel_type: channelType });
  }

  /** The exposition text, with gauges set from `clusters` as they are now. */
  async render(clusters: readonly ClusterView[]): Promise<string> {
    this.refresh(clusters);
    return this.registry.metrics();
  }

  private refresh(clusters: readonly ClusterView[]): void {
    for (const g of [this.clusterScore, this.unprotected, this.exposed, this.published, this.workloads, this.pods, this.ingressIsolated, this.egressIsolated, this.namespaceScore, this.collectorStatus, this.collectorUp, this.owned]) {
      g.reset();
    }
    for (const c of clusters) {
      const cluster = c.name;
      this.owned.set({ cluster }, c.owned ? 1 : 0);
      if (!c.owned) continue;
      for (const status of COLLECTOR_STATUSES) this.collectorStatus.set({ cluster, status }, status === c.status ? 1 : 0);
      this.collectorUp.set({ cluster }, c.up ? 1 : 0);
      const e = c.evaluation;
      if (!e) continue;
      if (e.cluster.score !== null) this.clusterScore.set({ cluster }, e.cluster.score);
      this.unprotected.set({ cluster }, e.cluster.unprotectedWorkloads);
      this.exposed.set({ cluster }, e.cluster.exposedWorkloads);
      this.published.set({ cluster }, e.cluster.publishedWorkloads);
      this.workloads.set({ cluster }, e.cluster.workloads);
      this.pods.set({ cluster }, e.cluster.pods);
      this.ingressIsolated.set({ cluster }, e.cluster.ingressIsolatedPercent);
      this.egressIsolated.set({ cluster }, e.cluster.egressIsolatedPercent);
      for (const ns of worstNamespaces(e.namespaces, this.namespaceLimit)) {
        this.namespaceScore.set({ cluster, namespace: ns.name }, ns.score as number);
      }
    }
  }

  private gauge(name: string, help: string, labelNames: string[]): Gauge {
    return new Gauge({ name, help, labelNames, registers: [this.registry] });
  }
}

/** The `limit` lowest-scored namespaces (ties by name), those without pods left out. */
export function worstNamespaces(namespaces: readonly NamespaceFinding[], limit: number): NamespaceFinding[] {
  return namespaces
    .filter((ns) => ns.score !== null)
    .sort((a, b) => (a.score as number) - (b.score as number) || a.name.localeCompare(b.name))
    .slice(0, limit);
}
