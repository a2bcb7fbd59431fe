import {
  LIVE_NAMESPACE,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@palisade/api-contract';
import { io, type Socket } from 'socket.io-client';

/** `live`: subscribed; `reconnecting`: the connection was lost and socket.io is retrying. */
export type ConnectionState = 'connecting' | 'live' | 'reconnecting';

/** How each state reads on screen. */
export const CONNECTION_LABELS = {
  connecting: 'Connecting to live updates…',
  live: 'Live',
  reconnecting: 'Connection lost, reconnecting…',
} as const satisfies Record<ConnectionState, string>;

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
  socket.on('connect_error', () => handlers.connection('reconnecting'));
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
