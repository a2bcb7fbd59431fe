/** What the dashboard and /api/clusters say about a collector. */
export type ClusterStatus = 'connecting' | 'ok' | 'degraded' | 'unreachable' | 'unauthorized' | 'forbidden';

export interface ClusterState {
  readonly status: ClusterStatus;
  /** Why the status is not ok, in words an operator can act on. */
  readonly reason?: string;
}
