import type { ServerResponse } from 'node:http';
import type { KubeStatus } from './api-status';
import type { KubeObject } from './kube-object';
import type { StoreEvent } from './object-store';
import { apiVersionOf, type ResourceType } from './resource-types';
import { matchesFilter, type ObjectFilter } from './selectors';

export type WatchEventName = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchEvent {
  readonly type: WatchEventName;
  readonly object: KubeObject | KubeStatus;
}

/** Why a watch ended: the client went away, a timeout, `closeWatches()`, or an abrupt drop. */
export type WatchEndReason = 'client' | 'timeout' | 'closed' | 'dropped' | 'expired';

export interface WatchStreamOptions {
  readonly id: number;
  readonly resource: ResourceType;
  readonly filter: ObjectFilter;
  readonly bookmarks: boolean;
  readonly bookmarkIntervalMs: number;
  /** Close cleanly after this long (the request's timeoutSeconds or the server's own limit). */
  readonly timeoutMs?: number;
  readonly stalled: boolean;
  /** The resourceVersion a BOOKMARK announces: everything up to it has been sent. */
  readonly currentResourceVersion: () => number;
  readonly onEnd: (stream: WatchStream, reason: WatchEndReason) => void;
}

/**
 * One open watch: a chunked response with a JSON event per line. Events pass the watch's
 * namespace and selectors with the server's semantics (an object modified out of the selection is
 * DELETED for this watch, one modified into it ADDED). While stalled, events queue up unsent.
 */
export class WatchStream {
  readonly id: number;
  readonly resource: ResourceType;
  readonly filter: ObjectFilter;
  readonly startedAt = Date.now();
  private queue: WatchEvent[] = [];
  private stalled: boolean;
  private ended = false;
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly res: ServerResponse,
    private readonly options: WatchStreamOptions,
  ) {
    this.id = options.id;
    this.resource = options.resource;
    this.filter = options.filter;
    this.stalled = options.stalled;
    res.on('close', () => this.finish('client'));
    if (options.timeoutMs !== undefined) {
      this.timers.push(setTimeout(() => this.end('timeout'), options.timeoutMs));
    }
    if (options.bookmarks) {
      this.timers.push(setInterval(() => this.bookmark(), options.bookmarkIntervalMs));
    }
  }

  get isOpen(): boolean {
    return !this.ended;
  }

  /** Sends a store event if it concerns this watch; returns whether it did. */
  offer(event: StoreEvent): boolean {
    if (event.resource !== this.resource) return false;
    const type = this.eventTypeFor(event);
    if (type === undefined) return false;
    this.send({ type, object: event.object });
    return true;
  }

  /** A synthetic ADDED for the initial state (a watch without a resourceVersion). */
  sendInitial(obj: KubeObject): void {
    if (matchesFilter(this.filter, obj)) this.send({ type: 'ADDED', object: obj });
  }

  /** The BOOKMARK that ends the initial events of a `sendInitialEvents=true` watch. */
  sendInitialEventsEnd(): void {
    this.send(this.bookmarkEvent({ 'k8s.io/initial-events-end': 'true' }));
  }

  /** An ERROR event (a 410 Status for a too-old resourceVersion), after which the stream ends. */
  fail(status: KubeStatus): void {
    this.write({ type: 'ERROR', object: status });
    this.end('expired');
  }

  stall(): void {
    this.stalled = true;
  }

  resume(): void {
    this.stalled = false;
    const queued = this.queue;
    this.queue = [];
    for (const event of queued) this.write(event);
  }

  /** Ends the response cleanly: a watch timeout as clients know it; they re-watch. */
  end(reason: WatchEndReason = 'closed'): void {
    if (this.ended) return;
    this.res.end();
    this.finish(reason);
  }

  /** Destroys the socket mid-stream, as a dropped connection or a crashed server would. */
  drop(): void {
    if (this.ended) return;
    this.res.socket?.destroy();
    this.res.destroy();
    this.finish('dropped');
  }

  private eventTypeFor(event: StoreEvent): WatchEventName | undefined {
    const now = matchesFilter(this.filter, event.object);
    if (event.type !== 'MODIFIED') return now ? event.type : undefined;
    const before = event.previous !== undefined && matchesFilter(this.filter, event.previous);
    if (now && before) return 'MODIFIED';
    if (now) return 'ADDED';
    return before ? 'DELETED' : undefined;
  }

  private bookmark(): void {
    if (!this.stalled) this.send(this.bookmarkEvent());
  }

  private bookmarkEvent(annotations?: Record<string, string>): WatchEvent {
    return {
      type: 'BOOKMARK',
      object: {
        kind: this.resource.kind,
        apiVersion: apiVersionOf(this.resource),
        metadata: {
          resourceVersion: String(this.options.currentResourceVersion()),
          ...(annotations !== undefined && { annotations }),
        },
      },
    };
  }

  private send(event: WatchEvent): void {
    if (this.ended) return;
    if (this.stalled) this.queue.push(event);
    else this.write(event);
  }

  private write(event: WatchEvent): void {
    if (!this.ended) this.res.write(`${JSON.stringify(event)}\n`);
  }

  private finish(reason: WatchEndReason): void {
    if (this.ended) return;
    this.ended = true;
    this.queue = [];
    for (const timer of this.timers) clearTimeout(timer);
    this.options.onEnd(this, reason);
  }
}
