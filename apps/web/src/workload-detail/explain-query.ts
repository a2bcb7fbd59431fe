import type { WorkloadPod } from '@palisade/api-contract';

/**
 * The "Explain a connection" form keeps its state in the URL (`?peer=analytics/Deployment/
 * events-collector&direction=in&port=8080/TCP`): a plain GET form that works without
 * JavaScript, survives a reload and can be shared.
 */

export type SearchParams = Readonly<Record<string, string | string[] | undefined>>;

/** `in`: the peer connects to this workload; `out`: this workload connects to the peer. */
export const DIRECTIONS = ['in', 'out'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export type ExplainPeer =
  | {
      readonly kind: 'workload';
      readonly namespace: string;
      readonly workloadKind: string;
      readonly name: string;
    }
  | { readonly kind: 'pod'; readonly namespace: string; readonly name: string }
  | { readonly kind: 'address'; readonly address: string };

/** What the form shows again: the texts as typed. */
export interface ExplainFields {
  readonly peer: string;
  readonly direction: Direction;
  readonly port: string;
}

export type ExplainInput =
  /** Nothing asked yet: show the empty form. */
  | { readonly state: 'blank' }
  | { readonly state: 'invalid'; readonly problems: readonly string[] }
  | {
      readonly state: 'ready';
      readonly peer: ExplainPeer;
      readonly direction: Direction;
      /** `PORT/PROTOCOL`, as the API takes it. */
      readonly port: string;
    };

const MAX_TEXT = 300;

function first(value: string | string[] | undefined): string {
  const text = Array.isArray(value) ? value[0] : value;
  return (text ?? '').trim().slice(0, MAX_TEXT);
}

/** `8080`, `8080/tcp` -> `8080/TCP`; undefined when it is not a port the API accepts. */
export function normalizePort(text: string): string | undefined {
  const match = /^(\d{1,5})(?:\/(TCP|UDP|SCTP))?$/i.exec(text.trim());
  if (!match) return undefined;
  const port = Number(match[1]);
  if (port < 1 || port > 65_535) return undefined;
  return `${port}/${(match[2] ?? 'TCP').toUpperCase()}`;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isIpAddress(text: string): boolean {
  if (IPV4.test(text)) return true;
  // IPv6: hex groups and colons, at most one `::`, maybe an embedded IPv4 at the end.
  if (!text.includes(':') || !/^[0-9a-f:.]+$/i.test(text)) return false;
  if (text.split('::').length > 2) return false;
  const groups = text.split(':');
  return (
    groups.length >= 3 && groups.length <= 8 && groups.every((g) => g.length <= 4 || IPV4.test(g))
  );
}

/** A workload `namespace/Kind/name`, a pod `namespace/pod`, or an IP address. */
export function parsePeer(text: string): ExplainPeer | undefined {
  if (isIpAddress(text)) return { kind: 'address', address: text };
  const parts = text.split('/');
  if (parts.some((part) => part === '' || /\s/.test(part))) return undefined;
  if (parts.length === 3) {
    const [namespace, workloadKind, name] = parts as [string, string, string];
    return { kind: 'workload', namespace, workloadKind, name };
  }
  if (parts.length === 2) {
    const [namespace, name] = parts as [string, string];
    return { kind: 'pod', namespace, name };
  }
  return undefined;
}

/**
 * Reads the form's state from the URL. `defaultPort` (this workload's first container port)
 * stands in for an empty port field.
 */
export function parseExplainQuery(
  params: SearchParams,
  defaultPort: string | undefined,
): { readonly fields: ExplainFields; readonly input: ExplainInput } {
  const peerText = first(params['peer']);
  const portText = first(params['port']);
  const direction: Direction = first(params['direction']) === 'out' ? 'out' : 'in';
  const fields = { peer: peerText, direction, port: portText || (defaultPort ?? '') };
  if (peerText === '') return { fields, input: { state: 'blank' } };

  const problems: string[] = [];
  const peer = parsePeer(peerText);
  if (!peer) {
    problems.push(
      `"${peerText}" is not a peer: give a workload as namespace/Kind/name (e.g. shop/Deployment/frontend), a pod as namespace/pod, or an IP address (e.g. 8.8.8.8).`,
    );
  }
  const port = portText === '' ? defaultPort : normalizePort(portText);
  if (port === undefined) {
    problems.push(
      portText === ''
        ? 'This workload declares no container port: give one, e.g. 8080/TCP.'
        : `"${portText}" is not a port: give a number from 1 to 65535, with /TCP, /UDP or /SCTP if not TCP (e.g. 8080/TCP).`,
    );
  }
  if (!peer || port === undefined) return { fields, input: { state: 'invalid', problems } };
  return { fields, input: { state: 'ready', peer, direction, port } };
}

/** The first port the workload's pods declare, as `PORT/PROTOCOL`. */
export function defaultPortOf(pods: readonly WorkloadPod[]): string | undefined {
  for (const pod of pods) {
    const port = pod.ports[0];
    if (port) return `${port.port}/${port.protocol.toUpperCase()}`;
  }
  return undefined;
}

/** How the explain API names a pod: `namespace/pod`. Running pods first: a template is a guess. */
export function podEndpoint(namespace: string, pods: readonly WorkloadPod[]): string | undefined {
  const pod = pods.find((p) => !p.synthetic) ?? pods[0];
  return pod ? `${namespace}/${pod.name}` : undefined;
}

/** The explain API's query: the peer on the side the direction says. */
export function explainRequest(
  direction: Direction,
  self: string,
  peer: string,
  port: string,
): { readonly from: string; readonly to: string; readonly port: string } {
  return direction === 'in' ? { from: peer, to: self, port } : { from: self, to: peer, port };
}

/** The peer's text in the form (and in the datalist) for a workload. */
export const peerText = (w: {
  readonly namespace: string;
  readonly kind: string;
  readonly name: string;
}) => `${w.namespace}/${w.kind}/${w.name}`;
