import type { Pod, Workload } from './types';
import type { ControllerDraft } from './controllers';

/**
 * Pods that stand in for a workload's replicas when none are in the input, built from the pod
 * templates of `sources` (the workload itself, or its ReplicaSets/Jobs when only those were read).
 */
export function synthesizePods(workload: Workload, sources: readonly ControllerDraft[]): Pod[] {
  const pods: Pod[] = [];
  for (const source of sources) {
    const template = source.template;
    if (template === undefined) continue;
    for (let copy = 0; copy < source.replicas; copy += 1) {
      pods.push({
        namespace: workload.namespace,
        name: syntheticName(workload, pods.length),
        labels: template.labels,
        ips: [],
        ports: template.ports,
        phase: 'Running',
        hostNetwork: template.hostNetwork,
        serviceAccount: template.serviceAccount,
        // No `ready`: a replica that does not exist has no conditions, read as ready.
        workload: { kind: workload.kind, name: workload.name },
        synthetic: true,
        ...(source.source !== undefined && { source: source.source }),
      });
    }
  }
  return pods;
}

/** StatefulSet pods have stable ordinal names, which policies and people both rely on. */
function syntheticName(workload: Workload, index: number): string {
  return workload.kind === 'StatefulSet'
    ? `${workload.name}-${index}`
    : `${workload.name}-synthetic-${index}`;
}
