/**
 * The shapes the API answers and pushes, shared by the API, the dashboard and scripts.
 * Types and constants only (no dependencies), so any client can import it.
 */

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
}

export type ClusterStatus = 'connecting' | 'ok' | 'degraded' | 'unreachable' | 'unauthorized' | 'forbidden';

export interface ClusterItem {
  readonly id: string;
  readonly name: string;
  readonly source: 'kubeconfig' | 'in-cluster' | 'demo';
  readonly status: ClusterStatus;
  readonly statusReason?: string;
  readonly score: number | null;
  readonly lastSnapshotAt: string | null;
  readonly snapshotIntervalSeconds: number;
}

export interface WorkloadItem {
  readonly namespace: string;
  readonly name: string;
  readonly kind: string;
  readonly ingressIsolated: boolean;
  readonly egressIsolated: boolean;
  readonly reachableFrom: number;
  readonly internetIngress: boolean;
  readonly exposed: boolean;
  readonly unprotected: boolean;
  readonly score: number | null;
  readonly pods: number;
}

/** Every kind of change event, in the order they are documented. */
export const CHANGE_KINDS = [
  'WORKLOAD_ADDED_UNPROTECTED',
  'WORKLOAD_EXPOSED',
  'WORKLOAD_PROTECTED',
  'WORKLOAD_REMOVED',
  'NAMESPACE_LOST_DEFAULT_DENY',
  'NAMESPACE_GAINED_DEFAULT_DENY',
  'POLICY_ADDED',
  'POLICY_CHANGED',
  'POLICY_REMOVED',
  'SCORE_CHANGED',
] as const;

export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface ChangeItem {
  readonly id: string;
  readonly kind: ChangeKind;
  readonly at: string;
  readonly seq: number;
  readonly namespace?: string;
  readonly workload?: string;
  readonly policy?: string;
  readonly details: Record<string, unknown>;
}

/** The cluster's figures after an evaluation (pushed live, within a second of a change). */
export interface ClusterScoreEvent {
  readonly clusterId: string;
  readonly at: string;
  readonly score: number | null;
  readonly pods: number;
  readonly workloads: number;
  readonly unprotectedWorkloads: number;
  readonly exposedWorkloads: number;
  readonly ingressIsolatedPercent: number;
  readonly egressIsolatedPercent: number;
  /** Workloads whose findings changed since the previous evaluation (removed ones excluded). */
  readonly changedWorkloads: readonly WorkloadItem[];
  readonly removedWorkloads: readonly { readonly namespace: string; readonly kind: string; readonly name: string }[];
}

export interface ClusterStatusEvent {
  readonly clusterId: string;
  readonly status: ClusterStatus;
  readonly statusReason?: string;
}

export interface ChangesEvent {
  readonly clusterId: string;
  /** `live`: derived from the last evaluation, not yet stored; `stored`: part of a snapshot. */
  readonly source: 'live' | 'stored';
  readonly changes: readonly Omit<ChangeItem, 'id' | 'seq'>[];
}

export interface SnapshotStoredEvent {
  readonly clusterId: string;
  readonly seq: number;
  readonly at: string;
  readonly score: number | null;
  readonly changes: number;
}

/** socket.io namespace `/live`: every event the server pushes, declared once. */
export interface ServerToClientEvents {
  'cluster:score': (event: ClusterScoreEvent) => void;
  'cluster:status': (event: ClusterStatusEvent) => void;
  'cluster:changes': (event: ChangesEvent) => void;
  'snapshot:stored': (event: SnapshotStoredEvent) => void;
}

export interface ClientToServerEvents {
  /** Join the rooms of these clusters (all clusters when omitted). */
  subscribe: (request: { readonly clusterIds?: readonly string[] }, ack?: (joined: readonly string[]) => void) => void;
}

export const LIVE_NAMESPACE = '/live';
