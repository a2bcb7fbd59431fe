import { Watch } from '@kubernetes/client-node';
import { eventually, kubeConfigFor, namespaceObject, podObject } from '../../../test/kube-client';
import { FakeKubeApiServer, type FakeKubeApiServerOptions } from './fake-kube-api-server';
import type { KubeObject } from './kube-object';

interface Received {
  readonly type: string;
  readonly name: string;
  readonly object: Record<string, unknown>;
}

/** A watch through client-node's Watch, recording events and how it ended. */
async function openWatch(
  server: FakeKubeApiServer,
  path: string,
  query: Record<string, string | number | boolean> = {},
): Promise<{ events: Received[]; done: Promise<unknown>; abort(): void }> {
  const events: Received[] = [];
  let finish: (err: unknown) => void = () => undefined;
  const done = new Promise<unknown>((resolve) => {
    finish = resolve;
  });
  const controller = await new Watch(kubeConfigFor(server)).watch(
    path,
    query,
    (type, object: Record<string, unknown>) => {
      const metadata = object['metadata'] as { name?: string } | undefined;
      events.push({ type, name: metadata?.name ?? '', object });
    },
    (err) => finish(err ?? null),
  );
  return { events, done, abort: () => controller.abort() };
}

describe('watches', () => {
  let server: FakeKubeApiServer;

  async function start(options: FakeKubeApiServerOptions = {}): Promise<void> {
    server = await FakeKubeApiServer.start(options);
    server.create(namespaceObject('shop'));
    server.create(namespaceObject('payments'));
  }

  afterEach(async () => {
    await server.stop();
  });

  it('stream ADDED, MODIFIED and DELETED after the resourceVersion, with kind and apiVersion on objects', async () => {
    await start();
    server.create(podObject('shop', 'old'));
    const from = server.resourceVersion;
    const watch = await openWatch(server, '/api/v1/namespaces/shop/pods', {
      resourceVersion: from,
    });
    await server.waitForWatch('pods');
    const pod = server.create(podObject('shop', 'web'));
    server.create(podObject('payments', 'elsewhere'));
    server.update({ ...pod, metadata: { ...pod.metadata, labels: { v: '2' } } });
    const deleted = server.delete('Pod', 'shop', 'web');
    await eventually(() => watch.events.length === 3, 2000, 'three events');
    expect(watch.events.map((e) => `${e.type} ${e.name}`)).toEqual([
      'ADDED web',
      'MODIFIED web',
      'DELETED web',
    ]);
    expect(watch.events[0]?.object).toMatchObject({ kind: 'Pod', apiVersion: 'v1' });
    // The DELETED event carries the last state, stamped with the deletion's resourceVersion.
    expect(watch.events[2]?.object).toMatchObject({
      metadata: { labels: { v: '2' }, resourceVersion: deleted.metadata.resourceVersion },
    });
    expect(
      typeof (watch.events[0]?.object['metadata'] as { creationTimestamp: unknown })
        .creationTimestamp,
    ).toBe('string');
    watch.abort();
  });

  it('replay retained history to a watch that starts from an older resourceVersion', async () => {
    await start();
    const from = server.resourceVersion;
    server.create(podObject('shop', 'a'));
    server.create(podObject('shop', 'b'));
    server.delete('Pod', 'shop', 'a');
    const watch = await openWatch(server, '/api/v1/pods', { resourceVersion: from });
    await eventually(() => watch.events.length === 3, 2000, 'replayed events');
    expect(watch.events.map((e) => `${e.type} ${e.name}`)).toEqual([
      'ADDED a',
      'ADDED b',
      'DELETED a',
    ]);
    watch.abort();
  });

  it('start with the current state as ADDED events when no resourceVersion is given', async () => {
    await start();
    server.create(podObject('shop', 'a'));
    server.create(podObject('payments', 'b'));
    const watch = await openWatch(server, '/api/v1/pods');
    await eventually(() => watch.events.length === 2, 2000, 'initial events');
    expect(watch.events.map((e) => `${e.type} ${e.name}`)).toEqual(['ADDED b', 'ADDED a']);
    watch.abort();
  });

  it('answer a too-old resourceVersion with one ERROR event holding a 410 Expired Status, then close', async () => {
    await start();
    const old = server.resourceVersion;
    server.create(podObject('shop', 'a'));
    server.compact();
    const watch = await openWatch(server, '/api/v1/pods', { resourceVersion: old });
    await expect(watch.done).resolves.toBeNull();
    expect(watch.events).toEqual([
      {
        type: 'ERROR',
        name: '',
        object: {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: `too old resource version: ${old} (${server.resourceVersion})`,
          reason: 'Expired',
          code: 410,
        },
      },
    ]);
    // The current resourceVersion is still a valid starting point.
    const current = await openWatch(server, '/api/v1/pods', {
      resourceVersion: server.resourceVersion,
    });
    server.create(podObject('shop', 'b'));
    await eventually(() => current.events.length === 1, 2000, 'event after compaction');
    current.abort();
  });

  it('forget the oldest writes beyond historyLimit, so long-running clusters expire old resourceVersions', async () => {
    await start({ historyLimit: 2 });
    const old = server.resourceVersion;
    for (const name of ['a', 'b', 'c']) server.create(podObject('shop', name));
    const expired = await openWatch(server, '/api/v1/pods', { resourceVersion: old });
    await expect(expired.done).resolves.toBeNull();
    expect(expired.events.map((e) => e.object['reason'])).toEqual(['Expired']);
    const recent = await openWatch(server, '/api/v1/pods', {
      resourceVersion: String(Number(server.resourceVersion) - 2),
    });
    await eventually(() => recent.events.length === 2, 2000, 'the retained events');
    expect(recent.events.map((e) => e.name)).toEqual(['b', 'c']);
    recent.abort();
  });

  it('send BOOKMARKs only to watches that allow them', async () => {
    await start({ bookmarkIntervalMs: 20 });
    const plain = await openWatch(server, '/api/v1/pods', {
      resourceVersion: server.resourceVersion,
    });
    const bookmarked = await openWatch(server, '/api/v1/pods', {
      resourceVersion: server.resourceVersion,
      allowWatchBookmarks: true,
    });
    await eventually(() => bookmarked.events.length >= 2, 2000, 'bookmarks');
    expect(bookmarked.events[0]).toEqual({
      type: 'BOOKMARK',
      name: '',
      object: {
        kind: 'Pod',
        apiVersion: 'v1',
        metadata: { resourceVersion: server.resourceVersion },
      },
    });
    expect(plain.events).toEqual([]);
    plain.abort();
    bookmarked.abort();
  });

  it('close cleanly after timeoutSeconds', async () => {
    await start();
    const started = Date.now();
    const watch = await openWatch(server, '/api/v1/pods', {
      resourceVersion: server.resourceVersion,
      timeoutSeconds: 1,
    });
    await expect(watch.done).resolves.toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(server.openWatches()).toEqual([]);
  });

  it('apply selectors with the server semantics: leaving the selection is a DELETED event', async () => {
    await start();
    const pod = server.create(podObject('shop', 'web', { app: 'web' }));
    const watch = await openWatch(server, '/api/v1/pods', {
      resourceVersion: server.resourceVersion,
      labelSelector: 'app=web',
      fieldSelector: 'metadata.namespace=shop',
    });
    await server.waitForWatch('pods');
    server.create(podObject('shop', 'api', { app: 'api' }));
    const moved = server.update({
      ...pod,
      metadata: { ...pod.metadata, labels: { app: 'other' } },
    });
    server.update({ ...moved, metadata: { ...moved.metadata, labels: { app: 'web' } } });
    await eventually(() => watch.events.length === 2, 2000, 'selector events');
    expect(watch.events.map((e) => `${e.type} ${e.name}`)).toEqual(['DELETED web', 'ADDED web']);
    expect(server.openWatches('pods')).toEqual([
      expect.objectContaining({
        labelSelector: 'app=web',
        fieldSelector: 'metadata.namespace=shop',
      }),
    ]);
    watch.abort();
  });

  it('hold events while stalled and deliver them in order on resume', async () => {
    await start();
    const watch = await openWatch(server, '/api/v1/pods', {
      resourceVersion: server.resourceVersion,
    });
    await server.waitForWatch('pods');
    server.stallWatches();
    server.create(podObject('shop', 'a'));
    server.create(podObject('shop', 'b'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(watch.events).toEqual([]);
    server.resumeWatches();
    await eventually(() => watch.events.length === 2, 2000, 'flushed events');
    expect(watch.events.map((e) => e.name)).toEqual(['a', 'b']);
    watch.abort();
  });

  it('let a client abort and re-watch from the same resourceVersion without losing events', async () => {
    await start();
    const from = server.resourceVersion;
    const first = await openWatch(server, '/api/v1/pods', { resourceVersion: from });
    await server.waitForWatch('pods');
    first.abort();
    await eventually(
      () => server.openWatches('pods').length === 0,
      2000,
      'the aborted watch to end',
    );
    server.create(podObject('shop', 'while-away'));
    const second = await openWatch(server, '/api/v1/pods', { resourceVersion: from });
    await eventually(() => second.events.length === 1, 2000, 'the missed event');
    expect(second.events[0]?.name).toBe('while-away');
    second.abort();
  });

  it('end open watches abruptly on dropWatches() and cleanly on closeWatches()', async () => {
    await start();
    const dropped = await openWatch(server, '/api/v1/pods', {
      resourceVersion: server.resourceVersion,
    });
    await server.waitForWatch('pods');
    server.dropWatches();
    await expect(dropped.done).resolves.toBeInstanceOf(Error);

    const closed = await openWatch(server, '/api/v1/pods', {
      resourceVersion: server.resourceVersion,
    });
    await server.waitForWatch('pods');
    server.closeWatches('pods');
    await expect(closed.done).resolves.toBeNull();
  });

  it('support the legacy /watch/ path and sendInitialEvents with its closing bookmark', async () => {
    await start();
    server.create(podObject('shop', 'a'));
    const legacy = await openWatch(server, '/api/v1/watch/namespaces/shop/pods', {
      resourceVersion: '0',
    });
    await eventually(() => legacy.events.length === 1, 2000, 'legacy initial event');
    legacy.abort();
    const streaming = await openWatch(server, '/api/v1/pods', {
      sendInitialEvents: true,
      allowWatchBookmarks: true,
      resourceVersionMatch: 'NotOlderThan',
    });
    await eventually(() => streaming.events.length === 2, 2000, 'initial events and bookmark');
    expect(streaming.events[1]).toMatchObject({
      type: 'BOOKMARK',
      object: { metadata: { annotations: { 'k8s.io/initial-events-end': 'true' } } },
    });
    streaming.abort();
  });

  it('watch a single object through its own path (a fieldSelector on its name)', async () => {
    await start();
    const pod = server.create(podObject('shop', 'a'));
    const watch = await openWatch(server, '/api/v1/namespaces/shop/pods/a', {
      resourceVersion: server.resourceVersion,
    });
    await server.waitForWatch('pods');
    server.create(podObject('shop', 'b'));
    server.update({ ...pod, metadata: { ...pod.metadata, labels: { touched: 'yes' } } });
    await eventually(() => watch.events.length === 1, 2000, 'the object event');
    expect(watch.events.map((e) => `${e.type} ${e.name}`)).toEqual(['MODIFIED a']);
    watch.abort();
  });

  it('report watch lifecycle events', async () => {
    await start();
    const ended: string[] = [];
    server.on('watchEnded', (info, reason) => ended.push(`${info.resource} ${reason}`));
    const watch = await openWatch(
      server,
      '/apis/networking.k8s.io/v1/namespaces/shop/networkpolicies',
      {
        resourceVersion: server.resourceVersion,
      },
    );
    const info = await server.waitForWatch('networkpolicies');
    expect(info).toMatchObject({
      resource: 'networkpolicies',
      namespace: 'shop',
      resourceVersion: server.resourceVersion,
    });
    const policy: KubeObject = {
      kind: 'NetworkPolicy',
      metadata: { name: 'p', namespace: 'shop' },
      spec: { podSelector: {} },
    };
    server.create(policy);
    await eventually(() => watch.events.length === 1, 2000, 'policy event');
    server.closeWatches();
    await watch.done;
    expect(ended).toEqual(['networkpolicies closed']);
  });
});
