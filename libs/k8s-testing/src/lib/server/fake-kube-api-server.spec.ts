import {
  ApiextensionsV1Api,
  ApisApi,
  AppsV1Api,
  CoreV1Api,
  CustomObjectsApi,
  NetworkingV1Api,
  VersionApi,
} from '@kubernetes/client-node';
import { apiError, kubeConfigFor, namespaceObject, podObject } from '../../../test/kube-client';
import { FakeKubeApiServer } from './fake-kube-api-server';
import { KubeApiError } from './api-status';
import type { KubeObject } from './kube-object';

async function getJson(
  url: string,
  init?: RequestInit,
): Promise<{ status: number; type: string | null; body: Record<string, unknown> }> {
  const response = await fetch(url, init);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: (await response.json()) as Record<string, unknown>,
  };
}

describe('FakeKubeApiServer', () => {
  let server: FakeKubeApiServer;

  afterEach(async () => {
    await server.stop();
  });

  describe('lists', () => {
    beforeEach(async () => {
      server = await FakeKubeApiServer.start();
      server.create(namespaceObject('shop'));
      server.create(namespaceObject('payments'));
      for (const name of ['a', 'b', 'c', 'd', 'e'])
        server.create(podObject('shop', name, { app: name === 'a' ? 'web' : 'api' }));
      server.create(podObject('payments', 'z', { app: 'api' }));
    });

    it('answer a <Kind>List with the resourceVersion, items without kind and apiVersion, as JSON', async () => {
      const { status, type, body } = await getJson(`${server.url}/api/v1/namespaces/shop/pods`);
      expect(status).toBe(200);
      expect(type).toBe('application/json');
      expect(body['kind']).toBe('PodList');
      expect(body['apiVersion']).toBe('v1');
      expect(body['metadata']).toEqual({ resourceVersion: server.resourceVersion });
      const items = body['items'] as KubeObject[];
      expect(items.map((item) => item.metadata.name)).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect(items[0]).not.toHaveProperty('kind');
      expect(items[0]).not.toHaveProperty('apiVersion');
    });

    it('page with limit/continue over one frozen snapshot', async () => {
      const api = kubeConfigFor(server).makeApiClient(CoreV1Api);
      const first = await api.listPodForAllNamespaces({ limit: 4 });
      expect(first.items.map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`)).toEqual([
        'payments/z',
        'shop/a',
        'shop/b',
        'shop/c',
      ]);
      expect(first.metadata?.remainingItemCount).toBe(2);
      const token = first.metadata?._continue;
      expect(token).toEqual(expect.any(String));

      server.create(podObject('shop', 'f'));
      server.delete('Pod', 'shop', 'e');

      const second = await api.listPodForAllNamespaces({ limit: 4, _continue: token! });
      expect(second.items.map((p) => p.metadata?.name)).toEqual(['d', 'e']);
      expect(second.metadata?.resourceVersion).toBe(first.metadata?.resourceVersion);
      expect(second.metadata?._continue).toBeUndefined();

      const fresh = await api.listPodForAllNamespaces({});
      expect(fresh.items.map((p) => p.metadata?.name)).toEqual(['z', 'a', 'b', 'c', 'd', 'f']);
    });

    it('answer 400 to an unreadable continue token and 410 Expired to one whose snapshot is compacted', async () => {
      const api = kubeConfigFor(server).makeApiClient(CoreV1Api);
      const bad = await apiError(
        api.listNamespacedPod({ namespace: 'shop', _continue: 'not-a-token' }),
      );
      expect(bad.code).toBe(400);
      expect(bad.body).toMatchObject({
        kind: 'Status',
        status: 'Failure',
        reason: 'BadRequest',
        code: 400,
      });

      const first = await api.listNamespacedPod({ namespace: 'shop', limit: 2 });
      server.compact();
      const expired = await apiError(
        api.listNamespacedPod({
          namespace: 'shop',
          limit: 2,
          _continue: first.metadata!._continue!,
        }),
      );
      expect(expired.code).toBe(410);
      expect(expired.body).toMatchObject({ reason: 'Expired', code: 410 });
    });

    it('filter by label selector and by metadata.name / metadata.namespace field selectors', async () => {
      const api = kubeConfigFor(server).makeApiClient(CoreV1Api);
      const names = (list: { items: { metadata?: { name?: string } }[] }): (string | undefined)[] =>
        list.items.map((p) => p.metadata?.name);
      expect(names(await api.listPodForAllNamespaces({ labelSelector: 'app=api' }))).toEqual([
        'z',
        'b',
        'c',
        'd',
        'e',
      ]);
      expect(
        names(await api.listNamespacedPod({ namespace: 'shop', labelSelector: 'app notin (api)' })),
      ).toEqual(['a']);
      expect(
        names(await api.listPodForAllNamespaces({ fieldSelector: 'metadata.namespace=payments' })),
      ).toEqual(['z']);
      expect(
        names(await api.listPodForAllNamespaces({ fieldSelector: 'metadata.name=c' })),
      ).toEqual(['c']);
      const invalid = await apiError(api.listPodForAllNamespaces({ labelSelector: 'app in (' }));
      expect(invalid.code).toBe(400);
    });

    it('give typed objects to client-node (timestamps as Date)', async () => {
      const api = kubeConfigFor(server).makeApiClient(CoreV1Api);
      const pod = await api.readNamespacedPod({ namespace: 'shop', name: 'a' });
      expect(pod.kind).toBe('Pod');
      expect(pod.metadata?.creationTimestamp).toBeInstanceOf(Date);
      expect(pod.metadata?.uid).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('errors are Status objects', () => {
    beforeEach(async () => {
      server = await FakeKubeApiServer.start({ token: 'secret' });
      server.create(namespaceObject('shop'));
      server.create(podObject('shop', 'a'));
    });

    it('404 NotFound for a missing object and for an unknown path', async () => {
      const api = kubeConfigFor(server).makeApiClient(CoreV1Api);
      const missing = await apiError(api.readNamespacedPod({ namespace: 'shop', name: 'nope' }));
      expect(missing.code).toBe(404);
      expect(missing.body).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'pods "nope" not found',
        reason: 'NotFound',
        code: 404,
        details: { name: 'nope', kind: 'pods' },
      });
      const unknown = await getJson(`${server.url}/apis/example.com/v1/widgets`, {
        headers: { authorization: 'Bearer secret' },
      });
      expect(unknown.status).toBe(404);
      expect(unknown.body['reason']).toBe('NotFound');
    });

    it('401 Unauthorized for a wrong or missing token; health and version stay public to anonymous users', async () => {
      const kc = kubeConfigFor(server);
      server.setToken('rotated');
      const denied = await apiError(
        kc.makeApiClient(CoreV1Api).listNamespacedPod({ namespace: 'shop' }),
      );
      expect(denied.code).toBe(401);
      expect((await fetch(`${server.url}/api/v1/pods`)).status).toBe(401);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${server.url}/version`)).status).toBe(200);
      expect(
        (await fetch(`${server.url}/version`, { headers: { authorization: 'Bearer wrong' } }))
          .status,
      ).toBe(401);

      const fresh = kubeConfigFor(server);
      expect(fresh.getCurrentUser()?.token).toBe('rotated');
      const pods = await fresh.makeApiClient(CoreV1Api).listNamespacedPod({ namespace: 'shop' });
      expect(pods.items).toHaveLength(1);
    });

    it('403 Forbidden for a denied resource on list, get and watch, until allowed again', async () => {
      const api = kubeConfigFor(server).makeApiClient(CoreV1Api);
      server.deny('pods');
      const list = await apiError(api.listPodForAllNamespaces({}));
      expect(list.code).toBe(403);
      expect(list.body).toMatchObject({
        reason: 'Forbidden',
        message:
          'pods is forbidden: User "system:serviceaccount:palisade:palisade" cannot list resource "pods" in API group "" at the cluster scope',
      });
      expect((await apiError(api.readNamespacedPod({ namespace: 'shop', name: 'a' }))).code).toBe(
        403,
      );
      const watch = await fetch(`${server.url}/api/v1/namespaces/shop/pods?watch=true`, {
        headers: { authorization: 'Bearer secret' },
      });
      expect(watch.status).toBe(403);
      await watch.text();
      expect((await api.listNamespace()).items.length).toBeGreaterThan(0);
      server.allow('pods');
      expect((await api.listPodForAllNamespaces({})).items).toHaveLength(1);
    });

    it('503 to everything while unavailable', async () => {
      const api = kubeConfigFor(server).makeApiClient(CoreV1Api);
      server.setUnavailable(true);
      expect((await apiError(api.listNamespace())).code).toBe(503);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
      server.setUnavailable(false);
      expect((await api.listNamespace()).items.map((ns) => ns.metadata?.name)).toContain('shop');
    });
  });

  describe('discovery', () => {
    it('lists the policy.networking.k8s.io group, its resources and CRDs only when the CRDs are installed', async () => {
      server = await FakeKubeApiServer.start();
      const kc = kubeConfigFor(server);
      const groups = async (): Promise<string[]> =>
        (await kc.makeApiClient(ApisApi).getAPIVersions()).groups.map((g) => g.name);
      expect(await groups()).toEqual(
        expect.arrayContaining(['apps', 'batch', 'networking.k8s.io', 'apiextensions.k8s.io']),
      );
      expect(await groups()).not.toContain('policy.networking.k8s.io');
      expect(
        (await kc.makeApiClient(ApiextensionsV1Api).listCustomResourceDefinition()).items,
      ).toEqual([]);
      const custom = kc.makeApiClient(CustomObjectsApi);
      const absent = await apiError(
        custom.listClusterCustomObject({
          group: 'policy.networking.k8s.io',
          version: 'v1alpha1',
          plural: 'adminnetworkpolicies',
        }),
      );
      expect(absent.code).toBe(404);

      server.setCrds({ adminNetworkPolicies: true, clusterNetworkPolicies: true });
      expect(await groups()).toContain('policy.networking.k8s.io');
      const group = await getJson(`${server.url}/apis/policy.networking.k8s.io`);
      expect(group.body['preferredVersion']).toEqual({
        groupVersion: 'policy.networking.k8s.io/v1alpha2',
        version: 'v1alpha2',
      });
      const v1alpha1 = await getJson(`${server.url}/apis/policy.networking.k8s.io/v1alpha1`);
      expect(v1alpha1.body).toMatchObject({
        kind: 'APIResourceList',
        groupVersion: 'policy.networking.k8s.io/v1alpha1',
      });
      expect(
        (v1alpha1.body['resources'] as { name: string; namespaced: boolean }[]).map((r) => [
          r.name,
          r.namespaced,
        ]),
      ).toEqual([
        ['adminnetworkpolicies', false],
        ['baselineadminnetworkpolicies', false],
      ]);
      const crds = await kc.makeApiClient(ApiextensionsV1Api).listCustomResourceDefinition();
      expect(crds.items.map((crd) => crd.metadata?.name)).toEqual([
        'adminnetworkpolicies.policy.networking.k8s.io',
        'baselineadminnetworkpolicies.policy.networking.k8s.io',
        'clusternetworkpolicies.policy.networking.k8s.io',
      ]);
      expect(crds.items[0]?.status?.conditions?.find((c) => c.type === 'Established')?.status).toBe(
        'True',
      );
      server.create({
        apiVersion: 'policy.networking.k8s.io/v1alpha1',
        kind: 'AdminNetworkPolicy',
        metadata: { name: 'deny-all' },
        spec: { priority: 5, subject: { namespaces: {} }, ingress: [] },
      });
      const anps = (await custom.listClusterCustomObject({
        group: 'policy.networking.k8s.io',
        version: 'v1alpha1',
        plural: 'adminnetworkpolicies',
      })) as { items: KubeObject[] };
      // Custom resources are unstructured: their list items keep kind and apiVersion.
      expect(anps.items).toEqual([
        expect.objectContaining({
          kind: 'AdminNetworkPolicy',
          spec: expect.objectContaining({ ingress: [] }),
        }),
      ]);

      server.setCrds({ adminNetworkPolicies: false });
      expect(server.serves('AdminNetworkPolicy')).toBe(false);
      expect(server.serves('ClusterNetworkPolicy')).toBe(true);
      expect((await getJson(`${server.url}/apis/policy.networking.k8s.io/v1alpha1`)).status).toBe(
        404,
      );
    });

    it('answers /api, /api/v1, /version and the health checks', async () => {
      server = await FakeKubeApiServer.start();
      const api = await getJson(`${server.url}/api`);
      expect(api.body).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
      const core = await getJson(`${server.url}/api/v1`);
      expect((core.body['resources'] as { name: string }[]).map((r) => r.name)).toEqual([
        'namespaces',
        'nodes',
        'pods',
        'services',
        'serviceaccounts',
      ]);
      const version = await kubeConfigFor(server).makeApiClient(VersionApi).getCode();
      expect(version.gitVersion).toBe('v1.31.0');
      for (const check of ['healthz', 'readyz', 'livez']) {
        const response = await fetch(`${server.url}/${check}`);
        expect([response.status, await response.text()]).toEqual([200, 'ok']);
      }
    });
  });

  describe('server-side behaviour', () => {
    beforeEach(async () => {
      server = await FakeKubeApiServer.start();
    });

    it('starts with the system namespaces and labels every namespace with its name', () => {
      const shop = server.create(namespaceObject('shop', { team: 'a' }));
      expect(shop.metadata.labels).toEqual({ team: 'a', 'kubernetes.io/metadata.name': 'shop' });
      expect(shop).toMatchObject({
        spec: { finalizers: ['kubernetes'] },
        status: { phase: 'Active' },
      });
      expect(server.list('Namespace').map((ns) => ns.metadata.name)).toEqual([
        'default',
        'kube-node-lease',
        'kube-public',
        'kube-system',
        'shop',
      ]);
    });

    it('sets uid, resourceVersion, creationTimestamp and generation, bumping generation on spec changes only', () => {
      server.create(namespaceObject('apps'));
      const before = Number(server.resourceVersion);
      const created = server.create({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web', namespace: 'apps', uid: 'ignored' },
        spec: {
          selector: { matchLabels: { app: 'web' } },
          template: {
            metadata: { labels: { app: 'web' } },
            spec: { containers: [{ name: 'web', image: 'nginx' }] },
          },
        },
      });
      expect(created.metadata).toMatchObject({
        generation: 1,
        resourceVersion: String(before + 1),
      });
      expect(created.metadata.uid).not.toBe('ignored');
      expect(created.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(created['spec']).toMatchObject({
        replicas: 1,
        revisionHistoryLimit: 10,
        strategy: { type: 'RollingUpdate' },
      });

      const relabelled = server.update({
        ...created,
        metadata: { ...created.metadata, labels: { team: 'x' } },
      });
      expect(relabelled.metadata.generation).toBe(1);
      const scaled = server.update({
        ...relabelled,
        spec: { ...(relabelled['spec'] as object), replicas: 3 },
      });
      expect(scaled.metadata).toMatchObject({
        generation: 2,
        uid: created.metadata.uid,
        creationTimestamp: created.metadata.creationTimestamp,
      });
    });

    it('defaults NetworkPolicy policyTypes (Egress only with egress rules) and ports to TCP', () => {
      server.create(namespaceObject('shop'));
      const ingressOnly = server.create({
        kind: 'NetworkPolicy',
        metadata: { name: 'a', namespace: 'shop' },
        spec: { podSelector: {}, ingress: [{ ports: [{ port: 80 }] }], egress: [] },
      });
      expect(ingressOnly['spec']).toEqual({
        podSelector: {},
        ingress: [{ ports: [{ port: 80, protocol: 'TCP' }] }],
        policyTypes: ['Ingress'],
      });
      const both = server.create({
        kind: 'NetworkPolicy',
        metadata: { name: 'b', namespace: 'shop' },
        spec: {
          podSelector: { matchLabels: { app: 'x' } },
          egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }],
        },
      });
      expect(both['spec']).toMatchObject({
        policyTypes: ['Ingress', 'Egress'],
        egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }],
      });
      const explicit = server.create({
        kind: 'NetworkPolicy',
        metadata: { name: 'c', namespace: 'shop' },
        spec: { podSelector: {}, policyTypes: ['Egress'] },
      });
      expect((explicit['spec'] as { policyTypes: string[] }).policyTypes).toEqual(['Egress']);
    });

    it('defaults Service and container ports to TCP, targetPort to port, and allocates a stable cluster IP', () => {
      server.create(namespaceObject('shop'));
      const svc = server.create({
        kind: 'Service',
        metadata: { name: 'web', namespace: 'shop' },
        spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
      });
      const spec = svc['spec'] as Record<string, unknown>;
      expect(spec).toMatchObject({
        type: 'ClusterIP',
        ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }],
      });
      expect(spec['clusterIP']).toMatch(/^10\.96\./);
      const updated = server.update({
        kind: 'Service',
        metadata: { name: 'web', namespace: 'shop', labels: { a: 'b' } },
        spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
      });
      expect((updated['spec'] as Record<string, unknown>)['clusterIP']).toBe(spec['clusterIP']);
      const pod = server.create(podObject('shop', 'p'));
      expect(pod).toMatchObject({
        spec: {
          containers: [{ ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] }],
          restartPolicy: 'Always',
        },
      });
    });

    it('refuses duplicates (409), stale resourceVersions (409 Conflict), missing namespaces and objects (404)', () => {
      server.create(namespaceObject('shop'));
      const pod = server.create(podObject('shop', 'p'));
      const codeOf = (action: () => unknown): [number, string] => {
        try {
          action();
        } catch (error) {
          if (error instanceof KubeApiError) return [error.code, error.reason];
          throw error;
        }
        return [0, ''];
      };
      expect(codeOf(() => server.create(podObject('shop', 'p')))).toEqual([409, 'AlreadyExists']);
      server.update({ ...pod, metadata: { ...pod.metadata, labels: { v: '2' } } });
      expect(
        codeOf(() => server.update({ ...pod, metadata: { ...pod.metadata, labels: { v: '3' } } })),
      ).toEqual([409, 'Conflict']);
      expect(codeOf(() => server.create(podObject('nowhere', 'p')))).toEqual([404, 'NotFound']);
      expect(codeOf(() => server.delete('Pod', 'shop', 'missing'))).toEqual([404, 'NotFound']);
      expect(
        codeOf(() => server.create({ kind: 'AdminNetworkPolicy', metadata: { name: 'x' } })),
      ).toEqual([404, 'NotFound']);
      expect(
        codeOf(() =>
          server.create({ kind: 'Pod', metadata: { name: 'Bad_Name', namespace: 'shop' } }),
        ),
      ).toEqual([422, 'Invalid']);
    });

    it('writes nothing for an update that changes nothing', () => {
      server.create(namespaceObject('shop'));
      const pod = server.create(podObject('shop', 'p'));
      const version = server.resourceVersion;
      const again = server.upsert(podObject('shop', 'p'));
      expect(server.resourceVersion).toBe(version);
      expect(again.metadata.resourceVersion).toBe(pod.metadata.resourceVersion);
    });

    it('empties a namespace before deleting it', () => {
      server.create(namespaceObject('shop'));
      server.create(podObject('shop', 'p'));
      server.delete('Namespace', undefined, 'shop');
      expect(server.list('Pod')).toEqual([]);
      expect(server.get('Namespace', undefined, 'shop')).toBeUndefined();
    });

    it('accepts creates, replaces and deletes over HTTP', async () => {
      const kc = kubeConfigFor(server);
      const core = kc.makeApiClient(CoreV1Api);
      await core.createNamespace({ body: { metadata: { name: 'shop' } } });
      const net = kc.makeApiClient(NetworkingV1Api);
      const created = await net.createNamespacedNetworkPolicy({
        namespace: 'shop',
        body: { metadata: { name: 'deny' }, spec: { podSelector: {} } },
      });
      expect(created.spec?.policyTypes).toEqual(['Ingress']);
      await net.replaceNamespacedNetworkPolicy({
        namespace: 'shop',
        name: 'deny',
        body: { ...created, spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } },
      });
      expect(server.get('NetworkPolicy', 'shop', 'deny')?.metadata.generation).toBe(2);
      await net.deleteNamespacedNetworkPolicy({ namespace: 'shop', name: 'deny' });
      expect(server.list('NetworkPolicy')).toEqual([]);
      const apps = kc.makeApiClient(AppsV1Api);
      expect(
        (await apiError(apps.readNamespacedDeployment({ namespace: 'shop', name: 'x' }))).code,
      ).toBe(404);
    });
  });

  describe('restarts', () => {
    it('pause() makes the server unreachable; resume() listens again on the same port with the state kept', async () => {
      server = await FakeKubeApiServer.start();
      const api = kubeConfigFor(server).makeApiClient(CoreV1Api);
      const url = server.url;
      await server.pause();
      await expect(api.listNamespace()).rejects.toThrow();
      server.create(namespaceObject('while-paused'));
      await server.resume();
      expect(server.url).toBe(url);
      expect((await api.listNamespace()).items.map((ns) => ns.metadata?.name)).toContain(
        'while-paused',
      );
    });

    it('counts requests by verb and resource', async () => {
      server = await FakeKubeApiServer.start();
      const api = kubeConfigFor(server).makeApiClient(CoreV1Api);
      await api.listNamespace();
      await api.listNamespace();
      await apiError(api.readNamespace({ name: 'missing' }));
      expect(server.requestCount({ verb: 'list', resource: 'namespaces' })).toBe(2);
      expect(server.requestCount({ status: 404 })).toBe(1);
      expect(server.requests.map((r) => `${r.verb} ${r.url} ${r.status}`)).toEqual([
        'list /api/v1/namespaces 200',
        'list /api/v1/namespaces 200',
        'get /api/v1/namespaces/missing 404',
      ]);
    });
  });
});

describe('FakeKubeApiServer: Cilium and Calico APIs', () => {
  it('serves Cilium and Calico objects only while their APIs are installed, telling kinds of one name apart by group', async () => {
    const server = await FakeKubeApiServer.start();
    try {
      const calicoPolicy = { apiVersion: 'crd.projectcalico.org/v1', kind: 'NetworkPolicy', metadata: { namespace: 'default', name: 'default.allow' }, spec: { selector: 'all()' } };
      expect(() => server.create(calicoPolicy)).toThrow(/could not find|not found|404/i);
      server.setCrds({ cilium: true, calico: true, calicoApiServer: true });
      server.create(calicoPolicy);
      server.create({ apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'deny' }, spec: { selector: 'all()' } });
      server.create({ apiVersion: 'cilium.io/v2', kind: 'CiliumNetworkPolicy', metadata: { namespace: 'default', name: 'c' }, spec: { endpointSelector: {} } });
      server.create({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { namespace: 'default', name: 'k8s' }, spec: { podSelector: {} } });
      expect(server.list('NetworkPolicy').map((p) => p.metadata.name)).toEqual(['k8s']);
      expect(server.list('NetworkPolicy.crd.projectcalico.org').map((p) => p.metadata.name)).toEqual(['default.allow']);
      const groups = await getJson(`${server.url}/apis`);
      const names = (groups.body['groups'] as { name: string }[]).map((g) => g.name);
      expect(names).toEqual(expect.arrayContaining(['cilium.io', 'crd.projectcalico.org', 'projectcalico.org']));
      const calicoList = await getJson(`${server.url}/apis/crd.projectcalico.org/v1/networkpolicies`);
      expect(calicoList.body).toMatchObject({ kind: 'NetworkPolicyList', items: [{ metadata: { name: 'default.allow' } }] });
      const crds = server.list('CustomResourceDefinition').map((c) => c.metadata.name);
      expect(crds).toContain('ciliumnetworkpolicies.cilium.io');
      // The Calico API server is an aggregated API: no CRD stands for it.
      expect(crds.some((name = '') => name.endsWith('.projectcalico.org') && !name.endsWith('crd.projectcalico.org'))).toBe(false);
      server.setCrds({ calicoApiServer: false });
      expect((await getJson(`${server.url}/apis/projectcalico.org/v3/globalnetworkpolicies`)).status).toBe(404);
    } finally {
      await server.stop();
    }
  });
});
