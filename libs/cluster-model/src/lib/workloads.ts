import type { Pod, Workload, WorkloadKind, WorkloadRef } from './types';
import type { ControllerDraft } from './controllers';
import type { PodDraft } from './pods';
import { synthesizePods } from './synthetic-pods';

/** The label the Deployment controller puts on pods and as the suffix of its ReplicaSets' names. */
const POD_TEMPLATE_HASH = 'pod-template-hash';

const CONTROLLER_KINDS: ReadonlySet<string> = new Set<WorkloadKind>([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
  'CronJob',
  'ReplicationController',
]);

export interface AssembledWorkloads {
  readonly pods: Pod[];
  readonly workloads: Workload[];
}

function key(namespace: string, ref: WorkloadRef): string {
  return `${namespace}/${ref.kind}/${ref.name}`;
}

/**
 * Resolves every pod to its top-most owner, lists the workloads, and stands in for the pods of
 * workloads that have none in the input (a manifest audited before it is applied).
 */
export function assembleWorkloads(
  controllers: readonly ControllerDraft[],
  podDrafts: readonly PodDraft[],
  synthesize = true,
): AssembledWorkloads {
  const byKey = new Map(controllers.map((c) => [key(c.namespace, c), c]));
  const topOf = (c: ControllerDraft): WorkloadRef =>
    c.owner === undefined
      ? { kind: c.kind, name: c.name }
      : { kind: c.owner.kind as WorkloadKind, name: c.owner.name };

  const resolve = (pod: PodDraft): WorkloadRef => {
    const owner = pod.owner;
    if (owner === undefined || !CONTROLLER_KINDS.has(owner.kind)) {
      return { kind: 'Pod', name: pod.name };
    }
    const ownerRef: WorkloadRef = { kind: owner.kind as WorkloadKind, name: owner.name };
    const controller = byKey.get(key(pod.namespace, ownerRef));
    if (controller !== undefined) return topOf(controller);
    return owner.kind === 'ReplicaSet' ? inferDeployment(pod, owner.name) : ownerRef;
  };

  const allPods: Pod[] = podDrafts.map((draft) => toPod(draft, resolve(draft)));
  const livePods = allPods.filter((pod) => pod.phase !== 'Succeeded' && pod.phase !== 'Failed');

  const workloads = new Map<string, Workload>();
  const add = (
    namespace: string,
    ref: WorkloadRef,
    rest: Pick<Workload, 'labels' | 'source'>,
  ): void => {
    const k = key(namespace, ref);
    if (!workloads.has(k)) workloads.set(k, { namespace, kind: ref.kind, name: ref.name, ...rest });
  };
  for (const c of controllers) {
    if (c.owner === undefined) {
      add(c.namespace, c, { labels: c.labels, ...(c.source && { source: c.source }) });
    }
  }
  // Parents known only through a child or a pod still are workloads: the pods point at them.
  for (const c of controllers) {
    if (c.owner !== undefined) add(c.namespace, topOf(c), { labels: {} });
  }
  for (const pod of livePods) {
    const labels = pod.workload.kind === 'Pod' ? pod.labels : {};
    const source = pod.workload.kind === 'Pod' ? pod.source : undefined;
    add(pod.namespace, pod.workload, { labels, ...(source && { source }) });
  }

  // Finished pods still show the workload has pods of its own, so nothing is invented for it.
  const withPods = new Set(allPods.map((pod) => key(pod.namespace, pod.workload)));
  const children = new Map<string, ControllerDraft[]>();
  for (const c of controllers) {
    if (c.owner === undefined) continue;
    const parent = key(c.namespace, topOf(c));
    const siblings = children.get(parent);
    if (siblings === undefined) children.set(parent, [c]);
    else siblings.push(c);
  }
  const synthetic: Pod[] = [];
  for (const [k, workload] of workloads) {
    if (!synthesize || workload.kind === 'Pod' || withPods.has(k)) continue;
    const own = byKey.get(k);
    synthetic.push(
      ...synthesizePods(workload, own !== undefined ? [own] : (children.get(k) ?? [])),
    );
  }
  return { pods: [...livePods, ...synthetic], workloads: [...workloads.values()] };
}

function toPod(draft: PodDraft, workload: WorkloadRef): Pod {
  return {
    namespace: draft.namespace,
    name: draft.name,
    labels: draft.labels,
    ips: draft.ips,
    ports: draft.ports,
    phase: draft.phase,
    hostNetwork: draft.hostNetwork,
    ...(draft.nodeName !== undefined && { nodeName: draft.nodeName }),
    ...(draft.ready !== undefined && { ready: draft.ready }),
    serviceAccount: draft.serviceAccount,
    workload,
    synthetic: false,
    ...(draft.source !== undefined && { source: draft.source }),
  };
}

/**
 * A pod of a ReplicaSet that is not in the input (`kubectl get pods` alone): the Deployment
 * controller names ReplicaSets `<deployment>-<pod-template-hash>` and labels their pods with the
 * hash, so the Deployment can be recovered when both agree.
 */
function inferDeployment(pod: PodDraft, replicaSet: string): WorkloadRef {
  const hash = pod.labels[POD_TEMPLATE_HASH];
  const suffix = `-${hash}`;
  if (
    hash !== undefined &&
    hash !== '' &&
    replicaSet.endsWith(suffix) &&
    replicaSet.length > suffix.length
  ) {
    return { kind: 'Deployment', name: replicaSet.slice(0, -suffix.length) };
  }
  return { kind: 'ReplicaSet', name: replicaSet };
}
