import type { ClusterModel } from '@palisade/cluster-model';
import type { AuditReport, CniDetection } from '@palisade/policy-engine';

/** The latest audit of a cluster, kept in memory by the collector's replica. */
export interface Evaluation {
  readonly clusterId: string;
  readonly at: Date;
  readonly durationMs: number;
  /** The collector's generation this evaluation saw (see ClusterCollector.generation). */
  readonly generation: number;
  readonly model: ClusterModel;
  readonly report: AuditReport;
  /** The network plugin whose semantics the audit used, and why (a setting, detection, or assumed). */
  readonly cni: CniDetection;
  /** Input objects that could not be read (named with kind/namespace/name and field). */
  readonly problems: readonly string[];
}
