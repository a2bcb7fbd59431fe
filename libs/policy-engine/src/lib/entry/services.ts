import type { ClusterModel, Pod, Protocol, Service, ServicePort } from '@palisade/cluster-model';
import { addressKey, type AddressRange, cidrRange, isInternetAddress } from '../addresses';

/**
 * What a Service leads to and how the internet gets in: its endpoints (pod and pod-side port
 * for each Service port) and its fronts (load balancer, node ports, external IPs), and the
 * fronts pods open themselves (hostPort, hostNetwork). Pure reading of the objects; whether
 * the policies let the traffic through is decided by the caller.
 */

export interface ServiceEndpoint {
  readonly pod: number;
  readonly servicePort: ServicePort;
  /** The port on the pod (a named targetPort resolved on that pod). */
  readonly targetPort: number;
}

/** Who the pod sees as the source of traffic through a front. */
export type FrontSource =
  /** The internet client itself, limited to some ranges (a load balancer's source ranges) when given. */
  | { readonly kind: 'internet'; readonly ranges: readonly AddressRange[] }
  /** A node's address: `externalTrafficPolicy: Cluster` rewrites the source on the way. */
  | { readonly kind: 'node' }
  /** No policy applies (a host-network pod is the node). */
  | { readonly kind: 'unrestricted' };

export interface Front {
  readonly kind: 'LoadBalancer' | 'NodePort' | 'ExternalIP' | 'HostPort' | 'HostNetwork';
  /** `namespace/name` of the Service, or of the pod for HostPort and HostNetwork. */
  readonly name: string;
  /** The port internet clients connect to. */
  readonly port: number;
  readonly protocol: Protocol;
  /** The port on the pod. */
  readonly targetPort: number;
  /** The port the workload serves behind this front: the Service port, or the pod's own port. */
  readonly servingPort: number;
  readonly source: FrontSource;
}

/** Nodes with an internet address: node ports, host ports and host networks there face the internet. */
export function publicNodes(model: ClusterModel, clusterRanges: readonly AddressRange[]): Set<string> {
  const names = new Set<string>();
  for (const node of model.nodes) if (node.addresses.some((a) => isInternet(a, clusterRanges))) names.add(node.name);
  return names;
}

export function isInternet(address: string, clusterRanges: readonly AddressRange[]): boolean {
  const key = addressKey(address);
  return key !== undefined && isInternetAddress(key, clusterRanges);
}

/** Pods a Service may send traffic to: not finished, not marked unready. */
function servable(pod: Pod): boolean {
  return pod.ready !== false && pod.phase !== 'Succeeded' && pod.phase !== 'Failed';
}

/** A targetPort on one pod: a number as is, a name looked up (with the protocol) in its container ports. */
function resolveTargetPort(pod: Pod, port: ServicePort): number | undefined {
  if (typeof port.targetPort === 'number') return port.targetPort;
  return pod.ports.find((p) => p.name === port.targetPort && p.protocol === port.protocol)?.port;
}

export class ServiceIndex {
  private readonly podsByNamespace = new Map<string, number[]>();
  private readonly podByAddress = new Map<string, number>();
  private readonly endpointCache = new Map<Service, ServiceEndpoint[]>();
  private readonly services = new Map<string, Service>();

  constructor(private readonly model: ClusterModel) {
    model.pods.forEach((pod, index) => {
      if (!servable(pod)) return;
      const list = this.podsByNamespace.get(pod.namespace);
      if (list) list.push(index);
      else this.podsByNamespace.set(pod.namespace, [index]);
      for (const ip of pod.ips) this.podByAddress.set(ip, index);
    });
    for (const service of model.services) this.services.set(`${service.namespace}/${service.name}`, service);
  }

  service(namespace: string, name: string): Service | undefined {
    return this.services.get(`${namespace}/${name}`);
  }

  /** Every (pod, port) the Service sends traffic to. */
  endpoints(service: Service): ServiceEndpoint[] {
    let list = this.endpointCache.get(service);
    if (!list) {
      list = service.selector === null ? this.sliceEndpoints(service) : this.selectedEndpoints(service, service.selector);
      this.endpointCache.set(service, list);
    }
    return list;
  }

  private selectedEndpoints(service: Service, selector: Readonly<Record<string, string>>): ServiceEndpoint[] {
    const endpoints: ServiceEndpoint[] = [];
    for (const index of this.podsByNamespace.get(service.namespace) ?? []) {
      const pod = this.model.pods[index];
      if (!Object.entries(selector).every(([k, v]) => pod.labels[k] === v)) continue;
      for (const servicePort of service.ports) {
        // A pod without the named port gets no endpoint for that Service port.
        const targetPort = resolveTargetPort(pod, servicePort);
        if (targetPort !== undefined) endpoints.push({ pod: index, servicePort, targetPort });
      }
    }
    return endpoints;
  }

  /** A Service without a selector sends traffic where its EndpointSlices (made by hand) point. */
  private sliceEndpoints(service: Service): ServiceEndpoint[] {
    const endpoints: ServiceEndpoint[] = [];
    for (const slice of this.model.endpointSlices) {
      if (slice.namespace !== service.namespace || slice.serviceName !== service.name) continue;
      for (const address of slice.addresses) {
        const pod = this.podByAddress.get(address);
        if (pod === undefined) continue;
        for (const servicePort of service.ports) {
          const slicePort = slice.ports.find((p) => (p.name ?? '') === (servicePort.name ?? '') && p.protocol === servicePort.protocol);
          if (slicePort) endpoints.push({ pod, servicePort, targetPort: slicePort.port });
        }
      }
    }
    return endpoints;
  }
}

/** An address of `status.loadBalancer.ingress` that internet clients can use. */
function internetFacingLoadBalancerAddress(address: string, clusterRanges: readonly AddressRange[]): boolean {
  if (addressKey(address) !== undefined) return isInternet(address, clusterRanges);
  // A hostname: AWS names its internal load balancers internal-...; others cannot be told apart.
  return !address.startsWith('internal-');
}

/** The fronts of a Service that reach one endpoint. */
export function serviceFronts(
  service: Service,
  endpoint: ServiceEndpoint,
  pod: Pod,
  publicNodeNames: ReadonlySet<string>,
  clusterRanges: readonly AddressRange[],
): Front[] {
  if (service.type === 'ExternalName' || service.headless) return [];
  const name = `${service.namespace}/${service.name}`;
  const { servicePort, targetPort } = endpoint;
  const local = service.externalTrafficPolicy === 'Local';
  const viaNode: FrontSource = local ? { kind: 'internet', ranges: [] } : { kind: 'node' };
  const base = { name, protocol: servicePort.protocol, targetPort, servingPort: servicePort.port };
  const fronts: Front[] = [];
  if (
    service.type === 'LoadBalancer' &&
    service.internalLoadBalancer === undefined &&
    service.loadBalancerIngress.some((a) => internetFacingLoadBalancerAddress(a, clusterRanges))
  ) {
    const ranges = service.loadBalancerSourceRanges.map((r) => cidrRange(r)).filter((r): r is AddressRange => r !== undefined);
    fronts.push({ ...base, kind: 'LoadBalancer', port: servicePort.port, source: local ? { kind: 'internet', ranges } : { kind: 'node' } });
  }
  // Source ranges guard the load balancer only, never the node ports (kubernetes#33586).
  if ((service.type === 'NodePort' || service.type === 'LoadBalancer') && servicePort.nodePort !== undefined) {
    // With Local, only the node running the endpoint delivers to it.
    const reachable = local ? pod.nodeName !== undefined && publicNodeNames.has(pod.nodeName) : publicNodeNames.size > 0;
    if (reachable) fronts.push({ ...base, kind: 'NodePort', port: servicePort.nodePort, source: viaNode });
  }
  if (service.externalIPs.some((ip) => isInternet(ip, clusterRanges))) {
    fronts.push({ ...base, kind: 'ExternalIP', port: servicePort.port, source: viaNode });
  }
  return fronts;
}

/** hostPort and hostNetwork: the pod listens on its node's addresses. */
export function podFronts(pod: Pod, publicNodeNames: ReadonlySet<string>, clusterRanges: readonly AddressRange[]): Front[] {
  const onPublicNode = pod.nodeName !== undefined && publicNodeNames.has(pod.nodeName);
  const name = `${pod.namespace}/${pod.name}`;
  const fronts: Front[] = [];
  for (const port of pod.ports) {
    if (pod.hostNetwork) {
      if (onPublicNode) {
        fronts.push({ kind: 'HostNetwork', name, port: port.port, protocol: port.protocol, targetPort: port.port, servingPort: port.port, source: { kind: 'unrestricted' } });
      }
      continue;
    }
    if (port.hostPort === undefined) continue;
    const bound = port.hostIP === undefined || port.hostIP === '' || port.hostIP === '0.0.0.0' || port.hostIP === '::' ? onPublicNode : isInternet(port.hostIP, clusterRanges);
    if (bound) {
      // The CNI's portmap translates the destination only: the pod sees the client's address.
      fronts.push({ kind: 'HostPort', name, port: port.hostPort, protocol: port.protocol, targetPort: port.port, servingPort: port.hostPort, source: { kind: 'internet', ranges: [] } });
    }
  }
  return fronts;
}
