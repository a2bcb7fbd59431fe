import {
  AppsV1Api,
  BatchV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  KubernetesListObject,
  KubernetesObject,
  NetworkingV1Api,
} from '@kubernetes/client-node';
// The serializer that maps typed models back to wire JSON (`_from` -> `from`, Date -> string)
// is not re-exported by the package index; the package has no exports map, so this path is stable.
import { ObjectSerializer } from '@kubernetes/client-node/dist/gen/models/ObjectSerializer.js';

export type Lister = () => Promise<KubernetesListObject<KubernetesObject>>;

/** A resource Palisade watches in every cluster (or where its CRD is installed). */
export interface WatchedResource {
  readonly kind: string;
  readonly apiVersion: string;
  /** The all-namespaces list/watch path. */
  readonly path: string;
  /** A cluster without it is still audited (nodes: RBAC may hide them; CRDs: may be absent). */
  readonly required: boolean;
  /** Installed only where the policy.networking.k8s.io CRD of this version exists. */
  readonly crdVersion?: 'v1alpha1' | 'v1alpha2';
  readonly lister: (kc: KubeConfig) => Lister;
}

export const POLICY_GROUP = 'policy.networking.k8s.io';

/** Typed list items back to the JSON the API sent, so list and watch objects look alike. */
function wire<T extends KubernetesObject>(type: string, list: KubernetesListObject<T>): KubernetesListObject<KubernetesObject> {
  return { ...list, items: list.items.map((item) => ObjectSerializer.serialize(item, type, '') as KubernetesObject) };
}

function typed(
  kind: string,
  apiVersion: string,
  path: string,
  required: boolean,
  type: string,
  list: (kc: KubeConfig) => Promise<KubernetesListObject<KubernetesObject>>,
): WatchedResource {
  return { kind, apiVersion, path, required, lister: (kc) => async () => wire(type, await list(kc)) };
}

function custom(kind: string, version: 'v1alpha1' | 'v1alpha2', plural: string): WatchedResource {
  return {
    kind,
    apiVersion: `${POLICY_GROUP}/${version}`,
    path: `/apis/${POLICY_GROUP}/${version}/${plural}`,
    required: false,
    crdVersion: version,
    lister: (kc) => {
      const api = kc.makeApiClient(CustomObjectsApi);
      return async () =>
        (await api.listClusterCustomObject({ group: POLICY_GROUP, version, plural })) as KubernetesListObject<KubernetesObject>;
    },
  };
}

export const WATCHED_RESOURCES: readonly WatchedResource[] = [
  typed('Namespace', 'v1', '/api/v1/namespaces', true, 'V1Namespace', (kc) => kc.makeApiClient(CoreV1Api).listNamespace()),
  typed('Pod', 'v1', '/api/v1/pods', true, 'V1Pod', (kc) => kc.makeApiClient(CoreV1Api).listPodForAllNamespaces()),
  typed('Service', 'v1', '/api/v1/services', false, 'V1Service', (kc) => kc.makeApiClient(CoreV1Api).listServiceForAllNamespaces()),
  typed('Node', 'v1', '/api/v1/nodes', false, 'V1Node', (kc) => kc.makeApiClient(CoreV1Api).listNode()),
  typed('Deployment', 'apps/v1', '/apis/apps/v1/deployments', false, 'V1Deployment', (kc) =>
    kc.makeApiClient(AppsV1Api).listDeploymentForAllNamespaces(),
  ),
  typed('ReplicaSet', 'apps/v1', '/apis/apps/v1/replicasets', false, 'V1ReplicaSet', (kc) =>
    kc.makeApiClient(AppsV1Api).listReplicaSetForAllNamespaces(),
  ),
  typed('StatefulSet', 'apps/v1', '/apis/apps/v1/statefulsets', false, 'V1StatefulSet', (kc) =>
    kc.makeApiClient(AppsV1Api).listStatefulSetForAllNamespaces(),
  ),
  typed('DaemonSet', 'apps/v1', '/apis/apps/v1/daemonsets', false, 'V1DaemonSet', (kc) =>
    kc.makeApiClient(AppsV1Api).listDaemonSetForAllNamespaces(),
  ),
  typed('Job', 'batch/v1', '/apis/batch/v1/jobs', false, 'V1Job', (kc) => kc.makeApiClient(BatchV1Api).listJobForAllNamespaces()),
  typed('CronJob', 'batch/v1', '/apis/batch/v1/cronjobs', false, 'V1CronJob', (kc) =>
    kc.makeApiClient(BatchV1Api).listCronJobForAllNamespaces(),
  ),
  typed('NetworkPolicy', 'networking.k8s.io/v1', '/apis/networking.k8s.io/v1/networkpolicies', true, 'V1NetworkPolicy', (kc) =>
    kc.makeApiClient(NetworkingV1Api).listNetworkPolicyForAllNamespaces(),
  ),
  typed('Ingress', 'networking.k8s.io/v1', '/apis/networking.k8s.io/v1/ingresses', false, 'V1Ingress', (kc) =>
    kc.makeApiClient(NetworkingV1Api).listIngressForAllNamespaces(),
  ),
  custom('AdminNetworkPolicy', 'v1alpha1', 'adminnetworkpolicies'),
  custom('BaselineAdminNetworkPolicy', 'v1alpha1', 'baselineadminnetworkpolicies'),
  custom('ClusterNetworkPolicy', 'v1alpha2', 'clusternetworkpolicies'),
];
