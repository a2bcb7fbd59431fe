import type { ClusterModel, Protocol } from '@palisade/cluster-model';
import { addressPeerKey } from '../universe';
import { type AddressRange, cidrRange } from '../addresses';
import type { Analysis } from '../analysis';
import type { Verdict } from '../pairwise';
import type { ControllerSetting } from './controllers';
import { Routing, type RoutedBackend } from './routes';
import { type Front, type FrontSource, podFronts, publicNodes, ServiceIndex, serviceFronts } from './services';

/**
 * What the internet can actually reach: for every pod, the entry points that lead to it
 * (LoadBalancer, NodePort and ExternalIP Services, hostPort, hostNetwork, Ingresses and
 * Gateways through their proxies) and whether the policies admit the traffic along the whole
 * path. `published`: some entry point is admitted end to end; `policy-only`: the policies would
 * admit the internet but no entry point leads there; `none`: neither. See docs/entry-points.md.
 */

export type EntryKind = Front['kind'] | 'Ingress' | 'Gateway';

export interface EntryPoint {
  readonly kind: EntryKind;
  /** `namespace/name` of the Service, Ingress or Gateway; of the pod for HostPort and HostNetwork. */
  readonly name: string;
  /** The port internet clients connect to. */
  readonly port: number;
  readonly protocol: Protocol;
  readonly host?: string;
  /** The port on the pod. */
  readonly targetPort: number;
  /** The policies admit the traffic along the whole path (for some requests only when `conditional`). */
  readonly admitted: boolean;
  readonly conditional?: boolean;
  /** Ingress and Gateway: the controller whose proxies carry the traffic. */
  readonly controller?: string;
}

export type InternetExposure = 'published' | 'policy-only' | 'none';

export interface PodExposure {
  readonly entryPoints: readonly EntryPoint[];
  readonly internetExposure: InternetExposure;
}

export interface EntryOptions {
  /** The cluster's own ranges: never the internet. */
  readonly clusterCidrs?: readonly string[];
  /** Controllers beyond the built-in ones. */
  readonly controllers?: readonly ControllerSetting[];
}

/** Every load balancer source range of the model: the universe cuts the internet at their edges. */
export function sourceRangesOf(model: ClusterModel): string[] {
  return [...new Set(model.services.flatMap((s) => s.loadBalancerSourceRanges))];
}

const RANK: Record<Verdict, number> = { denied: 0, conditional: 1, allowed: 2 };

function better(a: Verdict, b: Verdict): Verdict {
  return RANK[a] >= RANK[b] ? a : b;
}

/**
 * Entry points and exposure of every pod, in model order. The analysis must come from
 * `analyze(model, { nodeSources: true, sourceRanges: sourceRangesOf(model) })`; `admitsInternet`
 * tells whether the policies admit some internet address on one of the pod's ports.
 */
export function entryPoints(analysis: Analysis, admitsInternet: (pod: number) => boolean, options: EntryOptions = {}): PodExposure[] {
  const { model, universe, evaluator } = analysis;
  const clusterRanges = (options.clusterCidrs ?? []).map((c) => cidrRange(c)).filter((r): r is AddressRange => r !== undefined);
  const publicNodeNames = publicNodes(model, clusterRanges);
  const services = new ServiceIndex(model);
  const entries: EntryPoint[][] = model.pods.map(() => []);
  const fronts: (Front & { verdict: Verdict })[][] = model.pods.map(() => []);

  const internetClasses = universe.classes.filter((c) => c.internet && c.address === undefined);
  const { nodeClasses } = universe;
  const verdictCache = new Map<string, Verdict>();
  const best = (sources: readonly number[], destination: number, port: number, protocol: Protocol): Verdict => {
    let result: Verdict = 'denied';
    for (const source of sources) {
      const key = `${source}:${destination}:${port}/${protocol}`;
      let verdict = verdictCache.get(key);
      if (verdict === undefined) verdictCache.set(key, (verdict = source === destination ? 'allowed' : evaluator.verdict(source, destination, { port, protocol })));
      result = better(result, verdict);
      if (result === 'allowed') break;
    }
    return result;
  };
  /** The internet classes a front admits clients from: inside the source ranges, when there are some. */
  const internetSources = (ranges: readonly AddressRange[]) => {
    if (ranges.length === 0) return internetClasses.map((c) => c.id);
    const ids = ranges.map((r) => universe.addressPeerIndex.get(addressPeerKey({ include: r, exclude: [] })) ?? -1);
    return internetClasses.filter((c) => ids.some((id) => c.addressPeers.includes(id))).map((c) => c.id);
  };
  const sourcesOf = (source: FrontSource): readonly number[] | 'unrestricted' =>
    source.kind === 'unrestricted' ? 'unrestricted' : source.kind === 'node' ? nodeClasses : internetSources(source.ranges);

  const addFront = (pod: number, front: Front) => {
    const sources = sourcesOf(front.source);
    // A load balancer whose source ranges hold no internet address is no internet front.
    if (sources !== 'unrestricted' && sources.length === 0 && front.source.kind === 'internet') return;
    const verdict = sources === 'unrestricted' ? 'allowed' : best(sources, universe.podClassOf[pod], front.targetPort, front.protocol);
    fronts[pod].push({ ...front, verdict });
    entries[pod].push(entryOf(front, verdict));
  };

  for (const service of model.services) {
    for (const endpoint of services.endpoints(service)) {
      for (const front of serviceFronts(service, endpoint, model.pods[endpoint.pod], publicNodeNames, clusterRanges)) addFront(endpoint.pod, front);
    }
  }
  model.pods.forEach((pod, index) => {
    for (const front of podFronts(pod, publicNodeNames, clusterRanges)) addFront(index, front);
  });

  // Proxies published on a port: some admitted front of theirs serves it.
  const publishedOn = (proxy: number, port: number) => fronts[proxy].some((f) => f.servingPort === port && f.verdict !== 'denied');
  const routing = new Routing(model, options.controllers ?? []);
  for (const backend of routing.backends()) {
    const proxySources = backend.onNodes ? nodeSourcesIfPublished(backend) : publishedProxyClasses(backend);
    if (proxySources.length === 0) continue;
    const servicePort = pickServicePort(backend);
    for (const endpoint of services.endpoints(backend.service)) {
      if (servicePort === undefined || endpoint.servicePort !== servicePort) continue;
      const verdict = best(proxySources, universe.podClassOf[endpoint.pod], endpoint.targetPort, endpoint.servicePort.protocol);
      entries[endpoint.pod].push({
        kind: backend.kind,
        name: backend.name,
        port: backend.port,
        protocol: endpoint.servicePort.protocol,
        ...(backend.host !== undefined ? { host: backend.host } : {}),
        targetPort: endpoint.targetPort,
        admitted: verdict !== 'denied',
        ...(verdict === 'conditional' ? { conditional: true } : {}),
        controller: backend.controller.name,
      });
    }
  }

  function publishedProxyClasses(backend: RoutedBackend): number[] {
    return [...new Set(backend.proxies.filter((p) => publishedOn(p, backend.port)).map((p) => universe.podClassOf[p]))];
  }

  /** Cilium's Envoy runs on the nodes; its Service (no selector) is the front. */
  function nodeSourcesIfPublished(backend: RoutedBackend): readonly number[] {
    const [namespace, name] = backend.name.split('/');
    const front =
      backend.kind === 'Ingress'
        ? (services.service(namespace, `cilium-ingress-${name}`) ?? services.service('kube-system', 'cilium-ingress'))
        : services.service(namespace, `cilium-gateway-${name}`);
    const published =
      front !== undefined &&
      front.ports.some((p) => p.port === backend.port) &&
      (front.type === 'LoadBalancer' || front.type === 'NodePort') &&
      (front.internalLoadBalancer === undefined || front.type === 'NodePort') &&
      (front.loadBalancerIngress.length > 0 || publicNodeNames.size > 0);
    return published ? nodeClasses : [];
  }

  return model.pods.map((_, index) => {
    const list = dedupe(entries[index]);
    const internetExposure: InternetExposure = list.some((e) => e.admitted) ? 'published' : admitsInternet(index) ? 'policy-only' : 'none';
    return { entryPoints: list, internetExposure };
  });
}

/** The Service port a route names: by number or name, or the Service's only port. */
function pickServicePort(backend: RoutedBackend) {
  const ports = backend.service.ports;
  if (backend.servicePort === undefined) return ports.length === 1 ? ports[0] : undefined;
  return ports.find((p) => (typeof backend.servicePort === 'number' ? p.port === backend.servicePort : p.name === backend.servicePort));
}

function entryOf(front: Front, verdict: Verdict): EntryPoint {
  return {
    kind: front.kind,
    name: front.name,
    port: front.port,
    protocol: front.protocol,
    targetPort: front.targetPort,
    admitted: verdict !== 'denied',
    ...(verdict === 'conditional' ? { conditional: true } : {}),
  };
}

/** One entry per kind, name, port, host and target port; admitted if any path through it is. */
function dedupe(list: readonly EntryPoint[]): EntryPoint[] {
  const byKey = new Map<string, EntryPoint>();
  for (const entry of list) {
    const key = [entry.kind, entry.name, entry.port, entry.protocol, entry.host ?? '', entry.targetPort].join('\u0000');
    const seen = byKey.get(key);
    if (!seen || (!seen.admitted && entry.admitted) || (seen.conditional && entry.admitted && !entry.conditional)) byKey.set(key, entry);
  }
  return [...byKey.values()];
}
