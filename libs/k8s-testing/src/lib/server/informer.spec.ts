import {
  CoreV1Api,
  ListWatch,
  makeInformer,
  NetworkingV1Api,
  Watch,
  type V1NetworkPolicy,
  type V1Pod,
} from '@kubernetes/client-node';
import {
  eventually,
  kubeConfigFor,
  namespaceObject,
  podObject,
  recordInformer,
} from '../../../test/kube-client';
import { FakeKubeApiServer } from './fake-kube-api-server';

/**
 * client-node's informers (list + watch) against the fake, unchanged. What docs/environment.md says they
 * do is asserted here: a clean close re-watches, a 410 re-lists, anything else stops them.
 */
describe('client-node informers', () => {
  let server: FakeKubeApiServer;
  const stops: (() => Promise<void>)[] = [];

  beforeEach(async () => {
    server = await FakeKubeApiServer.start({ token: 'informer-token' });
    server.create(namespaceObject('shop'));
    server.create(namespaceObject('payments'));
    server.create(podObject('shop', 'existing', { app: 'web' }, '10.244.1.10'));
  });

  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
    await server.stop();
  });

  function podInformer(labelSelector?: string) {
    const kc = kubeConfigFor(server);
    const api = kc.makeApiClient(CoreV1Api);
    // makeInformer applies the selector to the watch only; the list function must apply it too.
    const informer = makeInformer<V1Pod>(
      kc,
      '/api/v1/pods',
      () => api.listPodForAllNamespaces(labelSelector === undefined ? {} : { labelSelector }),
      labelSelector,
    );
    const log = recordInformer(informer);
    stops.push(() => informer.stop());
    return { informer, log };
  }

  it('list, then watch: add, update and delete reach the cache and the callbacks', async () => {
    const { informer, log } = podInformer();
    await informer.start();
    await server.waitForWatch('pods');
    expect(log.lines).toEqual(['add existing']);
    // Listed objects are typed (Date); watched ones arrive as raw JSON (string timestamps).
    expect(informer.get('existing', 'shop')?.metadata?.creationTimestamp).toBeInstanceOf(Date);

    const pod = server.create(podObject('payments', 'new', {}, '10.244.2.10'));
    server.update({ ...pod, status: { phase: 'Running', podIP: '10.244.2.11' } });
    server.delete('Pod', 'shop', 'existing');
    await eventually(() => log.lines.length === 4, 2000, 'informer events');
    expect(log.lines).toEqual(['add existing', 'add new', 'update new', 'delete existing']);
    expect(informer.list().map((p) => p.status?.podIP)).toEqual(['10.244.2.11']);
    expect(typeof informer.get('new', 'payments')?.metadata?.creationTimestamp).toBe('string');
    expect(log.errors).toEqual([]);
  });

  it('applies a label selector to the list and the watch', async () => {
    const { informer, log } = podInformer('app=web');
    await informer.start();
    const watch = await server.waitForWatch('pods');
    expect(watch.labelSelector).toBe('app=web');
    server.create(podObject('shop', 'api', { app: 'api' }));
    server.create(podObject('shop', 'web-2', { app: 'web' }));
    await eventually(() => log.has('add web-2'), 2000, 'selected pod');
    expect(log.lines).toEqual(['add existing', 'add web-2']);
  });

  it('re-watches from its resourceVersion after a clean close, without an error or a re-list', async () => {
    const { informer, log } = podInformer();
    await informer.start();
    await server.waitForWatch('pods');
    const rewatch = server.waitForNextWatch('pods');
    server.closeWatches();
    server.create(podObject('shop', 'during-reconnect'));
    const info = await rewatch;
    expect(Number(info.resourceVersion)).toBeLessThan(Number(server.resourceVersion));
    await eventually(() => log.has('add during-reconnect'), 2000, 'event replayed after reconnect');
    expect(server.requestCount({ verb: 'list', resource: 'pods' })).toBe(1);
    expect(log.errors).toEqual([]);
  });

  it('re-lists after a 410 Expired (history compacted while it was away)', async () => {
    const { informer, log } = podInformer();
    await informer.start();
    await server.waitForWatch('pods');
    server.stallWatches();
    server.create(podObject('shop', 'missed'));
    server.delete('Pod', 'shop', 'existing');
    server.compact();
    server.closeWatches();
    server.resumeWatches();
    await eventually(
      () => server.requestCount({ verb: 'list', resource: 'pods' }) === 2,
      2000,
      'a re-list',
    );
    await eventually(
      () => log.has('delete existing') && log.has('add missed'),
      2000,
      're-listed state',
    );
    expect(informer.list().map((p) => p.metadata?.name)).toEqual(['missed']);
    // client-node waits its reconnect backoff (1 s) before watching again after the re-list.
    const watch = await server.waitForWatch('pods');
    expect(watch.resourceVersion).toBe(server.resourceVersion);
    expect(log.errors).toEqual([]);
  });

  it('emits error and stops when its watch socket is dropped; start() again recovers', async () => {
    const { informer, log } = podInformer();
    await informer.start();
    await server.waitForWatch('pods');
    server.dropWatches();
    await eventually(() => log.errors.length === 1, 2000, 'the informer error');
    const requests = server.requestCount();
    server.create(podObject('shop', 'unseen-until-restart'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.requestCount()).toBe(requests);
    expect(server.openWatches()).toEqual([]);
    expect(log.has('add unseen-until-restart')).toBe(false);

    await informer.start();
    await eventually(() => log.has('add unseen-until-restart'), 2000, 'the missed event');
    expect(log.errors).toHaveLength(1);
  });

  it('emits error and stops when the API server restarts; start() after resume() recovers', async () => {
    const { informer, log } = podInformer();
    await informer.start();
    await server.waitForWatch('pods');
    await server.pause();
    await eventually(() => log.errors.length === 1, 2000, 'the informer error');
    server.create(podObject('shop', 'created-while-down'));

    // Restarting too early fails again: the informer kept its resourceVersion, so it re-watches
    // (no list) and the connection is refused.
    await informer.start();
    expect(log.errors).toHaveLength(2);
    await server.resume();
    await informer.start();
    await eventually(() => log.has('add created-while-down'), 2000, 'the change made while down');
    expect(log.errors).toHaveLength(2);
  });

  it('emits an ApiException with code 403 when the resource is denied, and 401 on a wrong token', async () => {
    server.deny('networkpolicies');
    const kc = kubeConfigFor(server);
    const api = kc.makeApiClient(NetworkingV1Api);
    const informer = makeInformer<V1NetworkPolicy>(
      kc,
      '/apis/networking.k8s.io/v1/networkpolicies',
      () => api.listNetworkPolicyForAllNamespaces(),
    );
    stops.push(() => informer.stop());
    const log = recordInformer(informer);
    await informer.start();
    expect(log.errors).toEqual([expect.objectContaining({ code: 403 })]);

    const pods = podInformer();
    server.setToken('rotated');
    await pods.informer.start();
    expect(pods.log.errors).toEqual([expect.objectContaining({ code: 401 })]);
  });

  it('does not depend on watch events to stay alive: a stalled watch is just quiet', async () => {
    const { informer, log } = podInformer();
    await informer.start();
    await server.waitForWatch('pods');
    server.stallWatches();
    server.create(podObject('shop', 'late'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(log.has('add late')).toBe(false);
    server.resumeWatches();
    await eventually(() => log.has('add late'), 2000, 'the delayed event');
    expect(log.errors).toEqual([]);
  });

  it('re-watches from the same resourceVersion when the client gives up on a silent watch', async () => {
    const kc = kubeConfigFor(server);
    const api = kc.makeApiClient(CoreV1Api);
    const watch = new Watch(kc);
    // client-node aborts a watch after 30 s without data; shortened here (a private field) to test it.
    (watch as unknown as { requestTimeoutMs: number }).requestTimeoutMs = 150;
    const informer = new ListWatch<V1Pod>(
      '/api/v1/pods',
      watch,
      () => api.listPodForAllNamespaces(),
      false,
    );
    stops.push(() => informer.stop());
    const log = recordInformer(informer);
    await informer.start();
    const first = await server.waitForWatch('pods');
    server.stallWatches();
    server.create(podObject('shop', 'queued-on-the-silent-watch'));
    const second = await server.waitForNextWatch('pods', 2000);
    expect(second.resourceVersion).toBe(first.resourceVersion);
    server.resumeWatches();
    await eventually(
      () => log.has('add queued-on-the-silent-watch'),
      2000,
      'the event on the new watch',
    );
    expect(log.errors).toEqual([]);
    expect(server.requestCount({ verb: 'list', resource: 'pods' })).toBe(1);
  });
});
