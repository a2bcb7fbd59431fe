import type {
  AdminPolicy,
  CalicoNetworkSet,
  CalicoPolicy,
  CalicoTier,
  CiliumCidrGroup,
  CiliumPolicy,
  ClusterModel,
  Gateway,
  GatewayClass,
  GatewayRoute,
  GatewayRouteKind,
  Ingress,
  IngressClass,
  InputProblem,
  NetworkPolicy,
  Node,
  ReadResult,
  ReferenceGrant,
  Service,
  ServiceAccount,
  EndpointSlice,
} from './types';
import type { RawObject } from './raw-object';
import { problem } from './issues';
import { classifyKind, displayKindOf, type ReadKind } from './kinds';
import { readHeader, type ObjectHeader } from './object-header';
import { finalizeNamespaces, readNamespace, type DeclaredNamespace } from './namespaces';
import { readNode } from './nodes';
import { readPod, type PodDraft } from './pods';
import { readController, type ControllerDraft, type ControllerKind } from './controllers';
import { assembleWorkloads } from './workloads';
import { readService } from './services';
import { readEndpointSlice } from './endpoint-slices';
import { readIngress } from './ingresses';
import { readIngressClass } from './ingress-classes';
import { readGateway, readGatewayClass } from './gateways';
import { readGatewayRoute } from './gateway-routes';
import { readReferenceGrant } from './reference-grants';
import { readNetworkPolicy } from './network-policy';
import {
  readAdminNetworkPolicy,
  readBaselineAdminNetworkPolicy,
  readClusterNetworkPolicy,
} from './admin-policy';
import { isRecord } from './unknown-values';
import { readCiliumCidrGroup, readCiliumPolicy } from './cilium/cilium-policy';
import { readCalicoNetworkSet, readCalicoPolicy, readCalicoTier } from './calico/calico-policy';

export interface BuildModelOptions {
  /** Namespace of namespaced objects that do not name one, as `kubectl apply` would use. */
  readonly defaultNamespace?: string;
  /**
   * Make pods from the template of workloads that have none (default true): right for
   * manifests audited before they are applied, wrong for a live cluster, where a workload
   * without pods (scaled to zero, a CronJob between runs) has nothing to reach.
   */
  readonly synthesizePods?: boolean;
}

/**
 * Everything read so far, keyed so a later object of the same kind and name replaces an earlier
 * one, the way a second `kubectl apply` would (a changed policy given after a cluster dump).
 */
class Collected {
  readonly namespaces = new Map<string, DeclaredNamespace>();
  readonly nodes = new Map<string, Node>();
  readonly pods = new Map<string, PodDraft>();
  readonly controllers = new Map<string, ControllerDraft>();
  readonly services = new Map<string, Service>();
  readonly serviceAccounts = new Map<string, ServiceAccount>();
  readonly endpointSlices = new Map<string, EndpointSlice>();
  readonly ingresses = new Map<string, Ingress>();
  readonly ingressClasses = new Map<string, IngressClass>();
  readonly gatewayClasses = new Map<string, GatewayClass>();
  readonly gateways = new Map<string, Gateway>();
  readonly gatewayRoutes = new Map<string, GatewayRoute>();
  readonly referenceGrants = new Map<string, ReferenceGrant>();
  readonly networkPolicies = new Map<string, NetworkPolicy>();
  readonly adminPolicies = new Map<string, AdminPolicy>();
  readonly ciliumPolicies = new Map<string, CiliumPolicy>();
  readonly ciliumCidrGroups = new Map<string, CiliumCidrGroup>();
  readonly calicoPolicies = new Map<string, CalicoPolicy>();
  readonly calicoTiers = new Map<string, CalicoTier>();
  readonly networkSets = new Map<string, CalicoNetworkSet>();
  readonly referencedNamespaces = new Set<string>();
}

type Reader = (header: ObjectHeader, into: Collected) => void;

function keyOf(header: ObjectHeader): string {
  return `${header.kind}/${header.namespace ?? ''}/${header.name}`;
}

/** Keeps the value only when reading the object reported nothing: the API server would refuse it. */
function keep<T>(map: Map<string, T>, header: ObjectHeader, value: T | undefined): void {
  if (value === undefined || !header.issues.clean) return;
  map.set(keyOf(header), value);
}

const controllerReader: Reader = (header, into) =>
  keep(into.controllers, header, readController(header as ObjectHeader & { kind: ControllerKind }));

const gatewayRouteReader: Reader = (header, into) =>
  keep(
    into.gatewayRoutes,
    header,
    readGatewayRoute(header as ObjectHeader & { kind: GatewayRouteKind }),
  );

const calicoPolicyReader: Reader = (header, into) =>
  keep(into.calicoPolicies, header, readCalicoPolicy(header));

const READERS: Readonly<Record<ReadKind, Reader>> = {
  Namespace: (header, into) => keep(into.namespaces, header, readNamespace(header)),
  Node: (header, into) => keep(into.nodes, header, readNode(header)),
  Pod: (header, into) => keep(into.pods, header, readPod(header)),
  Deployment: controllerReader,
  StatefulSet: controllerReader,
  DaemonSet: controllerReader,
  ReplicaSet: controllerReader,
  Job: controllerReader,
  CronJob: controllerReader,
  ReplicationController: controllerReader,
  Service: (header, into) => keep(into.services, header, readService(header)),
  ServiceAccount: (header, into) =>
    keep(into.serviceAccounts, header, { namespace: header.namespace ?? '', name: header.name, labels: header.labels, ...(header.source !== undefined && { source: header.source }) }),
  EndpointSlice: (header, into) => keep(into.endpointSlices, header, readEndpointSlice(header)),
  Ingress: (header, into) => keep(into.ingresses, header, readIngress(header)),
  IngressClass: (header, into) => keep(into.ingressClasses, header, readIngressClass(header)),
  GatewayClass: (header, into) => keep(into.gatewayClasses, header, readGatewayClass(header)),
  Gateway: (header, into) => keep(into.gateways, header, readGateway(header)),
  HTTPRoute: gatewayRouteReader,
  GRPCRoute: gatewayRouteReader,
  TLSRoute: gatewayRouteReader,
  TCPRoute: gatewayRouteReader,
  UDPRoute: gatewayRouteReader,
  ReferenceGrant: (header, into) => keep(into.referenceGrants, header, readReferenceGrant(header)),
  NetworkPolicy: (header, into) => keep(into.networkPolicies, header, readNetworkPolicy(header)),
  AdminNetworkPolicy: (header, into) =>
    keep(into.adminPolicies, header, readAdminNetworkPolicy(header)),
  BaselineAdminNetworkPolicy: (header, into) =>
    keep(into.adminPolicies, header, readBaselineAdminNetworkPolicy(header)),
  ClusterNetworkPolicy: (header, into) =>
    keep(into.adminPolicies, header, readClusterNetworkPolicy(header)),
  CiliumNetworkPolicy: (header, into) => keep(into.ciliumPolicies, header, readCiliumPolicy(header)),
  CiliumClusterwideNetworkPolicy: (header, into) =>
    keep(into.ciliumPolicies, header, readCiliumPolicy(header)),
  CiliumCIDRGroup: (header, into) => keep(into.ciliumCidrGroups, header, readCiliumCidrGroup(header)),
  CalicoNetworkPolicy: calicoPolicyReader,
  CalicoGlobalNetworkPolicy: calicoPolicyReader,
  CalicoStagedNetworkPolicy: calicoPolicyReader,
  CalicoStagedGlobalNetworkPolicy: calicoPolicyReader,
  CalicoStagedKubernetesNetworkPolicy: calicoPolicyReader,
  CalicoTier: (header, into) => keep(into.calicoTiers, header, readCalicoTier(header)),
  CalicoNetworkSet: (header, into) => keep(into.networkSets, header, readCalicoNetworkSet(header)),
  CalicoGlobalNetworkSet: (header, into) => keep(into.networkSets, header, readCalicoNetworkSet(header)),
};

/**
 * Reads Kubernetes objects into the normalized model. Never throws: every problem is reported
 * with file, object and field, the offending object is left out, and the rest is still read.
 */
export function buildModel(
  objects: readonly RawObject[],
  options: BuildModelOptions = {},
): ReadResult {
  const defaultNamespace = options.defaultNamespace ?? 'default';
  const problems: InputProblem[] = [];
  const skipped: Record<string, number> = {};
  const counts: Record<string, number> = {};
  const into = new Collected();

  for (const { obj, source } of objects) {
    const kind = isRecord(obj) ? obj['kind'] : undefined;
    if (!isRecord(obj) || typeof kind !== 'string' || kind === '') {
      problems.push(
        problem({ file: source?.file }, 'kind', 'is required: not a Kubernetes object'),
      );
      continue;
    }
    const kindClass = classifyKind(kind, obj['apiVersion']);
    if (!kindClass.read) {
      skipped[kindClass.skippedAs] = (skipped[kindClass.skippedAs] ?? 0) + 1;
      continue;
    }
    const display = displayKindOf(kindClass.kind);
    counts[display] = (counts[display] ?? 0) + 1;
    const header = readHeader({
      kind: kindClass.kind,
      namespaced: kindClass.namespaced,
      obj,
      ...(source !== undefined && { source }),
      defaultNamespace,
      problems,
    });
    if (header === undefined) continue;
    if (header.namespace !== undefined) into.referencedNamespaces.add(header.namespace);
    READERS[kindClass.kind](header, into);
  }

  const { pods, workloads } = assembleWorkloads(
    [...into.controllers.values()],
    [...into.pods.values()],
    options.synthesizePods ?? true,
  );
  const model: ClusterModel = {
    namespaces: finalizeNamespaces(into.namespaces.values(), into.referencedNamespaces),
    nodes: [...into.nodes.values()],
    pods,
    workloads,
    services: [...into.services.values()],
    serviceAccounts: [...into.serviceAccounts.values()],
    endpointSlices: [...into.endpointSlices.values()],
    ingresses: [...into.ingresses.values()],
    ingressClasses: [...into.ingressClasses.values()],
    gatewayClasses: [...into.gatewayClasses.values()],
    gateways: [...into.gateways.values()],
    gatewayRoutes: [...into.gatewayRoutes.values()],
    referenceGrants: [...into.referenceGrants.values()],
    networkPolicies: [...into.networkPolicies.values()],
    adminPolicies: [...into.adminPolicies.values()],
    ciliumPolicies: [...into.ciliumPolicies.values()],
    ciliumCidrGroups: [...into.ciliumCidrGroups.values()],
    calicoPolicies: [...into.calicoPolicies.values()],
    calicoTiers: [...into.calicoTiers.values()],
    networkSets: [...into.networkSets.values()],
  };
  return { model, problems, skipped, counts };
}
