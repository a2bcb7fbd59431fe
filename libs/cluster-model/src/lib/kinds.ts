/** The kinds Palisade reads, which API groups they come from, and whether they are namespaced. */

export type ReadKind =
  | 'Namespace'
  | 'Node'
  | 'Pod'
  | 'Deployment'
  | 'StatefulSet'
  | 'DaemonSet'
  | 'ReplicaSet'
  | 'Job'
  | 'CronJob'
  | 'ReplicationController'
  | 'Service'
  | 'Ingress'
  | 'NetworkPolicy'
  | 'AdminNetworkPolicy'
  | 'BaselineAdminNetworkPolicy'
  | 'ClusterNetworkPolicy';

interface KindInfo {
  readonly groups: readonly string[];
  readonly namespaced: boolean;
}

const CORE = [''];
const APPS = ['apps', 'extensions'];
const BATCH = ['batch'];
const NETWORKING = ['networking.k8s.io', 'extensions'];
const ADMIN_POLICY = ['policy.networking.k8s.io'];

const KINDS: Readonly<Record<ReadKind, KindInfo>> = {
  Namespace: { groups: CORE, namespaced: false },
  Node: { groups: CORE, namespaced: false },
  Pod: { groups: CORE, namespaced: true },
  ReplicationController: { groups: CORE, namespaced: true },
  Service: { groups: CORE, namespaced: true },
  Deployment: { groups: APPS, namespaced: true },
  StatefulSet: { groups: APPS, namespaced: true },
  DaemonSet: { groups: APPS, namespaced: true },
  ReplicaSet: { groups: APPS, namespaced: true },
  Job: { groups: BATCH, namespaced: true },
  CronJob: { groups: BATCH, namespaced: true },
  Ingress: { groups: NETWORKING, namespaced: true },
  NetworkPolicy: { groups: NETWORKING, namespaced: true },
  AdminNetworkPolicy: { groups: ADMIN_POLICY, namespaced: false },
  BaselineAdminNetworkPolicy: { groups: ADMIN_POLICY, namespaced: false },
  ClusterNetworkPolicy: { groups: ADMIN_POLICY, namespaced: false },
};

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

export type KindClass =
  | { readonly read: true; readonly kind: ReadKind; readonly namespaced: boolean }
  | { readonly read: false; readonly skippedAs: string };

/**
 * Decides whether an object is one Palisade reads. Kind names are not unique across API groups:
 * Calico's `projectcalico.org/v3` NetworkPolicy has a different meaning entirely, so a known kind
 * from a foreign group is skipped under `Kind.group`. A missing apiVersion is trusted (hand-built
 * objects in tests and fixtures often leave it out).
 */
export function classifyKind(kind: string, apiVersion: unknown): KindClass {
  const info = Object.hasOwn(KINDS, kind) ? KINDS[kind as ReadKind] : undefined;
  if (info === undefined) return { read: false, skippedAs: kind };
  if (typeof apiVersion === 'string' && apiVersion !== '') {
    const group = groupOf(apiVersion);
    if (!info.groups.includes(group)) return { read: false, skippedAs: `${kind}.${group}` };
  }
  return { read: true, kind: kind as ReadKind, namespaced: info.namespaced };
}
