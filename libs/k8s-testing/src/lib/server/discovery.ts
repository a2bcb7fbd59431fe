import type { KubeObject } from './kube-object';
import {
  qualifiedName,
  RESOURCE_TYPES,
  type CrdFeature,
  type ResourceType,
} from './resource-types';

/** Discovery documents (the legacy, unaggregated form client libraries and kubectl fall back to). */

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** The versions of each group that has at least one served resource, core first. */
export function servedGroups(served: readonly ResourceType[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const type of served) {
    const versions = groups.get(type.group) ?? [];
    if (!versions.includes(type.version)) versions.push(type.version);
    groups.set(type.group, versions);
  }
  return groups;
}

/** Newest stable first: v1 > v1beta1 > v1alpha2 > v1alpha1, as the server orders preferred versions. */
function versionRank(version: string): number {
  const match = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(version);
  if (match === null) return 0;
  const major = Number(match[1]);
  const stage = match[2] === undefined ? 3 : match[2] === 'beta' ? 2 : 1;
  return major * 10000 + stage * 1000 + Number(match[3] ?? 0);
}

export function apiVersions(serverAddress: string): Record<string, unknown> {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function apiGroup(name: string, versions: readonly string[]): Record<string, unknown> {
  const sorted = [...versions].sort((a, b) => versionRank(b) - versionRank(a));
  const entries = sorted.map((version) => ({ groupVersion: `${name}/${version}`, version }));
  return { name, versions: entries, preferredVersion: entries[0] };
}

export function apiGroupList(served: readonly ResourceType[]): Record<string, unknown> {
  const groups = [...servedGroups(served)].filter(([name]) => name !== '');
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groups.map(([name, versions]) => apiGroup(name, versions)),
  };
}

export function apiGroupDocument(
  served: readonly ResourceType[],
  group: string,
): Record<string, unknown> | undefined {
  const versions = servedGroups(served).get(group);
  if (versions === undefined || group === '') return undefined;
  return { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(group, versions) };
}

export function apiResourceList(
  served: readonly ResourceType[],
  group: string,
  version: string,
): Record<string, unknown> | undefined {
  const types = served.filter((type) => type.group === group && type.version === version);
  if (types.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group === '' ? version : `${group}/${version}`,
    resources: types.map((type) => ({
      name: type.plural,
      singularName: type.singular,
      namespaced: type.namespaced,
      kind: type.kind,
      verbs: VERBS,
      ...(type.shortNames !== undefined && { shortNames: type.shortNames }),
      ...(type.categories !== undefined && { categories: type.categories }),
    })),
  };
}

/** Where the upstream CRDs come from (kubernetes-sigs/network-policy-api). */
const POLICY_API_ANNOTATIONS = {
  'api-approved.kubernetes.io': 'https://github.com/kubernetes-sigs/network-policy-api/pull/30',
  'policy.networking.k8s.io/bundle-version': 'v0.1.7',
  'policy.networking.k8s.io/channel': 'experimental',
};

/** The CustomResourceDefinition object an installed optional kind is listed under. */
export function crdObject(type: ResourceType): KubeObject {
  const names = {
    plural: type.plural,
    singular: type.singular,
    kind: type.kind,
    listKind: type.listKind,
    ...(type.shortNames !== undefined && { shortNames: [...type.shortNames] }),
  };
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: qualifiedName(type), annotations: { ...POLICY_API_ANNOTATIONS } },
    spec: {
      group: type.group,
      names,
      scope: type.namespaced ? 'Namespaced' : 'Cluster',
      versions: [
        {
          name: type.version,
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: {
              type: 'object',
              required: ['metadata', 'spec'],
              properties: {
                apiVersion: { type: 'string' },
                kind: { type: 'string' },
                metadata: { type: 'object' },
                spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
                status: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
              },
            },
          },
          subresources: { status: {} },
          additionalPrinterColumns: [
            { jsonPath: '.metadata.creationTimestamp', name: 'Age', type: 'date' },
          ],
        },
      ],
      conversion: { strategy: 'None' },
    },
    status: {
      acceptedNames: names,
      conditions: [
        {
          type: 'NamesAccepted',
          status: 'True',
          reason: 'NoConflicts',
          message: 'no conflicts found',
        },
        {
          type: 'Established',
          status: 'True',
          reason: 'InitialNamesAccepted',
          message: 'the initial names have been accepted',
        },
      ],
      storedVersions: [type.version],
    },
  };
}

export function crdTypes(feature: CrdFeature): ResourceType[] {
  return RESOURCE_TYPES.filter((type) => type.crd === feature);
}
