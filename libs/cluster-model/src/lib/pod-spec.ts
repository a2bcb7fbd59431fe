import type { ContainerPort, Labels } from './types';
import type { Issues } from './issues';
import {
  child,
  item,
  readBoolean,
  readList,
  readOptionalString,
  readRecord,
  readString,
  readStringMap,
} from './field-readers';
import { readPortName, readPortNumber, readProtocol } from './ports';
import { isAbsent, type UnknownRecord } from './unknown-values';

/** What a pod spec tells the model: where it listens and whether it shares the node's network. */
export interface PodSpecFacts {
  readonly ports: readonly ContainerPort[];
  readonly hostNetwork: boolean;
  readonly nodeName?: string;
  /** spec.serviceAccountName (or the deprecated spec.serviceAccount), `default` when unset. */
  readonly serviceAccount: string;
}

/** A workload's pod template, enough to stand in for replicas that are not in the input. */
export interface PodTemplateFacts extends PodSpecFacts {
  readonly labels: Labels;
}

export function readPodSpec(issues: Issues, value: unknown, path: string): PodSpecFacts {
  const spec = readRecord(issues, value, path);
  const hostNetwork =
    readBoolean(issues, spec?.['hostNetwork'], child(path, 'hostNetwork')) ?? false;
  const nodeName = readString(issues, spec?.['nodeName'], child(path, 'nodeName'));
  const serviceAccount =
    readString(issues, spec?.['serviceAccountName'], child(path, 'serviceAccountName')) ||
    readString(issues, spec?.['serviceAccount'], child(path, 'serviceAccount')) ||
    'default';
  return {
    ports: spec === undefined ? [] : readContainerPorts(issues, spec, path, hostNetwork),
    hostNetwork,
    ...(nodeName !== undefined && nodeName !== '' && { nodeName }),
    serviceAccount,
  };
}

/** Ports of `containers` only: init containers finish before the pod serves. */
function readContainerPorts(
  issues: Issues,
  spec: UnknownRecord,
  path: string,
  hostNetwork: boolean,
): ContainerPort[] {
  const containersPath = child(path, 'containers');
  const containers = readList(issues, spec['containers'], containersPath) ?? [];
  const ports: ContainerPort[] = [];
  containers.forEach((container, containerIndex) => {
    const containerPath = item(containersPath, containerIndex);
    const record = readRecord(issues, container, containerPath);
    const portsPath = child(containerPath, 'ports');
    const entries = readList(issues, record?.['ports'], portsPath) ?? [];
    entries.forEach((entry, portIndex) => {
      const port = readContainerPort(issues, entry, item(portsPath, portIndex), hostNetwork);
      if (port !== undefined) ports.push(port);
    });
  });
  return ports;
}

function readContainerPort(
  issues: Issues,
  value: unknown,
  path: string,
  hostNetwork: boolean,
): ContainerPort | undefined {
  const record = readRecord(issues, value, path);
  if (record === undefined) return undefined;
  const port = readPortNumber(issues, record['containerPort'], child(path, 'containerPort'));
  const protocol = readProtocol(issues, record['protocol'], child(path, 'protocol'));
  const nameValue = record['name'];
  const name =
    isAbsent(nameValue) || nameValue === ''
      ? undefined
      : readPortName(issues, nameValue, child(path, 'name'));
  const hostPort = readHostPort(issues, record['hostPort'], child(path, 'hostPort'));
  const hostIP = readOptionalString(issues, record['hostIP'], child(path, 'hostIP'));
  if (port === undefined || protocol === undefined) return undefined;
  if (name === undefined && !(isAbsent(nameValue) || nameValue === '')) return undefined;
  const onNode = hostNetwork
    ? hostNetworkPort(issues, port, hostPort, child(path, 'hostPort'))
    : hostPort;
  return {
    ...(name !== undefined && { name }),
    port,
    protocol,
    // hostIP only narrows a hostPort; without one the kubelet binds nothing on the node.
    ...(onNode !== undefined && { hostPort: onNode, ...(hostIP !== undefined && { hostIP }) }),
  };
}

/** `hostPort`: 0 or absent means none; otherwise a port number (core/v1 ContainerPort.hostPort). */
function readHostPort(issues: Issues, value: unknown, path: string): number | undefined {
  if (isAbsent(value) || value === 0) return undefined;
  return readPortNumber(issues, value, path);
}

/**
 * A pod on the node's network listens on the node itself: the API server defaults hostPort to
 * containerPort (core/v1 SetDefaults_PodSpec) and refuses any other value ("must match
 * `containerPort` when `hostNetwork` is true").
 */
function hostNetworkPort(
  issues: Issues,
  port: number,
  hostPort: number | undefined,
  path: string,
): number | undefined {
  if (hostPort === undefined || hostPort === port) return port;
  issues.report(
    path,
    `invalid port ${hostPort}: must match \`containerPort\` when \`hostNetwork\` is true`,
  );
  return undefined;
}

export function readPodTemplate(
  issues: Issues,
  value: unknown,
  path: string,
): PodTemplateFacts | undefined {
  const template = readRecord(issues, value, path);
  if (template === undefined) return undefined;
  const metadata = readRecord(issues, template['metadata'], child(path, 'metadata'));
  const labels = readStringMap(issues, metadata?.['labels'], child(path, 'metadata.labels')) ?? {};
  const spec = readPodSpec(issues, template['spec'], child(path, 'spec'));
  // A template does not pick a node; keep synthetic pods unscheduled.
  return { labels, ports: spec.ports, hostNetwork: spec.hostNetwork, serviceAccount: spec.serviceAccount };
}
