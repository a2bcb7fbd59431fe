import type { Labels } from '@palisade/cluster-model';

/**
 * The Ingress and Gateway controllers Palisade knows: which IngressClass `spec.controller` and
 * GatewayClass `controllerName` values name them, which class names they serve without an
 * IngressClass object (the `kubernetes.io/ingress.class` annotation, Contour's class names), and
 * how to find the proxy pods that carry the traffic. From each project's manifests, Helm charts
 * and controller code (docs/entry-points.md lists the sources).
 */
export interface KnownController {
  readonly name: string;
  readonly ingressControllers: readonly string[];
  /** Controller strings matched by prefix (`haproxy.org/ingress-controller/<class>`). */
  readonly ingressControllerPrefixes?: readonly string[];
  readonly classNames: readonly string[];
  readonly gatewayControllers: readonly string[];
  /** Label sets (any of them) of the proxy pods serving every Ingress, and Gateway when `gateways` is `shared`. */
  readonly proxyPods: readonly Labels[];
  /** The proxies' namespace, when a setting names it. */
  readonly proxyNamespace?: string;
  /**
   * How Gateways find their proxies: `shared` (the controller's own proxy pods), `per-gateway`
   * (pods labelled `gateway.networking.k8s.io/gateway-name` in the Gateway's namespace, GEP-1762),
   * `envoy-gateway` (pods labelled with the owning Gateway's name and namespace, in any namespace),
   * `node` (no proxy pods: Cilium's Envoy on every node).
   */
  readonly gateways: 'shared' | 'per-gateway' | 'envoy-gateway' | 'node';
  /** Cilium: Ingresses are served by the node's Envoy too. */
  readonly ingressOnNodes?: boolean;
}

/** A controller the built-in table lacks, from the PALISADE_INGRESS_CONTROLLERS setting or `--ingress-controller`. */
export interface ControllerSetting {
  /** IngressClass `spec.controller` or GatewayClass `controllerName`. */
  readonly controller: string;
  /** Labels of its proxy pods. */
  readonly podLabels: Labels;
  /** The proxies' namespace, when the labels alone are not specific enough. */
  readonly namespace?: string;
}

export const GATEWAY_NAME_LABEL = 'gateway.networking.k8s.io/gateway-name';
const ENVOY_GATEWAY_NAME = 'gateway.envoyproxy.io/owning-gateway-name';
const ENVOY_GATEWAY_NAMESPACE = 'gateway.envoyproxy.io/owning-gateway-namespace';

export const KNOWN_CONTROLLERS: readonly KnownController[] = [
  {
    name: 'ingress-nginx',
    ingressControllers: ['k8s.io/ingress-nginx'],
    classNames: ['nginx'],
    gatewayControllers: [],
    proxyPods: [{ 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' }],
    gateways: 'shared',
  },
  {
    name: 'NGINX Ingress Controller',
    ingressControllers: ['nginx.org/ingress-controller'],
    classNames: ['nginx'],
    gatewayControllers: [],
    proxyPods: [{ app: 'nginx-ingress' }, { 'app.kubernetes.io/name': 'nginx-ingress' }],
    gateways: 'shared',
  },
  {
    name: 'Traefik',
    ingressControllers: ['traefik.io/ingress-controller'],
    classNames: ['traefik'],
    gatewayControllers: ['traefik.io/gateway-controller'],
    proxyPods: [{ 'app.kubernetes.io/name': 'traefik' }],
    gateways: 'shared',
  },
  {
    name: 'HAProxy Kubernetes Ingress Controller',
    ingressControllers: ['haproxy.org/ingress-controller'],
    ingressControllerPrefixes: ['haproxy.org/ingress-controller/'],
    classNames: ['haproxy'],
    gatewayControllers: ['haproxy.org/gateway-controller'],
    proxyPods: [{ run: 'haproxy-ingress' }, { 'app.kubernetes.io/name': 'kubernetes-ingress' }],
    gateways: 'shared',
  },
  {
    name: 'HAProxy Ingress',
    ingressControllers: ['haproxy-ingress.github.io/controller'],
    ingressControllerPrefixes: ['haproxy-ingress.github.io/controller/'],
    classNames: ['haproxy'],
    gatewayControllers: ['haproxy-ingress.github.io/controller'],
    proxyPods: [{ 'app.kubernetes.io/name': 'haproxy-ingress' }],
    gateways: 'shared',
  },
  {
    // Contour matches Ingresses by class name and needs no IngressClass object.
    name: 'Contour',
    ingressControllers: ['projectcontour.io/ingress-controller', 'projectcontour.io/contour'],
    classNames: ['contour'],
    gatewayControllers: ['projectcontour.io/gateway-controller'],
    proxyPods: [{ app: 'envoy' }],
    gateways: 'per-gateway',
  },
  {
    name: 'Envoy Gateway',
    ingressControllers: [],
    classNames: [],
    gatewayControllers: ['gateway.envoyproxy.io/gatewayclass-controller'],
    proxyPods: [],
    gateways: 'envoy-gateway',
  },
  {
    name: 'Istio',
    ingressControllers: ['istio.io/ingress-controller'],
    classNames: ['istio'],
    gatewayControllers: ['istio.io/gateway-controller'],
    proxyPods: [{ istio: 'ingressgateway' }],
    gateways: 'per-gateway',
  },
  {
    name: 'Cilium',
    ingressControllers: ['cilium.io/ingress-controller'],
    classNames: ['cilium'],
    gatewayControllers: ['io.cilium/gateway-controller'],
    proxyPods: [],
    gateways: 'node',
    ingressOnNodes: true,
  },
  {
    name: 'Kong',
    ingressControllers: ['ingress-controllers.konghq.com/kong'],
    classNames: ['kong'],
    gatewayControllers: ['konghq.com/kic-gateway-controller'],
    proxyPods: [{ 'app.kubernetes.io/name': 'kong', 'app.kubernetes.io/component': 'app' }, { 'app.kubernetes.io/name': 'gateway' }],
    gateways: 'shared',
  },
  {
    name: 'Kong Operator',
    ingressControllers: [],
    classNames: [],
    gatewayControllers: ['konghq.com/gateway-operator'],
    proxyPods: [],
    gateways: 'per-gateway',
  },
  {
    name: 'NGINX Gateway Fabric',
    ingressControllers: [],
    classNames: [],
    gatewayControllers: ['gateway.nginx.org/nginx-gateway-controller'],
    proxyPods: [],
    gateways: 'per-gateway',
  },
];

/** A controller from a setting: it serves Ingresses and Gateways from the pods it names. */
export function settingController(setting: ControllerSetting): KnownController {
  return {
    name: setting.controller,
    ingressControllers: [setting.controller],
    classNames: [],
    gatewayControllers: [setting.controller],
    proxyPods: [setting.podLabels],
    ...(setting.namespace ? { proxyNamespace: setting.namespace } : {}),
    gateways: 'shared',
  };
}

export function servesIngressController(controller: KnownController, value: string): boolean {
  return controller.ingressControllers.includes(value) || (controller.ingressControllerPrefixes ?? []).some((p) => value.startsWith(p));
}

/** Whether a pod carries every label of one of the label sets. */
export function hasLabels(labels: Labels, sets: readonly Labels[]): boolean {
  return sets.some((set) => Object.entries(set).every(([key, value]) => labels[key] === value));
}

/** The labels that find a per-Gateway proxy, by how the controller deploys it. */
export function gatewayProxyLabels(mode: KnownController['gateways'], gateway: { readonly namespace: string; readonly name: string }): { labels: Labels; namespace?: string } | undefined {
  if (mode === 'per-gateway') return { labels: { [GATEWAY_NAME_LABEL]: gateway.name }, namespace: gateway.namespace };
  if (mode === 'envoy-gateway') return { labels: { [ENVOY_GATEWAY_NAME]: gateway.name, [ENVOY_GATEWAY_NAMESPACE]: gateway.namespace } };
  return undefined;
}

/**
 * A controller setting as written on the command line or in PALISADE_INGRESS_CONTROLLERS:
 * `CONTROLLER=KEY=VALUE[,KEY=VALUE...][@NAMESPACE]`, e.g.
 * `example.com/edge-proxy=app=edge-proxy,tier=edge@edge`. A message when it is not one.
 */
export function parseControllerSetting(text: string): ControllerSetting | string {
  const rule = 'an ingress controller is CONTROLLER=LABEL=VALUE[,LABEL=VALUE...][@NAMESPACE], e.g. example.com/edge-proxy=app=edge-proxy@edge';
  const equals = text.indexOf('=');
  if (equals <= 0) return rule;
  const controller = text.slice(0, equals).trim();
  const at = text.lastIndexOf('@');
  const selectorText = (at > equals ? text.slice(equals + 1, at) : text.slice(equals + 1)).trim();
  const namespace = at > equals ? text.slice(at + 1).trim() : undefined;
  const podLabels: Record<string, string> = {};
  for (const pair of selectorText.split(',').map((p) => p.trim())) {
    const eq = pair.indexOf('=');
    if (eq <= 0 || eq === pair.length - 1) return rule;
    podLabels[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  if (controller === '' || namespace === '') return rule;
  return { controller, podLabels, ...(namespace !== undefined ? { namespace } : {}) };
}
