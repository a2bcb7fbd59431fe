import type { ClusterSource } from '../kubernetes/cluster-source';

/** The built-in demo cluster: a fake API server playing a scripted story (libs/k8s-testing). */
export interface DemoCluster {
  start(): Promise<ClusterSource>;
  stop(): Promise<void>;
}

export const DEMO_CLUSTER = Symbol('DEMO_CLUSTER');
