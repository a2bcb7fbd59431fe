import type { ClusterModel, Gateway, GatewayListener, GatewayRoute, Ingress, IngressClass, Labels, Service } from '@palisade/cluster-model';
import { matchesSelector } from '../selector';
import {
  gatewayProxyLabels,
  hasLabels,
  KNOWN_CONTROLLERS,
  servesIngressController,
  settingController,
  type ControllerSetting,
  type KnownController,
} from './controllers';

/**
 * The second hop: which Ingresses and Gateways lead to which Service ports, on which client
 * port and host, and which proxy pods carry the traffic. Routing as the APIs and the
 * controllers define it (Ingress classes, Gateway listeners, route attachment, ReferenceGrants);
 * whether the proxies are published and the policies let them through is the caller's.
 */
export interface RoutedBackend {
  readonly kind: 'Ingress' | 'Gateway';
  /** `namespace/name` of the Ingress or Gateway. */
  readonly name: string;
  /** The port clients connect to: 80, 443 for TLS hosts, or the listener's. */
  readonly port: number;
  readonly host?: string;
  readonly controller: KnownController;
  /** Model indices of the proxy pods; empty with `onNodes` (Cilium's Envoy runs on every node). */
  readonly proxies: readonly number[];
  readonly onNodes: boolean;
  readonly service: Service;
  /** The Service port: a number, a port name, or absent (the Service's only port). */
  readonly servicePort?: number | string;
}

const GATEWAY_GROUP = 'gateway.networking.k8s.io';

export class Routing {
  private readonly controllers: readonly KnownController[];
  private readonly services = new Map<string, Service>();
  private readonly namespaceLabels = new Map<string, Labels>();

  constructor(
    private readonly model: ClusterModel,
    settings: readonly ControllerSetting[],
  ) {
    // Settings first: a site's own controller string wins over the table.
    this.controllers = [...settings.map(settingController), ...KNOWN_CONTROLLERS];
    for (const service of model.services) this.services.set(`${service.namespace}/${service.name}`, service);
    for (const ns of model.namespaces) this.namespaceLabels.set(ns.name, { ...ns.labels, 'kubernetes.io/metadata.name': ns.name });
  }

  backends(): RoutedBackend[] {
    return [...this.model.ingresses.flatMap((ing) => this.ingressBackends(ing)), ...this.model.gateways.flatMap((gw) => this.gatewayBackends(gw))];
  }

  // ---- Ingress ----------------------------------------------------------------------------------

  /**
   * The controllers serving an Ingress. The class annotation names a controller by its own class
   * name and wins where both are set; `ingressClassName` names an IngressClass whose controller
   * decides (Contour alone matches the name without an IngressClass); without either, the
   * default IngressClass, as the admission plugin writes it into a new Ingress (the newest
   * default when several are).
   */
  ingressControllers(ingress: Ingress): KnownController[] {
    if (ingress.classAnnotation !== undefined) return this.controllers.filter((c) => c.classNames.includes(ingress.classAnnotation ?? ''));
    const className = ingress.ingressClassName ?? this.defaultIngressClass()?.name;
    if (className === undefined) return [];
    const ingressClass = this.model.ingressClasses.find((c) => c.name === className);
    if (ingressClass) return this.controllers.filter((c) => servesIngressController(c, ingressClass.controller));
    return this.controllers.filter((c) => c.name === 'Contour' && c.classNames.includes(className));
  }

  private defaultIngressClass(): IngressClass | undefined {
    const defaults = this.model.ingressClasses.filter((c) => c.isDefault);
    return defaults.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || a.name.localeCompare(b.name))[0];
  }

  private ingressBackends(ingress: Ingress): RoutedBackend[] {
    const result: RoutedBackend[] = [];
    for (const controller of this.ingressControllers(ingress)) {
      const proxies = this.controllerProxies(controller);
      const onNodes = controller.ingressOnNodes === true;
      if (proxies.length === 0 && !onNodes) continue;
      for (const route of ingress.routes) {
        const service = this.services.get(`${ingress.namespace}/${route.backend.service}`);
        if (!service) continue;
        const secure = ingress.tlsAllHosts || (route.host !== undefined && ingress.tlsHosts.some((h) => hostMatches(h, route.host ?? '')));
        for (const port of secure ? [80, 443] : [80]) {
          result.push({
            kind: 'Ingress',
            name: `${ingress.namespace}/${ingress.name}`,
            port,
            ...(route.host !== undefined ? { host: route.host } : {}),
            controller,
            proxies,
            onNodes,
            service,
            ...(route.backend.port !== undefined ? { servicePort: route.backend.port } : {}),
          });
        }
      }
    }
    return result;
  }

  private controllerProxies(controller: KnownController): number[] {
    if (controller.proxyPods.length === 0) return [];
    return this.podsWhere((pod) => hasLabels(pod.labels, controller.proxyPods) && (controller.proxyNamespace === undefined || pod.namespace === controller.proxyNamespace));
  }

  private podsWhere(test: (pod: ClusterModel['pods'][number]) => boolean): number[] {
    const found: number[] = [];
    this.model.pods.forEach((pod, index) => {
      if (test(pod)) found.push(index);
    });
    return found;
  }

  // ---- Gateway API ------------------------------------------------------------------------------

  private gatewayBackends(gateway: Gateway): RoutedBackend[] {
    const gatewayClass = this.model.gatewayClasses.find((c) => c.name === gateway.gatewayClassName);
    if (!gatewayClass) return [];
    const controller = this.controllers.find((c) => c.gatewayControllers.includes(gatewayClass.controllerName));
    if (!controller) return [];
    const onNodes = controller.gateways === 'node';
    const proxies = this.gatewayProxies(controller, gateway);
    if (proxies.length === 0 && !onNodes) return [];
    const result: RoutedBackend[] = [];
    for (const listener of gateway.listeners) {
      for (const route of this.model.gatewayRoutes) {
        if (!this.attaches(route, gateway, listener)) continue;
        const hosts = effectiveHostnames(listener, route);
        for (const ref of route.backendRefs) {
          const service = this.backendService(route, ref);
          if (!service) continue;
          for (const host of hosts) {
            result.push({
              kind: 'Gateway',
              name: `${gateway.namespace}/${gateway.name}`,
              port: listener.port,
              ...(host !== undefined ? { host } : {}),
              controller,
              proxies,
              onNodes,
              service,
              ...(ref.port !== undefined ? { servicePort: ref.port } : {}),
            });
          }
        }
      }
    }
    return result;
  }

  private gatewayProxies(controller: KnownController, gateway: Gateway): number[] {
    if (controller.gateways === 'shared') return this.controllerProxies(controller);
    const wanted = gatewayProxyLabels(controller.gateways, gateway);
    if (!wanted) return [];
    return this.podsWhere((pod) => hasLabels(pod.labels, [wanted.labels]) && (wanted.namespace === undefined || pod.namespace === wanted.namespace));
  }

  /** Whether a listener accepts the route (Gateway API: parentRefs, allowedRoutes, hostnames). */
  private attaches(route: GatewayRoute, gateway: Gateway, listener: GatewayListener): boolean {
    const parented = route.parentRefs.some(
      (ref) =>
        ref.group === GATEWAY_GROUP &&
        ref.kind === 'Gateway' &&
        ref.namespace === gateway.namespace &&
        ref.name === gateway.name &&
        (ref.sectionName === undefined || ref.sectionName === listener.name) &&
        (ref.port === undefined || ref.port === listener.port),
    );
    if (!parented) return false;
    const allowed = listener.allowedRoutes;
    if (allowed.from === 'Same' && route.namespace !== gateway.namespace) return false;
    if (allowed.from === 'Selector' && !(allowed.selector && matchesSelector(allowed.selector, this.namespaceLabels.get(route.namespace) ?? {}))) return false;
    const kinds = allowed.kinds.length > 0 ? allowed.kinds.filter((k) => k.group === GATEWAY_GROUP).map((k) => k.kind) : protocolRouteKinds(listener);
    if (!kinds.includes(route.kind)) return false;
    return effectiveHostnames(listener, route).length > 0;
  }

  /** The Service a backendRef names, when it may: another namespace's needs a ReferenceGrant there. */
  private backendService(route: GatewayRoute, ref: GatewayRoute['backendRefs'][number]): Service | undefined {
    if (ref.group !== '' || ref.kind !== 'Service' || ref.weight === 0) return undefined;
    const service = this.services.get(`${ref.namespace}/${ref.name}`);
    if (!service || service.type === 'ExternalName') return undefined;
    if (ref.namespace === route.namespace) return service;
    const granted = this.model.referenceGrants.some(
      (grant) =>
        grant.namespace === ref.namespace &&
        grant.from.some((f) => f.group === GATEWAY_GROUP && f.kind === route.kind && f.namespace === route.namespace) &&
        grant.to.some((t) => t.group === '' && t.kind === 'Service' && (t.name === undefined || t.name === ref.name)),
    );
    return granted ? service : undefined;
  }
}

/**
 * Route kinds a listener accepts when it names none, by its protocol (as Envoy Gateway reads
 * them; the API leaves the defaults to implementations).
 */
function protocolRouteKinds(listener: GatewayListener): string[] {
  switch (listener.protocol) {
    case 'HTTP':
    case 'HTTPS':
      return ['HTTPRoute', 'GRPCRoute'];
    case 'TLS':
      return listener.tlsMode === 'Passthrough' ? ['TLSRoute'] : ['TCPRoute', 'TLSRoute'];
    case 'TCP':
      return ['TCPRoute'];
    case 'UDP':
      return ['UDPRoute'];
    default:
      return [];
  }
}

/** `*.example.com` matches names ending in `.example.com` (one or more labels); others match exactly. */
export function hostMatches(pattern: string, host: string): boolean {
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
  return pattern === host;
}

/**
 * The hostnames a route serves through a listener: the intersection of theirs (Gateway API
 * Listener.hostname). `[undefined]` when neither restricts; empty when they do not meet. TCP and
 * UDP routes have no hostnames.
 */
function effectiveHostnames(listener: GatewayListener, route: GatewayRoute): (string | undefined)[] {
  const routeHosts = route.kind === 'TCPRoute' || route.kind === 'UDPRoute' ? [] : route.hostnames;
  if (routeHosts.length === 0) return [listener.hostname];
  if (listener.hostname === undefined) return [...routeHosts];
  const listenerHost = listener.hostname;
  const hosts = new Set<string>();
  for (const host of routeHosts) {
    if (hostMatches(listenerHost, host)) hosts.add(host);
    else if (hostMatches(host, listenerHost)) hosts.add(listenerHost);
  }
  return [...hosts];
}
