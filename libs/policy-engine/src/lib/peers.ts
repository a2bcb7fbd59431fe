import type { ClusterModel, WorkloadKind } from '@palisade/cluster-model';
import { analyze, Analysis } from './analysis';
import type { UniverseOptions } from './universe';

export interface WorkloadPeer {
  readonly namespace: string;
  readonly kind: WorkloadKind;
  readonly name: string;
  /** Pods of the peer workload that can connect (or be connected to). */
  readonly pods: number;
}

export interface WorkloadPeers {
  /** Workloads with at least one pod that can reach a pod of the target on one of its ports. */
  readonly from: readonly WorkloadPeer[];
  /** Workloads the target's pods can reach on one of their ports. */
  readonly to: readonly WorkloadPeer[];
}

/**
 * Who can reach a workload, and whom it can reach, aggregated by workload. Pass an Analysis
 * (from `analyze`) to answer many questions about one cluster without compiling it again.
 */
export function workloadPeers(
  source: ClusterModel | Analysis,
  target: { readonly namespace: string; readonly kind: string; readonly name: string },
  options: UniverseOptions = {},
): WorkloadPeers {
  const { model, universe, evaluator } = 'evaluator' in source ? source : analyze(source, options);
  const isTarget = (i: number) => {
    const pod = model.pods[i];
    return pod.namespace === target.namespace && pod.workload.kind === target.kind && pod.workload.name === target.name;
  };
  const targetClasses = [...new Set(model.pods.map((_, i) => i).filter(isTarget).map((i) => universe.podClassOf[i]))];
  const reachesTarget = new Map<number, boolean>();
  const reachedByTarget = new Map<number, boolean>();
  const from = new Map<string, WorkloadPeer & { pods: number }>();
  const to = new Map<string, WorkloadPeer & { pods: number }>();
  model.pods.forEach((pod, i) => {
    if (isTarget(i)) return;
    const cls = universe.podClassOf[i];
    let inbound = reachesTarget.get(cls);
    if (inbound === undefined) {
      inbound = targetClasses.some((t) => evaluator.portsOf(t).some((p) => evaluator.allows(cls, t, p)));
      reachesTarget.set(cls, inbound);
    }
    let outbound = reachedByTarget.get(cls);
    if (outbound === undefined) {
      outbound = targetClasses.some((t) => evaluator.portsOf(cls).some((p) => evaluator.allows(t, cls, p)));
      reachedByTarget.set(cls, outbound);
    }
    const key = `${pod.namespace}/${pod.workload.kind}/${pod.workload.name}`;
    const add = (into: Map<string, WorkloadPeer & { pods: number }>) => {
      const peer = into.get(key);
      if (peer) peer.pods++;
      else into.set(key, { namespace: pod.namespace, kind: pod.workload.kind, name: pod.workload.name, pods: 1 });
    };
    if (inbound) add(from);
    if (outbound) add(to);
  });
  const sorted = (m: Map<string, WorkloadPeer>) =>
    [...m.values()].sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
  return { from: sorted(from), to: sorted(to) };
}
