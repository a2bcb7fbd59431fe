import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { stringify } from 'yaml';
import { KubeApiError, kubeStatus, statuses } from './api-status';
import {
  apiGroupDocument,
  apiGroupList,
  apiResourceList,
  apiVersions,
  crdObject,
  crdTypes,
} from './discovery';
import { sendJson, sendStatus, sendText } from './http-io';
import { cloneJson, type KubeObject } from './kube-object';
import { ListPager } from './list-pager';
import { ObjectStore } from './object-store';
import {
  handleGet,
  handleList,
  handleWatch,
  handleWrite,
  type HandlerContext,
  type ResourceRequest,
  type WatchRequest,
} from './resource-handlers';
import {
  qualifiedName,
  AGGREGATED_FEATURES,
  RESOURCE_TYPES,
  resourceTypeForKind,
  type CrdFeature,
  type ResourceType,
} from './resource-types';
import { parseRoute, type Route } from './routes';
import { WatchStream, type WatchEndReason } from './watch-stream';

export interface CrdOptions {
  /** AdminNetworkPolicy and BaselineAdminNetworkPolicy (policy.networking.k8s.io/v1alpha1). */
  readonly adminNetworkPolicies?: boolean;
  /** ClusterNetworkPolicy (policy.networking.k8s.io/v1alpha2). */
  readonly clusterNetworkPolicies?: boolean;
  /** Cilium's CRDs (cilium.io: CiliumNetworkPolicy, CiliumClusterwideNetworkPolicy, CiliumCIDRGroup). */
  readonly cilium?: boolean;
  /** Calico's CRDs (crd.projectcalico.org/v1: policies, tiers, network sets). */
  readonly calico?: boolean;
  /** The Calico API server (projectcalico.org/v3, an aggregated API). */
  readonly calicoApiServer?: boolean;
  /** Gateway API CRDs (gateway.networking.k8s.io, the v1.1 experimental channel). */
  readonly gatewayApi?: boolean;
}

export interface FakeKubeApiServerOptions {
  /** 0 (the default) picks a free port. The server binds 127.0.0.1 only. */
  readonly port?: number;
  /** When set, every request needs `Authorization: Bearer <token>` (else 401). */
  readonly token?: string;
  /** Optional CRDs to install; without them their paths answer 404, as on a cluster without them. */
  readonly crds?: CrdOptions;
  /** Start with default, kube-system, kube-public and kube-node-lease, like a real cluster. Default true. */
  readonly systemNamespaces?: boolean;
  /** Writes remembered for watches resuming from a resourceVersion. Default 10,000. */
  readonly historyLimit?: number;
  /** How often watches that allow bookmarks get one. Default 60 s (the real server's order). */
  readonly bookmarkIntervalMs?: number;
  /** The server's own watch timeout (kube-apiserver's --min-request-timeout); none by default. */
  readonly maxWatchSeconds?: number;
  /** How long a continue token stays valid. Default 5 minutes. */
  readonly continueTtlMs?: number;
  /** The user named in 403 messages. */
  readonly user?: string;
}

export type RequestVerb =
  | 'get'
  | 'list'
  | 'watch'
  | 'create'
  | 'update'
  | 'delete'
  | 'discovery'
  | 'health'
  | 'version'
  | 'unknown';

/** One request as the server saw it. */
export interface RequestRecord {
  readonly method: string;
  /** Path and query, as sent. */
  readonly url: string;
  readonly verb: RequestVerb;
  /** The resource plural (`pods`), for resource requests. */
  readonly resource?: string;
  readonly namespace?: string;
  readonly name?: string;
  /** The HTTP status answered (200 for a watch that was opened). */
  readonly status: number;
  readonly at: number;
}

export interface RequestFilter {
  readonly verb?: RequestVerb;
  readonly resource?: string;
  readonly status?: number;
}

/** An open (or just ended) watch. */
export interface WatchInfo {
  readonly id: number;
  readonly resource: string;
  readonly namespace?: string;
  readonly labelSelector: string;
  readonly fieldSelector: string;
  /** The resourceVersion the client asked to start from ('' for none). */
  readonly resourceVersion: string;
  readonly startedAt: number;
}

export interface FakeKubeApiServerEvents {
  request: [RequestRecord];
  watchStarted: [WatchInfo];
  watchEnded: [WatchInfo, WatchEndReason];
}

const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];
const PUBLIC_PATHS = new Set(['health', 'version']);
const DEFAULT_USER = 'system:serviceaccount:palisade:palisade';
const RECENT_REQUESTS = 1000;

/** A kube-apiserver build as /version reports it. */
const VERSION_INFO = {
  major: '1',
  minor: '31',
  gitVersion: 'v1.31.0',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2024-08-13T07:28:49Z',
  goVersion: 'go1.22.5',
  compiler: 'gc',
  platform: 'linux/amd64',
};

/**
 * An in-process Kubernetes API server on 127.0.0.1 that `@kubernetes/client-node` (typed list
 * calls, Watch, informers) talks to unchanged. Tests and the demo cluster drive it through the
 * control API (create, update, delete objects) and the failure hooks (drop or stall watches,
 * expire resourceVersions, deny resources, restart the server).
 */
export class FakeKubeApiServer {
  private readonly store: ObjectStore;
  /** Aggregated APIs served now (they have no CRD object to tell). */
  private readonly aggregated = new Set<CrdFeature>();
  private readonly pager: ListPager;
  private readonly http: Server;
  private readonly sockets = new Set<Socket>();
  private readonly watches = new Set<WatchStream>();
  private readonly watchInfo = new WeakMap<WatchStream, WatchInfo>();
  private readonly denied = new Set<string>();
  private readonly emitter = new EventEmitter();
  private readonly counters = new Map<string, number>();
  private readonly recent: RequestRecord[] = [];
  private readonly unsubscribe: () => void;
  private token: string | undefined;
  private unavailable = false;
  private stalled = false;
  private listening = false;
  private stopped = false;
  private nextWatchId = 1;
  private boundPort = 0;

  private constructor(private readonly options: FakeKubeApiServerOptions) {
    this.token = options.token;
    this.store = new ObjectStore({ historyLimit: options.historyLimit ?? 10_000 });
    this.pager = new ListPager(options.continueTtlMs ?? 5 * 60_000);
    this.emitter.setMaxListeners(0);
    this.unsubscribe = this.store.subscribe((event) => {
      for (const stream of [...this.watches]) stream.offer(event);
    });
    this.http = createServer((req, res) => {
      // handle() answers every failure itself; this only guards against a throwing listener.
      this.handle(req, res).catch(() => res.destroy());
    });
    this.http.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    if (options.systemNamespaces ?? true) {
      for (const name of SYSTEM_NAMESPACES)
        this.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    }
    this.setCrds(options.crds ?? {});
  }

  /** Starts a server; `await server.stop()` when done. */
  static async start(options: FakeKubeApiServerOptions = {}): Promise<FakeKubeApiServer> {
    const server = new FakeKubeApiServer(options);
    await server.listen(options.port ?? 0);
    return server;
  }

  /** `http://127.0.0.1:<port>`: the same across pause() and resume(). */
  get url(): string {
    return `http://127.0.0.1:${this.boundPort}`;
  }

  get port(): number {
    return this.boundPort;
  }

  /** The cluster's current resourceVersion (every write increments it). */
  get resourceVersion(): string {
    return String(this.store.resourceVersion);
  }

  /** A kubeconfig for client-node: `kc.loadFromString(server.kubeconfigYaml())`. */
  kubeconfigYaml(contextName = 'fake'): string {
    return stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        { name: contextName, cluster: { server: this.url, 'insecure-skip-tls-verify': true } },
      ],
      users: [{ name: contextName, user: this.token === undefined ? {} : { token: this.token } }],
      contexts: [{ name: contextName, context: { cluster: contextName, user: contextName } }],
      'current-context': contextName,
      preferences: {},
    });
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.closeListener();
    this.unsubscribe();
    this.emitter.removeAllListeners();
  }

  // ---- Control API: the cluster's state -------------------------------------------------------

  /** Creates an object (kind required; apiVersion checked when given). ADDED event; 409 if it exists. */
  create<T extends KubeObject = KubeObject>(obj: KubeObject): T {
    return cloneJson(this.store.create(this.typeOf(obj.kind, obj.apiVersion), obj)) as T;
  }

  /**
   * Replaces an object (MODIFIED event). A metadata.resourceVersion in `obj` must be current (else
   * 409 Conflict); leave it out for an unconditional update. 404 when it does not exist.
   */
  update<T extends KubeObject = KubeObject>(obj: KubeObject): T {
    return cloneJson(this.store.update(this.typeOf(obj.kind, obj.apiVersion), obj)) as T;
  }

  /** Creates or replaces, like `kubectl apply` without the merge. */
  upsert<T extends KubeObject = KubeObject>(obj: KubeObject): T {
    const type = this.typeOf(obj.kind, obj.apiVersion);
    const exists =
      this.store.get(type, obj.metadata?.namespace || 'default', obj.metadata?.name ?? '') !==
      undefined;
    const metadata = { ...obj.metadata };
    delete metadata.resourceVersion;
    const unconditional = { ...obj, metadata };
    return cloneJson(
      exists ? this.store.update(type, unconditional) : this.store.create(type, unconditional),
    ) as T;
  }

  /**
   * Deletes an object; the DELETED event carries its last state. Deleting a namespace deletes its
   * contents first; deleting one of the optional CRDs deletes its objects and ends its watches.
   * 404 when it does not exist.
   */
  delete(kind: string, namespace: string | undefined, name: string): KubeObject {
    const type = this.typeOf(kind);
    if (type.kind === 'CustomResourceDefinition') {
      const served = RESOURCE_TYPES.find((t) => t.crd !== undefined && qualifiedName(t) === name);
      if (served !== undefined && this.serves(served.kind)) {
        this.store.deleteAll(served);
        for (const stream of [...this.watches])
          if (stream.resource === served) stream.end('closed');
      }
    }
    return cloneJson(this.store.delete(type, namespace, name));
  }

  get<T extends KubeObject = KubeObject>(
    kind: string,
    namespace: string | undefined,
    name: string,
  ): T | undefined {
    const obj = this.store.get(this.typeOf(kind), namespace, name);
    return obj === undefined ? undefined : (cloneJson(obj) as T);
  }

  /** Objects of a kind, in one namespace or all, sorted as the server lists them. */
  list<T extends KubeObject = KubeObject>(kind: string, namespace?: string): T[] {
    return cloneJson(this.store.list(this.typeOf(kind), namespace)) as T[];
  }

  /** Whether the server currently serves a kind (the optional ones only while their CRD exists). */
  serves(kind: string): boolean {
    const type = resourceTypeForKind(kind);
    return type !== undefined && this.isServed(type);
  }

  /** Installs or removes the optional CRDs; a feature left out keeps its current state. */
  setCrds(crds: CrdOptions): void {
    const features: [CrdFeature, boolean | undefined][] = [
      ['adminNetworkPolicies', crds.adminNetworkPolicies],
      ['clusterNetworkPolicies', crds.clusterNetworkPolicies],
      ['cilium', crds.cilium],
      ['calico', crds.calico],
      ['calicoApiServer', crds.calicoApiServer],
      ['gatewayApi', crds.gatewayApi],
    ];
    for (const [feature, wanted] of features) {
      if (wanted === undefined) continue;
      if (AGGREGATED_FEATURES.includes(feature)) {
        if (wanted) this.aggregated.add(feature);
        else this.aggregated.delete(feature);
        continue;
      }
      for (const type of crdTypes(feature)) {
        const installed = this.serves(`${type.kind}.${type.group}`);
        if (wanted && !installed) this.create(crdObject(type));
        if (!wanted && installed)
          this.delete('CustomResourceDefinition', undefined, qualifiedName(type));
      }
    }
  }

  // ---- Failure hooks ----------------------------------------------------------------------------

  /** Destroys every open watch socket mid-stream (client-node's informer errors and stops). */
  dropWatches(resource?: string): void {
    for (const stream of this.selectWatches(resource)) stream.drop();
  }

  /** Ends every open watch cleanly, as the server's watch timeout does (informers re-watch). */
  closeWatches(resource?: string): void {
    for (const stream of this.selectWatches(resource)) stream.end('closed');
  }

  /** Stops sending watch events (and bookmarks) without closing anything; they queue up. */
  stallWatches(): void {
    this.stalled = true;
    for (const stream of this.watches) stream.stall();
  }

  /** Sends everything queued while stalled, in order, and carries on. */
  resumeWatches(): void {
    this.stalled = false;
    for (const stream of this.watches) stream.resume();
  }

  /**
   * Forgets the write history and outstanding continue tokens, as an etcd compaction does: a watch
   * from any resourceVersion older than the current one now gets 410 Expired.
   */
  compact(): void {
    this.store.compact();
    this.pager.expireAll();
  }

  /** Answers 403 Forbidden to every request for this resource (`pods`, `networkpolicies`, ...). */
  deny(resource: string): void {
    this.denied.add(resource);
  }

  allow(resource: string): void {
    this.denied.delete(resource);
  }

  /** Requires this bearer token from now on (undefined: no authentication). */
  setToken(token: string | undefined): void {
    this.token = token;
  }

  /** While true, every request gets 503 ServiceUnavailable (open watches carry on). */
  setUnavailable(unavailable: boolean): void {
    this.unavailable = unavailable;
  }

  /**
   * Closes the listening socket and every connection (watches die mid-stream): the cluster is
   * unreachable until resume(). The state lives on and can change meanwhile.
   */
  async pause(): Promise<void> {
    if (this.stopped) throw new Error('the fake API server is stopped');
    await this.closeListener();
  }

  /** Listens again on the same port, as an API server back from a restart. */
  async resume(): Promise<void> {
    if (this.stopped) throw new Error('the fake API server is stopped');
    if (!this.listening) await this.listen(this.boundPort);
  }

  // ---- Observing what clients do ----------------------------------------------------------------

  on<E extends keyof FakeKubeApiServerEvents>(
    event: E,
    listener: (...args: FakeKubeApiServerEvents[E]) => void,
  ): this {
    this.emitter.on(event, listener as (...args: unknown[]) => void);
    return this;
  }

  off<E extends keyof FakeKubeApiServerEvents>(
    event: E,
    listener: (...args: FakeKubeApiServerEvents[E]) => void,
  ): this {
    this.emitter.off(event, listener as (...args: unknown[]) => void);
    return this;
  }

  /** The most recent requests (up to 1,000), oldest first. */
  get requests(): readonly RequestRecord[] {
    return [...this.recent];
  }

  /** How many requests matched, since the start (all verbs, resources and statuses by default). */
  requestCount(filter: RequestFilter = {}): number {
    let total = 0;
    for (const [key, count] of this.counters) {
      const [verb, resource, status] = key.split(' ');
      if (filter.verb !== undefined && filter.verb !== verb) continue;
      if (filter.resource !== undefined && filter.resource !== resource) continue;
      if (filter.status !== undefined && String(filter.status) !== status) continue;
      total += count;
    }
    return total;
  }

  /** Watches open now, optionally on one resource. */
  openWatches(resource?: string): WatchInfo[] {
    return this.selectWatches(resource).flatMap((stream) => {
      const info = this.watchInfo.get(stream);
      return info === undefined ? [] : [info];
    });
  }

  /** Resolves with an open watch on the resource: one open now, or the next one established. */
  waitForWatch(resource: string, timeoutMs = 5000): Promise<WatchInfo> {
    const open = this.openWatches(resource)[0];
    return open !== undefined ? Promise.resolve(open) : this.waitForNextWatch(resource, timeoutMs);
  }

  /** Resolves with the next watch established on the resource after this call. */
  waitForNextWatch(resource: string, timeoutMs = 5000): Promise<WatchInfo> {
    return this.waitForEvent(
      'watchStarted',
      (info) => info.resource === resource,
      timeoutMs,
      `a watch on ${resource}`,
    ).then(([info]) => info);
  }

  /** Resolves with the next request matching the filter. */
  waitForRequest(filter: RequestFilter, timeoutMs = 5000): Promise<RequestRecord> {
    return this.waitForEvent(
      'request',
      (record) =>
        (filter.verb === undefined || record.verb === filter.verb) &&
        (filter.resource === undefined || record.resource === filter.resource) &&
        (filter.status === undefined || record.status === filter.status),
      timeoutMs,
      `a request matching ${JSON.stringify(filter)}`,
    ).then(([record]) => record);
  }

  // ---- Internals --------------------------------------------------------------------------------

  private waitForEvent<E extends keyof FakeKubeApiServerEvents>(
    event: E,
    matches: (...args: FakeKubeApiServerEvents[E]) => boolean,
    timeoutMs: number,
    what: string,
  ): Promise<FakeKubeApiServerEvents[E]> {
    return new Promise((resolve, reject) => {
      const listener = (...args: FakeKubeApiServerEvents[E]): void => {
        if (!matches(...args)) return;
        clearTimeout(timer);
        this.off(event, listener);
        resolve(args);
      };
      const timer = setTimeout(() => {
        this.off(event, listener);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.on(event, listener);
    });
  }

  private typeOf(kind: string, apiVersion?: string): ResourceType {
    const type = resourceTypeForKind(kind, apiVersion);
    if (type === undefined) {
      throw new KubeApiError(
        kubeStatus(
          404,
          'NotFound',
          `no matches for kind "${kind}" in version "${apiVersion ?? ''}"`,
        ),
      );
    }
    if (!this.isServed(type)) throw new KubeApiError(statuses.noSuchResource());
    return type;
  }

  private isServed(type: ResourceType): boolean {
    if (type.crd === undefined) return true;
    if (AGGREGATED_FEATURES.includes(type.crd)) return this.aggregated.has(type.crd);
    const crds = resourceTypeForKind('CustomResourceDefinition');
    return crds !== undefined && this.store.get(crds, undefined, qualifiedName(type)) !== undefined;
  }

  private servedTypes(): ResourceType[] {
    return RESOURCE_TYPES.filter((type) => this.isServed(type));
  }

  private selectWatches(resource?: string): WatchStream[] {
    return [...this.watches].filter(
      (stream) => resource === undefined || stream.resource.plural === resource,
    );
  }

  private listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error): void => reject(error);
      this.http.once('error', onError);
      this.http.listen({ port, host: '127.0.0.1' }, () => {
        this.http.off('error', onError);
        const address = this.http.address();
        this.boundPort = typeof address === 'object' && address !== null ? address.port : port;
        this.listening = true;
        resolve();
      });
    });
  }

  private closeListener(): Promise<void> {
    for (const stream of [...this.watches]) stream.drop();
    if (!this.listening) return Promise.resolve();
    this.listening = false;
    return new Promise((resolve) => {
      this.http.close(() => resolve());
      this.http.closeAllConnections();
      for (const socket of this.sockets) socket.destroy();
    });
  }

  private handlerContext(): HandlerContext {
    return {
      store: this.store,
      pager: this.pager,
      openWatch: (res, request) => this.openWatch(res, request),
      create: (obj) => this.create(obj),
      update: (obj) => this.update(obj),
      delete: (kind, namespace, name) => this.delete(kind, namespace, name),
    };
  }

  private openWatch(res: ServerResponse, request: WatchRequest): WatchStream {
    const id = this.nextWatchId++;
    const limits = [request.timeoutSeconds, this.options.maxWatchSeconds].filter(
      (value): value is number => value !== undefined && value > 0,
    );
    const timeoutMs = limits.length === 0 ? undefined : Math.min(...limits) * 1000;
    const info: WatchInfo = {
      id,
      resource: request.resource.plural,
      ...(request.filter.namespace !== undefined && { namespace: request.filter.namespace }),
      labelSelector: request.labelSelector,
      fieldSelector: request.fieldSelector,
      resourceVersion: request.resourceVersion,
      startedAt: Date.now(),
    };
    const stream = new WatchStream(res, {
      id,
      resource: request.resource,
      filter: request.filter,
      bookmarks: request.bookmarks,
      bookmarkIntervalMs: this.options.bookmarkIntervalMs ?? 60_000,
      ...(timeoutMs !== undefined && { timeoutMs }),
      stalled: this.stalled,
      currentResourceVersion: () => this.store.resourceVersion,
      onEnd: (ended, reason) => {
        this.watches.delete(ended);
        this.emitter.emit('watchEnded', info, reason);
      },
    });
    this.watches.add(stream);
    this.watchInfo.set(stream, info);
    this.emitter.emit('watchStarted', info);
    return stream;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = parseRoute(url.pathname);
    const query = url.searchParams;
    const watch = route.type === 'resource' && (route.legacyWatch || isTrue(query.get('watch')));
    const verb = verbOf(method, route, watch);
    try {
      await this.dispatch(req, res, { method, route, query, verb });
    } catch (error) {
      if (!res.headersSent) {
        sendStatus(
          res,
          error instanceof KubeApiError ? error.status : statuses.internal(String(error)),
        );
      } else {
        res.destroy();
      }
    }
    this.recordRequest({
      method,
      url: req.url ?? '/',
      verb,
      ...(route.type === 'resource' && {
        resource: route.resource.plural,
        ...(route.namespace !== undefined && { namespace: route.namespace }),
        ...(route.name !== undefined && { name: route.name }),
      }),
      status: res.statusCode,
      at: Date.now(),
    });
  }

  private async dispatch(
    req: IncomingMessage,
    res: ServerResponse,
    request: { method: string; route: Route; query: URLSearchParams; verb: RequestVerb },
  ): Promise<void> {
    const { method, route, query, verb } = request;
    if (this.unavailable) return sendStatus(res, statuses.unavailable());
    if (!this.authenticated(req, route)) return sendStatus(res, statuses.unauthorized());
    switch (route.type) {
      case 'health':
        return sendText(res, 200, 'ok');
      case 'version':
        return sendJson(res, 200, VERSION_INFO);
      case 'coreVersions':
        return sendJson(res, 200, apiVersions(`127.0.0.1:${this.boundPort}`));
      case 'groups':
        return sendJson(res, 200, apiGroupList(this.servedTypes()));
      case 'group':
      case 'groupVersion': {
        const body =
          route.type === 'group'
            ? apiGroupDocument(this.servedTypes(), route.group)
            : apiResourceList(this.servedTypes(), route.group, route.version);
        return body === undefined
          ? sendStatus(res, statuses.noSuchResource())
          : sendJson(res, 200, body);
      }
      case 'unknown':
        return sendStatus(res, statuses.noSuchResource());
      case 'resource':
        break;
    }
    const { resource, namespace, name } = route;
    if (!this.isServed(resource)) return sendStatus(res, statuses.noSuchResource());
    if (this.denied.has(resource.plural) || this.denied.has(qualifiedName(resource))) {
      return sendStatus(
        res,
        statuses.forbidden(this.options.user ?? DEFAULT_USER, verb, resource, namespace),
      );
    }
    const resourceRequest: ResourceRequest = {
      resource,
      ...(namespace !== undefined && { namespace }),
      ...(name !== undefined && { name }),
      query,
    };
    const ctx = this.handlerContext();
    if (method === 'GET' && verb === 'watch') return handleWatch(ctx, resourceRequest, res);
    if (method === 'GET' && name !== undefined) return handleGet(ctx, resourceRequest, res);
    if (method === 'GET') return handleList(ctx, resourceRequest, res);
    return handleWrite(ctx, method, resourceRequest, req, res);
  }

  private authenticated(req: IncomingMessage, route: Route): boolean {
    if (this.token === undefined) return true;
    const header = req.headers.authorization;
    // Anonymous requests may read health and version (system:public-info-viewer); bad credentials may not.
    if (header === undefined) return PUBLIC_PATHS.has(route.type);
    return header === `Bearer ${this.token}`;
  }

  private recordRequest(record: RequestRecord): void {
    const key = `${record.verb} ${record.resource ?? '-'} ${record.status}`;
    this.counters.set(key, (this.counters.get(key) ?? 0) + 1);
    this.recent.push(record);
    if (this.recent.length > RECENT_REQUESTS) this.recent.shift();
    this.emitter.emit('request', record);
  }
}

function isTrue(value: string | null): boolean {
  return value === 'true' || value === '1';
}

function verbOf(method: string, route: Route, watch: boolean): RequestVerb {
  switch (route.type) {
    case 'health':
      return 'health';
    case 'version':
      return 'version';
    case 'coreVersions':
    case 'groups':
    case 'group':
    case 'groupVersion':
      return 'discovery';
    case 'unknown':
      return 'unknown';
    case 'resource':
      break;
  }
  switch (method) {
    case 'GET':
      // A watch on one object's path is the deprecated form of a fieldSelector on its name.
      return watch ? 'watch' : route.name !== undefined ? 'get' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'DELETE':
      return 'delete';
    default:
      return 'unknown';
  }
}
