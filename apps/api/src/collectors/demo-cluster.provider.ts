import type { ClusterSource } from '../kubernetes/cluster-source';

/**
 * The built-in demo clusters: fake API servers playing scripted stories (libs/k8s-testing), one
 * with Kubernetes policies and one running Cilium.
 */
export interface DemoCluster {
  start(): Promise<ClusterSource[]>;
  stop(): Promise<void>;
}

export const DEMO_CLUSTER = Symbol('DEMO_CLUSTER');
