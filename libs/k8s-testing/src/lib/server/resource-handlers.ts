import type { IncomingMessage, ServerResponse } from 'node:http';
import { KubeApiError, statuses } from './api-status';
import { integerParam, readJsonBody, sendJson } from './http-io';
import { isRecord, type KubeObject } from './kube-object';
import type { ListPager } from './list-pager';
import type { ObjectStore } from './object-store';
import { apiVersionOf, type ResourceType } from './resource-types';
import {
  matchesFilter,
  parseFieldSelector,
  parseLabelSelector,
  SelectorError,
  type ObjectFilter,
} from './selectors';
import type { WatchStream } from './watch-stream';

/** A request for a resource path, after authentication and authorization. */
export interface ResourceRequest {
  readonly resource: ResourceType;
  readonly namespace?: string;
  readonly name?: string;
  readonly query: URLSearchParams;
}

export interface WatchRequest {
  readonly resource: ResourceType;
  readonly filter: ObjectFilter;
  readonly bookmarks: boolean;
  readonly timeoutSeconds?: number;
  readonly labelSelector: string;
  readonly fieldSelector: string;
  readonly resourceVersion: string;
}

/** What the handlers need from the server around them. */
export interface HandlerContext {
  readonly store: ObjectStore;
  readonly pager: ListPager;
  /** Opens and registers a watch stream on a response whose headers are already sent. */
  openWatch(res: ServerResponse, request: WatchRequest): WatchStream;
  create(obj: KubeObject): KubeObject;
  update(obj: KubeObject): KubeObject;
  delete(kind: string, namespace: string | undefined, name: string): KubeObject;
}

/**
 * List items come without kind and apiVersion (the list says them once); custom resources are
 * unstructured and keep them, exactly as the real server serializes both.
 */
function listItem(type: ResourceType, obj: KubeObject): unknown {
  if (type.crd !== undefined) return obj;
  const rest: Record<string, unknown> = { ...obj };
  delete rest['kind'];
  delete rest['apiVersion'];
  return rest;
}

export function parseFilter(req: ResourceRequest): ObjectFilter {
  const { resource, namespace, name, query } = req;
  try {
    const fields = parseFieldSelector(query.get('fieldSelector') ?? '', resource);
    return {
      ...(namespace !== undefined && { namespace }),
      labels: parseLabelSelector(query.get('labelSelector') ?? ''),
      fields:
        name === undefined
          ? fields
          : [...fields, { field: 'metadata.name', operator: '=', value: name }],
    };
  } catch (error) {
    if (error instanceof SelectorError) throw new KubeApiError(statuses.badRequest(error.message));
    throw error;
  }
}

export function handleGet(ctx: HandlerContext, req: ResourceRequest, res: ServerResponse): void {
  const obj = ctx.store.get(req.resource, req.namespace, req.name ?? '');
  if (obj === undefined) throw new KubeApiError(statuses.notFound(req.resource, req.name ?? ''));
  sendJson(res, 200, obj);
}

export function handleList(ctx: HandlerContext, req: ResourceRequest, res: ServerResponse): void {
  const { resource, namespace, query } = req;
  const filter = parseFilter(req);
  const limit = integerParam(query, 'limit');
  const token = query.get('continue') ?? '';
  const labelSelector = query.get('labelSelector') ?? '';
  const fieldSelector = query.get('fieldSelector') ?? '';
  const key = [resource.plural, resource.group, namespace ?? '', labelSelector, fieldSelector].join(
    '|',
  );
  const page =
    token !== ''
      ? ctx.pager.nextPage(key, token, limit)
      : ctx.pager.firstPage(
          key,
          ctx.store.resourceVersion,
          ctx.store.list(resource, namespace).filter((obj) => matchesFilter(filter, obj)),
          limit,
        );
  const selected = labelSelector !== '' || fieldSelector !== '';
  sendJson(res, 200, {
    kind: resource.listKind,
    apiVersion: apiVersionOf(resource),
    metadata: {
      resourceVersion: String(page.resourceVersion),
      ...(page.continueToken !== undefined && { continue: page.continueToken }),
      ...(page.remainingItemCount !== undefined &&
        !selected && { remainingItemCount: page.remainingItemCount }),
    },
    items: page.items.map((obj) => listItem(resource, obj)),
  });
}

/**
 * A watch: 200 and a chunked stream. Without a resourceVersion (or with "0") the current state
 * comes first as ADDED events; from a resourceVersion the retained history is replayed, or, when
 * it no longer reaches back that far, one ERROR event with a 410 Expired Status ends the stream.
 */
export function handleWatch(ctx: HandlerContext, req: ResourceRequest, res: ServerResponse): void {
  const { resource, namespace, query } = req;
  const filter = parseFilter(req);
  const resourceVersion = query.get('resourceVersion') ?? '';
  if (resourceVersion !== '' && !/^\d+$/.test(resourceVersion)) {
    throw new KubeApiError(
      statuses.badRequest(
        `resourceVersion: Invalid value: "${resourceVersion}": must be a non-negative integer`,
      ),
    );
  }
  const timeoutSeconds = integerParam(query, 'timeoutSeconds');
  const bookmarks = query.get('allowWatchBookmarks') === 'true';
  const sendInitialEvents = query.get('sendInitialEvents') === 'true';

  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Transfer-Encoding': 'chunked',
    'Cache-Control': 'no-cache, private',
  });
  res.flushHeaders();
  const stream = ctx.openWatch(res, {
    resource,
    filter,
    bookmarks,
    ...(timeoutSeconds !== undefined && timeoutSeconds > 0 && { timeoutSeconds }),
    labelSelector: query.get('labelSelector') ?? '',
    fieldSelector: query.get('fieldSelector') ?? '',
    resourceVersion,
  });
  if (resourceVersion === '' || resourceVersion === '0' || sendInitialEvents) {
    for (const obj of ctx.store.list(resource, namespace)) stream.sendInitial(obj);
    if (sendInitialEvents && bookmarks) stream.sendInitialEventsEnd();
    return;
  }
  const requested = Number(resourceVersion);
  const events = ctx.store.eventsAfter(requested);
  if (events === undefined) {
    stream.fail(statuses.tooOldResourceVersion(requested, ctx.store.oldestResourceVersion));
    return;
  }
  for (const event of events) stream.offer(event);
}

/** POST to a collection, PUT to an object, DELETE of an object: the write verbs tests may use over HTTP. */
export async function handleWrite(
  ctx: HandlerContext,
  method: string,
  req: ResourceRequest,
  httpReq: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const { resource, namespace, name } = req;
  if (method === 'DELETE' && name !== undefined) {
    sendJson(res, 200, ctx.delete(resource.kind, namespace, name));
    return;
  }
  if ((method === 'POST' && name === undefined) || (method === 'PUT' && name !== undefined)) {
    const body = await readJsonBody(httpReq);
    if (!isRecord(body) || !isRecord(body['metadata'])) {
      throw new KubeApiError(
        statuses.badRequest('the body of the request must be a Kubernetes object with metadata'),
      );
    }
    const obj = body as KubeObject;
    if (obj.kind !== undefined && obj.kind !== resource.kind) {
      throw new KubeApiError(
        statuses.badRequest(
          `the kind "${String(obj.kind)}" of the object does not match the path (${resource.kind})`,
        ),
      );
    }
    const bodyNamespace = obj.metadata.namespace;
    if (namespace !== undefined && bodyNamespace !== undefined && bodyNamespace !== namespace) {
      throw new KubeApiError(
        statuses.badRequest(
          'the namespace of the provided object does not match the namespace sent on the request',
        ),
      );
    }
    if (name !== undefined && obj.metadata.name !== undefined && obj.metadata.name !== name) {
      throw new KubeApiError(
        statuses.badRequest('the name of the object does not match the name on the URL'),
      );
    }
    const input: KubeObject = {
      ...obj,
      kind: resource.kind,
      apiVersion: apiVersionOf(resource),
      metadata: {
        ...obj.metadata,
        ...(namespace !== undefined && { namespace }),
        ...(name !== undefined && { name }),
      },
    };
    if (method === 'POST') sendJson(res, 201, ctx.create(input));
    else sendJson(res, 200, ctx.update(input));
    return;
  }
  throw new KubeApiError(statuses.methodNotAllowed(method));
}
