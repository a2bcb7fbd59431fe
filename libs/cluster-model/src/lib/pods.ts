import type { ContainerPort, Labels, PodPhase, SourceRef } from './types';
import type { Issues } from './issues';
import { managingOwner, type ObjectHeader, type OwnerReference } from './object-header';
import { child, item, readList, readRecord, readString } from './field-readers';
import { parseIpAddress } from './ip-addresses';
import { readPodSpec } from './pod-spec';
import { describeValue, isAbsent, type UnknownRecord } from './unknown-values';

/** A pod as read, before its owner chain is resolved to a workload. */
export interface PodDraft {
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
  readonly ips: readonly string[];
  readonly ports: readonly ContainerPort[];
  readonly phase: PodPhase;
  readonly hostNetwork: boolean;
  readonly nodeName?: string;
  readonly ready?: boolean;
  readonly serviceAccount: string;
  readonly owner?: OwnerReference;
  readonly source?: SourceRef;
}

const PHASES: readonly PodPhase[] = ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'];

/** Kinds that own pods directly; anything else (a Node for mirror pods, a CRD) makes the pod its own workload. */
export const POD_OWNER_KINDS: ReadonlySet<string> = new Set([
  'ReplicaSet',
  'Job',
  'StatefulSet',
  'DaemonSet',
  'ReplicationController',
  'Deployment',
  'CronJob',
]);

export function readPod(header: ObjectHeader): PodDraft {
  const { issues, obj } = header;
  const spec = readPodSpec(issues, obj['spec'], 'spec');
  const status = readRecord(issues, obj['status'], 'status');
  const owner = managingOwner(header.ownerReferences, POD_OWNER_KINDS);
  const ready = readReady(issues, status);
  return {
    namespace: header.namespace ?? '',
    name: header.name,
    labels: header.labels,
    ips: readPodIps(issues, status),
    ports: spec.ports,
    phase: readPhase(issues, status?.['phase']),
    hostNetwork: spec.hostNetwork,
    ...(spec.nodeName !== undefined && { nodeName: spec.nodeName }),
    ...(ready !== undefined && { ready }),
    serviceAccount: spec.serviceAccount,
    ...(owner !== undefined && { owner }),
    ...(header.source !== undefined && { source: header.source }),
  };
}

/** A manifest pod has no status yet: it is Pending until scheduled. */
function readPhase(issues: Issues, value: unknown): PodPhase {
  const phase = readString(issues, value, 'status.phase');
  if (phase === undefined || phase === '') return 'Pending';
  return PHASES.includes(phase as PodPhase) ? (phase as PodPhase) : 'Unknown';
}

const CONDITION_STATUSES = ['True', 'False', 'Unknown'];

/**
 * The status of the Ready condition: Services send traffic only to pods whose Ready condition is
 * True (the EndpointSlice controller uses podutil.IsPodReady), so False and Unknown are not
 * ready. Undefined when there is no Ready condition (a manifest has no status).
 */
function readReady(issues: Issues, status: UnknownRecord | undefined): boolean | undefined {
  const path = 'status.conditions';
  let ready: boolean | undefined;
  (readList(issues, status?.['conditions'], path) ?? []).forEach((entry, index) => {
    const entryPath = item(path, index);
    const record = readRecord(issues, entry, entryPath);
    if (readString(issues, record?.['type'], child(entryPath, 'type')) !== 'Ready') return;
    const value = record?.['status'];
    if (typeof value !== 'string' || !CONDITION_STATUSES.includes(value)) {
      issues.report(
        child(entryPath, 'status'),
        isAbsent(value)
          ? 'is required'
          : `unsupported status ${describeValue(value)}: must be one of ${CONDITION_STATUSES.join(', ')}`,
      );
      return;
    }
    ready = value === 'True';
  });
  return ready;
}

/** status.podIPs lists every family on dual-stack clusters; status.podIP is the first of them. */
function readPodIps(issues: Issues, status: UnknownRecord | undefined): string[] {
  const ips: string[] = [];
  const add = (value: unknown, path: string): void => {
    const ip = readString(issues, value, path);
    if (ip === undefined || ip === '' || ips.includes(ip)) return;
    if (parseIpAddress(ip) === undefined) {
      issues.report(path, `invalid IP address ${JSON.stringify(ip)}`);
    } else ips.push(ip);
  };
  const list = readList(issues, status?.['podIPs'], 'status.podIPs') ?? [];
  list.forEach((entry, index) => {
    const path = item('status.podIPs', index);
    add(readRecord(issues, entry, path)?.['ip'], child(path, 'ip'));
  });
  if (ips.length === 0) add(status?.['podIP'], 'status.podIP');
  return ips;
}
