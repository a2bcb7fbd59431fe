import type {
  AdminPort,
  ContainerPort,
  NetworkPolicyPort,
  Protocol,
} from '@palisade/cluster-model';

/** A destination port of a connection. */
export interface PortRef {
  readonly port: number;
  readonly protocol: Protocol;
}

export const MIN_PORT = 1;
export const MAX_PORT = 65535;

/**
 * One port clause of a rule, NetworkPolicy and admin policies alike. A named port is resolved
 * against the destination pod's container ports; `protocol: null` (admin `namedPort`) takes
 * the protocol of the container port.
 */
export type PortMatcher =
  | { readonly kind: 'range'; readonly protocol: Protocol; readonly from: number; readonly to: number }
  | { readonly kind: 'named'; readonly name: string; readonly protocol: Protocol | null };

/** `'all'` when the rule has no port clause (every port of every protocol). */
export type PortSpec = 'all' | readonly PortMatcher[];

export function fromNetworkPolicyPorts(ports: readonly NetworkPolicyPort[]): PortSpec {
  if (ports.length === 0) return 'all';
  return ports.map((p): PortMatcher => {
    if (p.port === undefined) return { kind: 'range', protocol: p.protocol, from: MIN_PORT, to: MAX_PORT };
    if (typeof p.port === 'string') return { kind: 'named', name: p.port, protocol: p.protocol };
    return { kind: 'range', protocol: p.protocol, from: p.port, to: p.endPort ?? p.port };
  });
}

export function fromAdminPorts(ports: readonly AdminPort[] | null): PortSpec {
  if (ports === null) return 'all';
  return ports.map((p): PortMatcher => {
    switch (p.kind) {
      case 'number':
        return { kind: 'range', protocol: p.protocol, from: p.port, to: p.port };
      case 'range':
        return { kind: 'range', protocol: p.protocol, from: p.start, to: p.end };
      case 'named':
        return { kind: 'named', name: p.name, protocol: null };
    }
  });
}

/** Whether a named port clause resolves, on this destination, to exactly this port. */
export function namedPortResolves(
  matcher: { readonly name: string; readonly protocol: Protocol | null },
  target: PortRef,
  destinationPorts: readonly ContainerPort[],
): boolean {
  return destinationPorts.some(
    (cp) =>
      cp.name === matcher.name &&
      cp.port === target.port &&
      cp.protocol === target.protocol &&
      (matcher.protocol === null || matcher.protocol === cp.protocol),
  );
}

/**
 * Whether traffic to `target` matches the clause. `destinationPorts` are the container ports
 * of the destination pod; an address outside the cluster has none, so named ports never match it.
 */
export function portSpecMatches(
  spec: PortSpec,
  target: PortRef,
  destinationPorts: readonly ContainerPort[],
): boolean {
  if (spec === 'all') return true;
  return spec.some((m) =>
    m.kind === 'range'
      ? m.protocol === target.protocol && target.port >= m.from && target.port <= m.to
      : namedPortResolves(m, target, destinationPorts),
  );
}

/** True when the clause can only match through named ports (none numeric). */
export function hasNamedPorts(spec: PortSpec): boolean {
  return spec !== 'all' && spec.some((m) => m.kind === 'named');
}

export function formatPort(target: PortRef): string {
  return `${target.port}/${target.protocol}`;
}

export function describePortSpec(spec: PortSpec): string {
  if (spec === 'all') return 'any port';
  return spec
    .map((m) => {
      if (m.kind === 'named') return `named port "${m.name}"${m.protocol ? `/${m.protocol}` : ''}`;
      if (m.from === MIN_PORT && m.to === MAX_PORT) return `any ${m.protocol} port`;
      return m.from === m.to ? `${m.from}/${m.protocol}` : `${m.from}-${m.to}/${m.protocol}`;
    })
    .join(', ');
}
