import { Logger, OnModuleDestroy } from '@nestjs/common';
import { ConnectedSocket, MessageBody, OnGatewayConnection, OnGatewayInit, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { ClientToServerEvents, LIVE_NAMESPACE, ServerToClientEvents } from '@palisade/api-contract';
import type { Namespace, Socket } from 'socket.io';
import { Authenticator } from '../auth/authenticator';
import type { Principal } from '../auth/principal';

interface SocketData {
  principal?: Principal;
}

type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** How often connected sockets are re-checked: a revoked token or ended session is cut off. */
const RECHECK_MS = 60_000;

const room = (clusterId: string) => `cluster:${clusterId}`;

/**
 * socket.io namespace /live. A client subscribes to clusters and receives, per cluster room,
 * the events of ServerToClientEvents. Emitters are typed by event name. CORS and the Origin
 * check come from LiveIoAdapter; the handshake is authenticated here (session cookie or
 * `auth: { token }`, any role) before the client can join a room, and re-checked every minute.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, OnModuleDestroy {
  private readonly logger = new Logger(LiveGateway.name);
  @WebSocketServer() private readonly server!: Namespace<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
  private knownClusters: () => readonly string[] = () => [];
  private recheck?: NodeJS.Timeout;

  constructor(private readonly authenticator: Authenticator) {}

  afterInit(server: Namespace<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>): void {
    server.use((socket, next) => {
      this.authenticate(socket).then(
        (refusal) => next(refusal === undefined ? undefined : new Error(refusal)),
        (error: unknown) => {
          this.logger.error({ msg: 'live handshake could not be authenticated', err: error });
          next(new Error('unavailable'));
        },
      );
    });
    this.recheck = setInterval(() => void this.recheckAll(), RECHECK_MS);
    this.recheck.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.recheck);
  }

  /** Answers why the socket is refused, or undefined when it may stay. */
  private async authenticate(socket: LiveSocket): Promise<string | undefined> {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    const result = await this.authenticator.authenticate({
      authorization: socket.handshake.headers.authorization,
      cookie: socket.handshake.headers.cookie,
      token: typeof token === 'string' ? token : undefined,
    });
    if (result.kind !== 'authenticated') return 'unauthenticated';
    socket.data.principal = result.principal;
    return undefined;
  }

  private async recheckAll(): Promise<void> {
    // This replica's sockets only: each replica re-checks its own.
    for (const socket of [...this.server.sockets.values()]) {
      const refusal = await this.authenticate(socket).catch(() => undefined);
      if (refusal) socket.disconnect(true);
    }
  }

  /** Where "all clusters" comes from (set by the collectors at start). */
  setClusterDirectory(list: () => readonly string[]): void {
    this.knownClusters = list;
  }

  handleConnection(socket: LiveSocket): void {
    this.logger.debug(`live client connected: ${socket.id}`);
  }

  @SubscribeMessage('subscribe')
  subscribe(@ConnectedSocket() socket: LiveSocket, @MessageBody() request: { clusterIds?: unknown } | undefined): readonly string[] {
    const known = new Set(this.knownClusters());
    const asked = Array.isArray(request?.clusterIds) ? request.clusterIds.filter((id): id is string => typeof id === 'string') : [...known];
    const joined = asked.filter((id) => known.has(id));
    void socket.join(joined.map(room));
    return joined;
  }

  emit<E extends keyof ServerToClientEvents>(clusterId: string, event: E, ...payload: Parameters<ServerToClientEvents[E]>): void {
    if (!this.server) return;
    this.server.to(room(clusterId)).emit(event, ...payload);
  }
}
