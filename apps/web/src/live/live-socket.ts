import {
  LIVE_NAMESPACE,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@palisade/api-contract';
import { io, type Socket } from 'socket.io-client';

/**
 * `live`: subscribed; `reconnecting`: the connection was lost and socket.io is retrying;
 * `signed-out`: the API refused the handshake (the session ended): no retry until signing in.
 */
export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'signed-out';

/** How each state reads on screen. */
export const CONNECTION_LABELS = {
  connecting: 'Connecting to live updates…',
  live: 'Live',
  reconnecting: 'Connection lost, reconnecting…',
  'signed-out': 'No live updates: your session has ended.',
} as const satisfies Record<ConnectionState, string>;

/**
 * The state after a failed handshake. The API's middleware refuses an unauthenticated one with
 * the message `unauthenticated`, and socket.io does not retry a refusal; anything else (the API
 * restarting, the network) is retried.
 */
export function stateAfterConnectError(error: { readonly message?: unknown }): ConnectionState {
  return error.message === 'unauthenticated' ? 'signed-out' : 'reconnecting';
}

type EventName = keyof ServerToClientEvents;

/** A pushed event with its name, so that a `switch` on `name` narrows `event`. */
export type LiveEvent = {
  [K in EventName]: { readonly name: K; readonly event: Parameters<ServerToClientEvents[K]>[0] };
}[EventName];

export interface LiveSocketHandlers {
  readonly connection: (state: ConnectionState) => void;
  /** After a reconnection: events may have been missed while it was down, re-read what may be stale. */
  readonly resync: () => void;
  readonly event: (live: LiveEvent) => void;
}

const EVENTS: readonly EventName[] = [
  'cluster:score',
  'cluster:status',
  'cluster:changes',
  'snapshot:stored',
];

/**
 * One socket.io connection to `/live` through this origin's proxy, subscribed to these clusters
 * (every cluster when omitted). socket.io reconnects by itself; each (re)connection subscribes
 * again. Returns the function that closes it.
 */
export function openLiveSocket(
  clusterIds: readonly string[] | undefined,
  handlers: LiveSocketHandlers,
): () => void {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(LIVE_NAMESPACE, {
    reconnectionDelay: 500,
    reconnectionDelayMax: 5_000,
  });
  const ours = (event: { clusterId: string }) =>
    clusterIds === undefined || clusterIds.includes(event.clusterId);
  let connectedBefore = false;

  socket.on('connect', () => {
    socket.emit('subscribe', clusterIds ? { clusterIds } : {}, () => {
      handlers.connection('live');
      if (connectedBefore) handlers.resync();
      connectedBefore = true;
    });
  });
  socket.on('disconnect', (reason) => {
    handlers.connection('reconnecting');
    // The server closing the connection (a restart) is the one case socket.io does not retry.
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('connect_error', (error) => handlers.connection(stateAfterConnectError(error)));
  for (const name of EVENTS) {
    // One listener shape for every event of the typed map.
    const listener = (event: { clusterId: string }) => {
      if (ours(event)) handlers.event({ name, event } as LiveEvent);
    };
    socket.on(name, listener as never);
  }
  return () => {
    socket.removeAllListeners();
    socket.disconnect();
  };
}
