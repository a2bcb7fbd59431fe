import type { Labels, SourceRef, WorkloadKind } from './types';
import type { Issues } from './issues';
import { managingOwner, type ObjectHeader, type OwnerReference } from './object-header';
import { child, item, readInteger, readList, readRecord, readString } from './field-readers';
import { readPodTemplate, type PodTemplateFacts } from './pod-spec';
import type { UnknownRecord } from './unknown-values';

export type ControllerKind = Exclude<WorkloadKind, 'Pod'>;

/** A workload controller as read: enough to resolve owner chains and to stand in for its pods. */
export interface ControllerDraft {
  readonly kind: ControllerKind;
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
  /** The Deployment of a ReplicaSet, the CronJob of a Job. */
  readonly owner?: OwnerReference;
  readonly template?: PodTemplateFacts;
  /** How many pods the controller runs when all is well. */
  readonly replicas: number;
  readonly source?: SourceRef;
}

const PARENT_KINDS: Partial<Record<ControllerKind, ReadonlySet<string>>> = {
  ReplicaSet: new Set(['Deployment']),
  Job: new Set(['CronJob']),
};

/** Controllers whose size is spec.replicas; the others run one pod per node or per run. */
const SCALED: ReadonlySet<ControllerKind> = new Set([
  'Deployment',
  'StatefulSet',
  'ReplicaSet',
  'ReplicationController',
]);

export function readController(
  header: ObjectHeader & { readonly kind: ControllerKind },
): ControllerDraft {
  const { issues, obj, kind } = header;
  const spec = readRecord(issues, obj['spec'], 'spec');
  const template =
    kind === 'CronJob'
      ? readCronJobTemplate(issues, spec)
      : readPodTemplate(issues, spec?.['template'], 'spec.template');
  const parents = PARENT_KINDS[kind];
  const owner = parents === undefined ? undefined : managingOwner(header.ownerReferences, parents);
  return {
    kind,
    namespace: header.namespace ?? '',
    name: header.name,
    labels: header.labels,
    ...(owner !== undefined && { owner }),
    ...(template !== undefined && { template }),
    replicas: replicasOf(issues, kind, obj, spec),
    ...(header.source !== undefined && { source: header.source }),
  };
}

function readCronJobTemplate(
  issues: Issues,
  spec: UnknownRecord | undefined,
): PodTemplateFacts | undefined {
  const jobTemplate = readRecord(issues, spec?.['jobTemplate'], 'spec.jobTemplate');
  const jobSpec = readRecord(issues, jobTemplate?.['spec'], 'spec.jobTemplate.spec');
  return readPodTemplate(issues, jobSpec?.['template'], 'spec.jobTemplate.spec.template');
}

function replicasOf(
  issues: Issues,
  kind: ControllerKind,
  obj: UnknownRecord,
  spec: UnknownRecord | undefined,
): number {
  if (SCALED.has(kind)) {
    const replicas = readInteger(issues, spec?.['replicas'], 'spec.replicas');
    if (replicas !== undefined && replicas < 0) {
      issues.report('spec.replicas', `must be greater than or equal to 0, got ${replicas}`);
    }
    return replicas ?? 1;
  }
  // A finished Job runs no pods; standing in for one would invent an exposure that is gone.
  return kind === 'Job' && isFinishedJob(issues, obj) ? 0 : 1;
}

function isFinishedJob(issues: Issues, obj: UnknownRecord): boolean {
  const status = readRecord(issues, obj['status'], 'status');
  if (status === undefined) return false;
  if (typeof status['completionTime'] === 'string') return true;
  const conditions = readList(issues, status['conditions'], 'status.conditions') ?? [];
  return conditions.some((condition, index) => {
    const record = readRecord(issues, condition, item('status.conditions', index));
    const type = readString(
      issues,
      record?.['type'],
      child(item('status.conditions', index), 'type'),
    );
    return (type === 'Complete' || type === 'Failed') && record?.['status'] === 'True';
  });
}
