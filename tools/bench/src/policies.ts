import { NAMESPACE_NAME_LABEL, type NamespacePlan } from './plan';
import type { Random } from './random';
import { CALLS, type AppSpec, type PortSpec, type Protocol, type Tier } from './workloads';

export interface Selector {
  readonly matchLabels?: Readonly<Record<string, string>>;
  readonly matchExpressions?: readonly { readonly key: string; readonly operator: string; readonly values?: readonly string[] }[];
}

export interface PolicyPort {
  readonly protocol: Protocol;
  readonly port?: number | string;
  readonly endPort?: number;
}

export interface PolicyPeer {
  readonly podSelector?: Selector;
  readonly namespaceSelector?: Selector;
  readonly ipBlock?: { readonly cidr: string; readonly except?: readonly string[] };
}

export interface IngressRule {
  readonly from?: readonly PolicyPeer[];
  readonly ports?: readonly PolicyPort[];
}

export interface EgressRule {
  readonly to?: readonly PolicyPeer[];
  readonly ports?: readonly PolicyPort[];
}

export interface NetworkPolicySpec {
  readonly podSelector: Selector;
  readonly policyTypes: readonly ('Ingress' | 'Egress')[];
  readonly ingress?: readonly IngressRule[];
  readonly egress?: readonly EgressRule[];
}

export interface NamedPolicy<S> {
  readonly name: string;
  readonly spec: S;
}

const EVERYTHING: Selector = {};
const INTERNET_INGRESS: PolicyPeer = { ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } };
const INTERNET_EGRESS: PolicyPeer = { ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '169.254.169.254/32'] } };
const KUBE_DNS: PolicyPeer = {
  namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: 'kube-system' } },
  podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
};
const DNS_PORTS: readonly PolicyPort[] = [
  { protocol: 'UDP', port: 53 },
  { protocol: 'TCP', port: 53 },
];
/** Selecting more apps than this by name reads badly; real policies switch to a tier label. */
const MAX_NAMED_APPS = 6;

function serving(app: AppSpec): PortSpec[] {
  return app.containers.flatMap((c) => c.ports).filter((p) => p.name !== 'metrics' && p.name !== 'http-envoy-prom');
}

/** How a rule spells a port: by name, by number, or now and then as a range around it. */
function policyPort(rng: Random, port: PortSpec): PolicyPort {
  const r = rng.next();
  if (r < 0.45 && port.name !== undefined) return { protocol: port.protocol, port: port.name };
  if (r < 0.9) return { protocol: port.protocol, port: port.port };
  return { protocol: port.protocol, port: port.port, endPort: port.port + 9 };
}

function portsFor(rng: Random, apps: readonly AppSpec[]): PolicyPort[] {
  const seen = new Set<string>();
  const ports: PolicyPort[] = [];
  for (const app of apps) {
    for (const port of serving(app)) {
      const key = `${port.name ?? ''}/${port.port}/${port.protocol}`;
      if (seen.has(key)) continue;
      seen.add(key);
      ports.push(policyPort(rng, port));
    }
  }
  return ports;
}

function appsSelector(apps: readonly AppSpec[]): Selector {
  if (apps.length === 1) return { matchLabels: { app: apps[0].name } };
  if (apps.length <= MAX_NAMED_APPS) {
    return { matchExpressions: [{ key: 'app', operator: 'In', values: apps.map((a) => a.name).sort() }] };
  }
  const tiers = [...new Set(apps.map((a) => a.tier))].sort();
  return { matchExpressions: [{ key: 'tier', operator: 'In', values: tiers }] };
}

function callersOf(target: AppSpec, apps: readonly AppSpec[]): AppSpec[] {
  return apps.filter((a) => a !== target && CALLS[a.tier].includes(target.tier));
}

function calleesOf(source: AppSpec, apps: readonly AppSpec[]): AppSpec[] {
  return apps.filter((a) => a !== source && CALLS[source.tier].includes(a.tier));
}

const FRONT_TIERS: readonly Tier[] = ['web', 'gateway'];

/** The main policy of an app: who may call it, and in egress-deny namespaces whom it may call. */
function appPolicy(rng: Random, ns: NamespacePlan, app: AppSpec, apps: readonly AppSpec[]): NamedPolicy<NetworkPolicySpec> {
  const callers = callersOf(app, apps);
  const from: PolicyPeer[] = callers.length > 0
    ? [{ podSelector: appsSelector(callers) }]
    : [{ podSelector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['gateway', 'web'] }] } }];
  const ports = portsFor(rng, [app]);
  const ingress: IngressRule[] = [{ from, ...(ports.length > 0 && { ports }) }];
  if (FRONT_TIERS.includes(app.tier) && rng.chance(0.5)) {
    ingress.push({ from: [INTERNET_INGRESS], ports: [{ protocol: 'TCP', port: rng.chance(0.5) ? 'http' : 8080 }] });
  }
  const egress: EgressRule[] = [];
  if (ns.protection === 'ingress-egress-deny') {
    const callees = calleesOf(app, apps);
    if (callees.length > 0) {
      const calleePorts = portsFor(rng, callees);
      egress.push({ to: [{ podSelector: appsSelector(callees) }], ...(calleePorts.length > 0 && { ports: calleePorts }) });
    }
    if (rng.chance(0.25)) egress.push({ to: [INTERNET_EGRESS], ports: [{ protocol: 'TCP', port: 443 }] });
  }
  return {
    name: `allow-${app.name}`,
    spec: {
      podSelector: { matchLabels: { app: app.name } },
      policyTypes: egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'],
      ingress,
      ...(egress.length > 0 && { egress }),
    },
  };
}

/** Callers from another team's namespaces, on the app's gRPC or HTTP port. */
function crossNamespacePolicy(rng: Random, app: AppSpec, teams: readonly string[], own: string): NamedPolicy<NetworkPolicySpec> {
  const others = teams.filter((t) => t !== own);
  const team = others.length > 0 ? rng.pick(others) : own;
  const ports = serving(app);
  const named = ports.find((p) => p.name === 'grpc') ?? ports.find((p) => p.name === 'http');
  const first = ports[0] as PortSpec | undefined;
  const port: PolicyPort | undefined =
    named?.name !== undefined ? { protocol: named.protocol, port: named.name } : first && policyPort(rng, first);
  return {
    name: `allow-${app.name}-from-${team}`,
    spec: {
      podSelector: { matchLabels: { app: app.name } },
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [
            {
              namespaceSelector: { matchLabels: { team } },
              podSelector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['api', 'gateway', 'worker'] }] },
            },
          ],
          ...(port !== undefined && { ports: [port] }),
        },
      ],
    },
  };
}

/** An app that talks to the outside world: DNS, HTTPS out (not the metadata service), its callees. */
function egressPolicy(rng: Random, app: AppSpec, apps: readonly AppSpec[]): NamedPolicy<NetworkPolicySpec> {
  const egress: EgressRule[] = [
    { to: [KUBE_DNS], ports: DNS_PORTS },
    { to: [INTERNET_EGRESS], ports: [{ protocol: 'TCP', port: 443 }] },
  ];
  const callees = calleesOf(app, apps);
  if (callees.length > 0) {
    egress.push({ to: [{ podSelector: appsSelector(callees) }], ports: [{ protocol: 'TCP', port: 5000, endPort: 9999 }] });
  } else if (rng.chance(0.5)) {
    egress.push({ to: [{ podSelector: EVERYTHING }], ports: [{ protocol: 'TCP', port: 8080 }] });
  }
  return {
    name: `allow-${app.name}-egress`,
    spec: { podSelector: { matchLabels: { app: app.name } }, policyTypes: ['Egress'], egress },
  };
}

/** More rules as policy counts grow: port ranges open to the whole namespace. */
function rangePolicy(rng: Random, app: AppSpec, variant: number): NamedPolicy<NetworkPolicySpec> {
  const from = 8000 + 10 * rng.int(0, 99);
  return {
    name: `allow-${app.name}-extra-${variant}`,
    spec: {
      podSelector: { matchLabels: { app: app.name } },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ podSelector: EVERYTHING }], ports: [{ protocol: 'TCP', port: from, endPort: from + 9 }] }],
    },
  };
}

/** The NetworkPolicies of one namespace, exactly as many as the plan gives it. */
export function networkPoliciesOf(
  rng: Random,
  ns: NamespacePlan,
  apps: readonly AppSpec[],
  teams: readonly string[],
): NamedPolicy<NetworkPolicySpec>[] {
  if (ns.protection === 'unprotected' || ns.protection === 'system') return [];
  const policies: NamedPolicy<NetworkPolicySpec>[] = [
    { name: 'default-deny-ingress', spec: { podSelector: EVERYTHING, policyTypes: ['Ingress'] } },
    {
      name: 'allow-from-monitoring',
      spec: {
        podSelector: EVERYTHING,
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: [
              {
                namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: 'monitoring' } },
                podSelector: { matchLabels: { app: 'prometheus' } },
              },
            ],
            ports: [{ protocol: 'TCP', port: 'metrics' }],
          },
        ],
      },
    },
  ];
  if (ns.protection === 'ingress-egress-deny') {
    policies.push(
      { name: 'default-deny-egress', spec: { podSelector: EVERYTHING, policyTypes: ['Egress'] } },
      { name: 'allow-dns', spec: { podSelector: EVERYTHING, policyTypes: ['Egress'], egress: [{ to: [KUBE_DNS], ports: DNS_PORTS }] } },
    );
  }
  for (let k = 0; k < ns.extraPolicies; k++) {
    const app = apps[k % apps.length];
    const variant = Math.floor(k / apps.length);
    if (variant === 0) policies.push(appPolicy(rng, ns, app, apps));
    else if (variant === 1) policies.push(crossNamespacePolicy(rng, app, teams, ns.team));
    else if (variant === 2) policies.push(egressPolicy(rng, app, apps));
    else policies.push(rangePolicy(rng, app, variant));
  }
  return policies;
}

export interface AdminPolicyObject {
  readonly kind: 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy';
  readonly name: string;
  readonly spec: unknown;
}

/**
 * Two AdminNetworkPolicies and the BaselineAdminNetworkPolicy, as platform teams write them:
 * DNS for everyone, PCI namespaces sealed off, staging kept apart from prod by default.
 */
export function adminPolicies(): AdminPolicyObject[] {
  return [
    {
      kind: 'AdminNetworkPolicy',
      name: 'allow-cluster-dns',
      spec: {
        priority: 10,
        subject: { namespaces: {} },
        egress: [
          {
            name: 'allow-dns',
            action: 'Allow',
            to: [
              {
                pods: {
                  namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: 'kube-system' } },
                  podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
                },
              },
            ],
            ports: [{ portNumber: { protocol: 'UDP', port: 53 } }, { portNumber: { protocol: 'TCP', port: 53 } }],
          },
        ],
      },
    },
    {
      kind: 'AdminNetworkPolicy',
      name: 'pci-isolation',
      spec: {
        priority: 20,
        subject: { namespaces: { matchLabels: { compliance: 'pci' } } },
        ingress: [
          {
            name: 'pass-monitoring',
            action: 'Pass',
            from: [{ namespaces: { matchLabels: { [NAMESPACE_NAME_LABEL]: 'monitoring' } } }],
          },
          {
            name: 'deny-non-pci',
            action: 'Deny',
            from: [{ namespaces: { matchExpressions: [{ key: 'compliance', operator: 'DoesNotExist' }] } }],
          },
        ],
        egress: [
          { name: 'deny-metadata-service', action: 'Deny', to: [{ networks: ['169.254.169.254/32'] }] },
        ],
      },
    },
    {
      kind: 'BaselineAdminNetworkPolicy',
      name: 'default',
      spec: {
        subject: { namespaces: { matchLabels: { env: 'staging' } } },
        ingress: [{ name: 'deny-from-prod', action: 'Deny', from: [{ namespaces: { matchLabels: { env: 'prod' } } }] }],
      },
    },
  ];
}
